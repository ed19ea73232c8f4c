import type { ChannelSettings } from '@tideflow/db';
import { defaultFromEmail, sendTestMessage } from '@tideflow/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import { type GraphQLContext, workspaceOf } from '../context';
import { inputError } from '../errors';
import { storableText } from './text';

interface ChannelSettingsView {
  settings: ChannelSettings | null;
  webhookHeaderNames: string[];
}

const EmailChannelMode = builder.enumType('EmailChannelMode', {
  values: { OUTBOX: { description: 'No SMTP server: email is kept in the outbox (the `outbox` query).' }, SMTP: { description: 'Sent through the configured SMTP server.' } } as const,
});

const EmailChannel = builder.objectRef<ChannelSettingsView>('EmailChannel').implement({
  fields: (t) => ({
    mode: t.field({ type: EmailChannelMode, resolve: ({ settings }) => (settings?.smtpHost ? 'SMTP' : 'OUTBOX') }),
    smtpHost: t.string({ nullable: true, resolve: ({ settings }) => settings?.smtpHost ?? null }),
    smtpPort: t.int({ nullable: true, resolve: ({ settings }) => settings?.smtpPort ?? null }),
    smtpSecure: t.boolean({ description: 'TLS from the start (port 465); otherwise STARTTLS when offered.', resolve: ({ settings }) => settings?.smtpSecure ?? false }),
    smtpUser: t.string({ nullable: true, resolve: ({ settings }) => settings?.smtpUser ?? null }),
    hasPassword: t.boolean({ description: 'A password is stored (encrypted; never returned).', resolve: ({ settings }) => Boolean(settings?.smtpPasswordSealed) }),
    fromEmail: t.string({ resolve: ({ settings }) => settings?.fromEmail ?? defaultFromEmail }),
    fromName: t.string({ nullable: true, resolve: ({ settings }) => settings?.fromName ?? null }),
  }),
});

const WebhookChannel = builder.objectRef<ChannelSettingsView>('WebhookChannel').implement({
  fields: (t) => ({
    headerNames: t.stringList({ description: 'Default headers sent with every webhook (values are secret and never returned).', resolve: (view) => view.webhookHeaderNames }),
    timeoutSeconds: t.int({ resolve: ({ settings }) => settings?.webhookTimeoutSeconds ?? 10 }),
  }),
});

const ChannelSettingsRef = builder.objectRef<ChannelSettingsView>('ChannelSettings').implement({
  description: "The workspace's message channels.",
  fields: (t) => ({
    email: t.field({ type: EmailChannel, resolve: (view) => view }),
    webhook: t.field({ type: WebhookChannel, resolve: (view) => view }),
  }),
});

async function view(context: GraphQLContext): Promise<ChannelSettingsView> {
  const settings = await context.prisma.channelSettings.findUnique({ where: { workspaceId: workspaceOf(context) } });
  const headers = settings?.webhookHeadersSealed ? (JSON.parse(context.secrets.open(settings.webhookHeadersSealed)) as Array<{ name: string }>) : [];
  return { settings, webhookHeaderNames: headers.map((h) => h.name) };
}

builder.queryField('channelSettings', (t) => t.field({ type: ChannelSettingsRef, resolve: (_root, _args, context) => view(context) }));

const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`).superRefine(storableText);
const Host = z.string().trim().min(1, 'must not be empty').max(255).regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, 'must be a host name or IP address');

const UpdateEmailChannelInput = builder.inputType('UpdateEmailChannelInput', {
  fields: (t) => ({
    smtpHost: t.string({ validate: Host, description: 'The SMTP server; null switches back to the outbox.' }),
    smtpPort: t.int({ validate: z.number().int().min(1).max(65535, 'must be a port number (1–65535)') }),
    smtpSecure: t.boolean(),
    smtpUser: t.string({ validate: Text(255) }),
    smtpPassword: t.string({ validate: Text(1024), description: 'Write-only. Omit to keep the stored one; null removes it.' }),
    fromEmail: t.string({ validate: z.email('must be an email address').max(255) }),
    fromName: t.string({ validate: Text(255) }),
  }),
});

builder.mutationField('updateEmailChannel', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ChannelSettingsRef,
    description: 'Sets the SMTP server and sender. Fields left out keep their value.',
    args: { input: t.arg({ type: UpdateEmailChannelInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      const data = {
        ...(input.smtpHost !== undefined ? { smtpHost: input.smtpHost?.trim() ?? null } : {}),
        ...(input.smtpPort !== undefined ? { smtpPort: input.smtpPort } : {}),
        ...(input.smtpSecure != null ? { smtpSecure: input.smtpSecure } : {}),
        ...(input.smtpUser !== undefined ? { smtpUser: input.smtpUser || null } : {}),
        ...(input.smtpPassword !== undefined ? { smtpPasswordSealed: input.smtpPassword ? context.secrets.seal(input.smtpPassword) : null } : {}),
        ...(input.fromEmail !== undefined ? { fromEmail: input.fromEmail } : {}),
        ...(input.fromName !== undefined ? { fromName: input.fromName || null } : {}),
      };
      await context.prisma.channelSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
      return view(context);
    },
  }),
);

const WebhookHeaderInput = builder.inputType('WebhookHeaderInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(128).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name') }),
    value: t.string({ required: true, validate: z.string().max(4096).regex(/^[^\r\n]*$/, 'must be on one line').superRefine(storableText) }),
  }),
});

const UpdateWebhookChannelInput = builder.inputType('UpdateWebhookChannelInput', {
  fields: (t) => ({
    headers: t.field({ type: [WebhookHeaderInput], validate: z.array(z.unknown()).max(50, 'may have at most 50 headers'), description: 'Replaces the default headers when given.' }),
    timeoutSeconds: t.int({ validate: z.number().int().min(1, 'must be at least 1').max(60, 'must be at most 60') }),
  }),
});

builder.mutationField('updateWebhookChannel', (t) =>
  t.field({
    authScopes: { admin: true },
    type: ChannelSettingsRef,
    description: 'Default headers (stored encrypted) and timeout for webhooks.',
    args: { input: t.arg({ type: UpdateWebhookChannelInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      const data = {
        ...(input.headers ? { webhookHeadersSealed: input.headers.length ? context.secrets.seal(JSON.stringify(input.headers.map((h) => ({ name: h.name, value: h.value })))) : null } : {}),
        ...(input.timeoutSeconds != null ? { webhookTimeoutSeconds: input.timeoutSeconds } : {}),
      };
      await context.prisma.channelSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
      return view(context);
    },
  }),
);

const TestMessageChannel = builder.enumType('TestMessageChannel', { values: ['EMAIL', 'WEBHOOK'] as const });

const SendTestMessageInput = builder.inputType('SendTestMessageInput', {
  fields: (t) => ({
    channel: t.field({ type: TestMessageChannel, required: true }),
    to: t.string({ required: true, validate: Text(2048), description: 'An email address (EMAIL) or an http(s) URL (WEBHOOK).' }),
    subject: t.string({ validate: Text(998) }),
    body: t.string({ validate: Text(100_000), description: 'HTML for email, the request body for a webhook.' }),
  }),
});

builder.mutationField('sendTestMessage', (t) =>
  t.prismaField({
    type: 'Message',
    description: 'Sends a test through the channel settings; the message says SENT or FAILED with the provider\'s error.',
    args: { input: t.arg({ type: SendTestMessageInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      let message;
      if (input.channel === 'EMAIL') {
        if (!z.email().safeParse(input.to).success) throw inputError('input.to', 'must be an email address');
        message = await sendTestMessage(context.prisma, context.secrets, { channel: 'EMAIL', workspaceId, to: input.to, subject: input.subject ?? 'Tideflow test message', html: input.body ?? '<p>This is a test message from Tideflow.</p>' });
      } else {
        if (!/^https?:\/\/[^\s/]+/i.test(input.to)) throw inputError('input.to', 'must be an http:// or https:// URL');
        message = await sendTestMessage(context.prisma, context.secrets, { channel: 'WEBHOOK', workspaceId, url: input.to, body: input.body ?? JSON.stringify({ test: true, source: 'tideflow' }) });
      }
      return context.prisma.message.findUniqueOrThrow({ ...query, where: { id: message.id } });
    },
  }),
);
