import { z } from 'zod';
import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { inputError } from '../errors';
import { ConnectionArgs, isUuid, requireUuid } from './ids';
import { storableText } from './text';

export const JourneyRunStatus = builder.enumType('JourneyRunStatus', {
  values: {
    ACTIVE: { description: 'In flight.' },
    COMPLETED: { description: 'Reached an end, or a branch that leads nowhere.' },
    EXITED: { description: 'Ended early: exit criterion, conversion exit, control group, loop limit.' },
    CANCELLED: { description: 'The journey was stopped.' },
    FAILED: { description: 'An unexpected error ended the run.' },
  } as const,
});

const JourneyStepKind = builder.enumType('JourneyStepKind', {
  values: {
    ENTERED: { description: 'The run arrived at the node.' },
    WAITING: { description: 'It waits there (timer, time of day, event); the reason says until when.' },
    BRANCH: { description: 'It left by `branch`; the reason says why.' },
    CONVERTED: { description: 'The journey goal happened.' },
    ENDED: { description: 'The run ended; the reason says how.' },
  } as const,
});

builder.prismaObject('JourneyRunStep', {
  description: 'One line of a run\'s step log: the answer to "why didn\'t this user get the email?".',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    nodeId: t.exposeString('nodeId', { nullable: true }),
    kind: t.expose('kind', { type: JourneyStepKind }),
    branch: t.exposeString('branch', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    messageId: t.exposeID('messageId', { nullable: true, description: 'The message sent at this step, if any.' }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.prismaObject('JourneyRun', {
  description: "One user's pass through a journey: one Temporal workflow (find it in the Temporal UI by `workflowId`). A run finishes on the version it started with.",
  fields: (t) => ({
    id: t.exposeID('id'),
    journey: t.relation('journey'),
    version: t.exposeInt('version', { description: 'The published version this run interprets, whatever is published later.' }),
    user: t.relation('user'),
    entryNumber: t.exposeInt('entryNumber', { description: "1 for the user's first entry into the journey, 2 for the next, …" }),
    status: t.expose('status', { type: JourneyRunStatus }),
    currentNodeId: t.exposeString('currentNodeId', { nullable: true }),
    waitingSince: t.expose('waitingSince', { type: 'DateTime', nullable: true }),
    listeningTo: t.exposeStringList('listeningTo', { description: 'Event names routed to this run now.' }),
    triggerNodeId: t.exposeString('triggerNodeId'),
    triggerEvent: t.expose('triggerEvent', { type: 'JSON', description: 'The event (or API payload, schedule tick) that started the run.' }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    endReason: t.exposeString('endReason', { nullable: true }),
    convertedAt: t.expose('convertedAt', { type: 'DateTime', nullable: true }),
    workflowId: t.exposeString('workflowId'),
    steps: t.relation('steps', { query: { orderBy: { seq: 'asc' } }, description: 'The step log, in order.' }),
  }),
});

export const JourneyRunFilter = builder.inputType('JourneyRunFilter', {
  fields: (t) => ({
    userId: t.string({ validate: z.string().max(500).superRefine(storableText), description: "A user's Tideflow id or userId." }),
    status: t.field({ type: JourneyRunStatus }),
    nodeId: t.string({ validate: z.string().max(64).superRefine(storableText), description: 'Runs sitting at this node now (active runs).' }),
  }),
});

/** Tideflow id, userId, or a former userId (alias). */
export function userMatch(userId: string) {
  return isUuid(userId) ? { OR: [{ id: userId }, { externalId: userId }] } : { OR: [{ externalId: userId }, { identities: { some: { kind: 'ALIAS' as const, value: userId } } }] };
}

builder.queryField('journeyRuns', (t) =>
  t.prismaConnection({
    type: 'JourneyRun',
    cursor: 'id',
    defaultSize: 25,
    maxSize: 200,
    complexity: connectionComplexity(25),
    validate: ConnectionArgs,
    description: 'Runs of a journey, newest first; filter by user, status, or the node runs wait at.',
    args: { journeyId: t.arg.id({ required: true }), filter: t.arg({ type: JourneyRunFilter }) },
    totalCount: (_parent, args, context) => context.prisma.journeyRun.count({ where: runWhere(workspaceOf(context), String(args.journeyId), args.filter) }),
    resolve: (query, _root, args, context) =>
      context.prisma.journeyRun.findMany({ ...query, where: runWhere(workspaceOf(context), String(args.journeyId), args.filter), orderBy: [{ enteredAt: 'desc' }, { id: 'asc' }] }),
  }),
);

function runWhere(workspaceId: string, journeyId: string, filter: typeof JourneyRunFilter.$inferInput | null | undefined) {
  requireUuid(journeyId, 'journeyId');
  return {
    workspaceId,
    journeyId,
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.nodeId ? { currentNodeId: filter.nodeId, status: 'ACTIVE' as const } : {}),
    ...(filter?.userId ? { user: userMatch(filter.userId) } : {}),
  };
}

builder.queryField('journeyRun', (t) =>
  t.prismaField({
    type: 'JourneyRun',
    nullable: true,
    description: "A user's run through a journey with its step log: the latest entry, or `entryNumber`. Null when the user never entered.",
    args: {
      journeyId: t.arg.id({ required: true }),
      userId: t.arg.string({ required: true, validate: z.string().min(1, 'must not be empty').max(500).superRefine(storableText), description: "The user's Tideflow id or userId." }),
      entryNumber: t.arg.int({ validate: z.number().int().min(1, 'must be at least 1') }),
    },
    resolve: (query, _root, args, context) => {
      const journeyId = requireUuid(String(args.journeyId), 'journeyId');
      if (!args.userId.trim()) throw inputError('userId', 'must not be empty');
      return context.prisma.journeyRun.findFirst({
        ...query,
        where: { workspaceId: workspaceOf(context), journeyId, user: userMatch(args.userId), ...(args.entryNumber ? { entryNumber: args.entryNumber } : {}) },
        orderBy: { entryNumber: 'desc' },
      });
    },
  }),
);
