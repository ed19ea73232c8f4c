import { z } from 'zod';
import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { ConnectionArgs, isUuid } from './ids';
import { userMatch } from './journeyRun';
import { storableText } from './text';

const MessageChannel = builder.enumType('MessageChannel', { values: ['EMAIL', 'WEBHOOK'] as const });
const MessagePurpose = builder.enumType('MessagePurpose', {
  values: { MESSAGE: { description: 'A message to the user.' }, WEBHOOK_CALL: { description: "A journey's webhook step." } } as const,
});
const MessageStatus = builder.enumType('MessageStatus', {
  values: {
    SENDING: { description: 'The provider is being called.' },
    SENT: { description: 'Accepted by the provider (or kept in the outbox).' },
    FAILED: { description: 'Refused by the provider (see `error`).' },
    UNCONFIRMED: { description: 'An attempt stopped mid-call (a worker restart): it may have been delivered, so it is never resent.' },
  } as const,
});

builder.prismaObject('Message', {
  description: 'A delivery fact: one message (or webhook call) for one journey step, never sent twice.',
  fields: (t) => ({
    id: t.exposeID('id'),
    channel: t.expose('channel', { type: MessageChannel }),
    purpose: t.expose('purpose', { type: MessagePurpose }),
    status: t.expose('status', { type: MessageStatus }),
    provider: t.exposeString('provider', { description: '`smtp`, `outbox` (no SMTP configured) or `http`.' }),
    recipient: t.exposeString('recipient', { nullable: true, description: 'Email address or URL.' }),
    subject: t.exposeString('subject', { nullable: true }),
    body: t.exposeString('body', { nullable: true, description: 'The rendered email HTML or request body.' }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    attempts: t.exposeInt('attempts'),
    test: t.exposeBoolean('test'),
    user: t.relation('user', { nullable: true }),
    journeyId: t.exposeID('journeyId', { nullable: true }),
    runId: t.exposeID('runId', { nullable: true }),
    nodeId: t.exposeString('nodeId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
  }),
});

const MessageFilter = builder.inputType('MessageFilter', {
  fields: (t) => ({
    provider: t.string({ validate: z.string().max(32).superRefine(storableText) }),
    channel: t.field({ type: MessageChannel }),
    status: t.field({ type: MessageStatus }),
    userId: t.string({ validate: z.string().max(500).superRefine(storableText), description: "A user's Tideflow id or userId." }),
    journeyId: t.id(),
  }),
});

function messageWhere(workspaceId: string, filter: typeof MessageFilter.$inferInput | null | undefined) {
  return {
    workspaceId,
    ...(filter?.provider ? { provider: filter.provider } : {}),
    ...(filter?.channel ? { channel: filter.channel } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.userId ? { user: userMatch(filter.userId) } : {}),
    ...(filter?.journeyId ? { journeyId: isUuid(String(filter.journeyId)) ? String(filter.journeyId) : '00000000-0000-0000-0000-000000000000' } : {}),
  };
}

const connection = { cursor: 'id' as const, defaultSize: 25, maxSize: 200, complexity: connectionComplexity(25), validate: ConnectionArgs };

builder.queryField('messages', (t) =>
  t.prismaConnection({
    type: 'Message',
    ...connection,
    description: 'Messages and webhook calls, newest first.',
    args: { filter: t.arg({ type: MessageFilter }) },
    totalCount: (_parent, args, context) => context.prisma.message.count({ where: messageWhere(workspaceOf(context), args.filter) }),
    resolve: (query, _root, args, context) => context.prisma.message.findMany({ ...query, where: messageWhere(workspaceOf(context), args.filter), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

builder.queryField('outbox', (t) =>
  t.prismaConnection({
    type: 'Message',
    ...connection,
    description: 'Email kept because no SMTP server is configured (the demo works out of the box), newest first.',
    totalCount: (_parent, _args, context) => context.prisma.message.count({ where: { workspaceId: workspaceOf(context), provider: 'outbox' } }),
    resolve: (query, _root, _args, context) => context.prisma.message.findMany({ ...query, where: { workspaceId: workspaceOf(context), provider: 'outbox' }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

builder.queryField('message', (t) =>
  t.prismaField({
    type: 'Message',
    nullable: true,
    description: "One message of the caller's workspace, with its rendered body; null when there is none with that id.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => {
      const id = String(args.id);
      return isUuid(id) ? context.prisma.message.findFirst({ ...query, where: { id, workspaceId: workspaceOf(context) } }) : null;
    },
  }),
);
