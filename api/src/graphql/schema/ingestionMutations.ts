import { randomUUID } from 'node:crypto';
import { type SegmentCallType, validateSegmentCall } from '@tideflow/domain';
import { builder } from '../builder';
import { type GraphQLContext, workspaceOf } from '../context';
import { InputError } from '../errors';

/** identify and track through GraphQL: the same validation and storage as the HTTP API. */
const IdentifyInput = builder.inputType('IdentifyInput', {
  fields: (t) => ({
    userId: t.string({ description: 'Your id for the user. userId or anonymousId is required.' }),
    anonymousId: t.string(),
    traits: t.field({ type: 'JSONObject', description: 'Attributes to merge into the profile; null removes one.' }),
    context: t.field({ type: 'JSONObject' }),
    timestamp: t.field({ type: 'DateTime' }),
    messageId: t.string({ description: 'Deduplication key: the same messageId is stored once.' }),
  }),
});

const TrackInput = builder.inputType('TrackInput', {
  fields: (t) => ({
    event: t.string({ required: true }),
    userId: t.string({ description: 'Your id for the user. userId or anonymousId is required.' }),
    anonymousId: t.string(),
    properties: t.field({ type: 'JSONObject' }),
    context: t.field({ type: 'JSONObject' }),
    timestamp: t.field({ type: 'DateTime' }),
    messageId: t.string({ description: 'Deduplication key: the same messageId is stored once.' }),
  }),
});

const IngestionPayload = builder.objectRef<{ userId: string | null; messageId: string; duplicate: boolean }>('IngestionPayload').implement({
  fields: (t) => ({
    messageId: t.exposeString('messageId'),
    duplicate: t.exposeBoolean('duplicate', { description: 'True when this messageId was already stored; nothing changed.' }),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The profile the message was recorded on (null for a duplicate).',
      resolve: (query, parent, _args, context) => (parent.userId ? context.prisma.user.findUnique({ ...query, where: { id: parent.userId } }) : null),
    }),
  }),
});

async function ingestOne(context: GraphQLContext, type: SegmentCallType, input: Record<string, unknown>) {
  const body = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
  const result = validateSegmentCall(type, body, { receivedAt: new Date(), newMessageId: randomUUID });
  if (!result.ok) throw new InputError(result.problems.map((problem) => ({ field: problem.field ? `input.${problem.field}` : 'input', message: problem.message })));
  const outcome = await context.ingest(workspaceOf(context), result.messages);
  const accepted = outcome.accepted[0];
  return { userId: accepted?.userId ?? null, messageId: result.messages[0]!.messageId, duplicate: outcome.duplicates > 0 };
}

builder.mutationField('identify', (t) =>
  t.field({
    type: IngestionPayload,
    description: 'Creates or updates a user, as Segment identify does (merging an anonymous profile when both ids are given).',
    args: { input: t.arg({ type: IdentifyInput, required: true }) },
    resolve: (_root, { input }, context) => ingestOne(context, 'identify', input),
  }),
);

builder.mutationField('track', (t) =>
  t.field({
    type: IngestionPayload,
    description: 'Records an event, as Segment track does.',
    args: { input: t.arg({ type: TrackInput, required: true }) },
    resolve: (_root, { input }, context) => ingestOne(context, 'track', input),
  }),
);
