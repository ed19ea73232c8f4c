import { randomUUID } from 'node:crypto';
import type { Message, PrismaClient } from '@tideflow/db';
import type { SecretBox } from '../secrets/secretBox';
import { loadChannelConfig } from './channelConfig';
import { sendSmtp } from './emailTransport';
import { sendHttpRequest } from './httpRequest';
import { claimDelivery, completeDelivery, failDelivery } from './deliveries';

export type TestMessageInput =
  | { channel: 'EMAIL'; workspaceId: string; to: string; subject: string; html: string }
  | { channel: 'WEBHOOK'; workspaceId: string; url: string; body: string };

/**
 * A test send through the workspace's channel settings, recorded as a test
 * message (so the outbox shows it when no SMTP server is configured). Returns
 * the message, SENT or FAILED with the provider's error.
 */
export async function sendTestMessage(prisma: PrismaClient, secrets: SecretBox, input: TestMessageInput): Promise<Message> {
  const channels = await loadChannelConfig(prisma, secrets, input.workspaceId);
  const idempotencyKey = `test:${randomUUID()}`;
  const base = { workspaceId: input.workspaceId, userId: null, journeyId: null, runId: null, nodeId: null, purpose: 'MESSAGE' as const, idempotencyKey, test: true };
  const email = input.channel === 'EMAIL';
  const claim = await claimDelivery(prisma, email
    ? { ...base, channel: 'EMAIL', provider: channels.smtp ? 'smtp' : 'outbox', recipient: input.to, subject: input.subject, body: input.html }
    : { ...base, channel: 'WEBHOOK', provider: 'http', recipient: input.url, subject: `POST ${new URL(input.url).host}`, body: input.body });
  if (claim.kind !== 'claimed') throw new Error('a fresh test message key was already used');
  try {
    if (input.channel === 'EMAIL') {
      const from = channels.fromName ? `"${channels.fromName}" <${channels.fromEmail}>` : channels.fromEmail;
      const result = channels.smtp ? await sendSmtp(channels.smtp, { from, to: input.to, subject: input.subject, html: input.html, idempotencyKey }) : {};
      await completeDelivery(prisma, claim.messageId, result);
    } else {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tideflow-Webhook/1.0', 'idempotency-key': idempotencyKey };
      for (const header of channels.webhookHeaders) headers[header.name.toLowerCase()] = header.value;
      const response = await sendHttpRequest({ url: input.url, method: 'POST', headers, body: input.body, timeoutMs: channels.webhookTimeoutSeconds * 1000 });
      await completeDelivery(prisma, claim.messageId, { responseStatus: response.status, response: response.body ?? null });
    }
  } catch (error) {
    await failDelivery(prisma, claim.messageId, (error as Error).message, (error as { status?: number }).status ?? null);
  }
  return prisma.message.findUniqueOrThrow({ where: { id: claim.messageId } });
}
