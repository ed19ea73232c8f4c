import { segmentUsers } from '@tideflow/workflows';
import { z } from 'zod';
import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { requireUuid } from './ids';
import { storableText } from './text';

export const SegmentKind = builder.enumType('SegmentKind', {
  values: { LIVE: { description: 'Membership follows users as they act (updated per event, and by a periodic sweep for time windows).' }, STATIC: { description: 'A snapshot or an upload; never updates itself.' } } as const,
});
const SegmentStatus = builder.enumType('SegmentStatus', { values: ['COMPUTING', 'READY', 'FAILED'] as const });
const SegmentUserKind = builder.enumType('SegmentUserKind', { values: ['JOURNEY', 'SEGMENT'] as const });

const SegmentUsedBy = builder.objectRef<{ kind: 'JOURNEY' | 'SEGMENT'; id: string; name: string }>('SegmentUsedBy').implement({
  fields: (t) => ({ kind: t.expose('kind', { type: SegmentUserKind }), id: t.exposeID('id'), name: t.exposeString('name') }),
});

const SegmentSizePoint = builder.objectRef<{ day: Date; size: number }>('SegmentSizePoint').implement({
  fields: (t) => ({ day: t.expose('day', { type: 'DateTime' }), size: t.exposeInt('size') }),
});

builder.prismaObject('SegmentMember', {
  description: 'A current member, since when.',
  fields: (t) => ({ user: t.relation('user'), enteredAt: t.expose('enteredAt', { type: 'DateTime' }), segment: t.relation('segment') }),
});

builder.prismaObject('SegmentMembershipPeriod', {
  description: 'One stay of a user in a segment (membership history).',
  fields: (t) => ({
    userId: t.exposeID('userId'),
    user: t.prismaField({
      type: 'User',
      nullable: true,
      description: 'The user (null once the profile was merged into another or deleted).',
      // findUnique calls of one tick are batched by Prisma into one query.
      resolve: (query, period, _args, { prisma }) => prisma.user.findUnique({ ...query, where: { id: period.userId } }),
    }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
    exitedAt: t.expose('exitedAt', { type: 'DateTime', nullable: true }),
    segment: t.relation('segment'),
  }),
});

builder.prismaObject('Segment', {
  description: 'Who a message is for: a live or static set of users, defined in the segment language (see `previewSegment`).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    kind: t.expose('kind', { type: SegmentKind }),
    definition: t.expose('definition', { type: 'JSON', nullable: true, description: 'The segment language; null for an uploaded static segment.' }),
    isTest: t.exposeBoolean('isTest', { description: 'An audience for test sends.' }),
    status: t.expose('status', { type: SegmentStatus }),
    size: t.exposeInt('size', { description: 'Current members.' }),
    computedAt: t.expose('computedAt', { type: 'DateTime', nullable: true, description: 'Last full computation.' }),
    lastError: t.exposeString('lastError', { nullable: true }),
    dependsOnEvents: t.exposeStringList('dependsOnEvents', { description: 'Event names that re-check a user (live segments).' }),
    timeSensitive: t.exposeBoolean('timeSensitive', { description: 'Sliding windows or relative dates: the periodic sweep moves users in and out as time passes.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    trend: t.field({
      type: [SegmentSizePoint],
      description: 'Daily size, oldest first.',
      args: { days: t.arg.int({ defaultValue: 30, validate: z.number().int().min(1, 'must be at least 1').max(366, 'must be at most 366') }) },
      resolve: (segment, args, { prisma }) =>
        prisma.segmentSize.findMany({ where: { segmentId: segment.id, day: { gte: new Date(Date.now() - (args.days ?? 30) * 86_400_000) } }, orderBy: { day: 'asc' }, select: { day: true, size: true } }),
    }),
    usedBy: t.field({ type: [SegmentUsedBy], complexity: 10, description: 'Journeys and segments that refer to it (it cannot be deleted while any do).', resolve: (segment, _args, { prisma }) => segmentUsers(prisma, segment.workspaceId, segment.id) }),
    members: t.relatedConnection('members', {
      cursor: 'segmentId_userId',
      totalCount: true,
      defaultSize: 25,
      maxSize: 200,
      complexity: connectionComplexity(25),
      description: 'Current members, most recent entries first.',
      query: () => ({ orderBy: [{ enteredAt: 'desc' }, { userId: 'asc' }] }),
    }),
    history: t.relation('periods', {
      description: 'Membership history (entries and exits), newest first; `userId` narrows it to one user.',
      args: { userId: t.arg.string({ validate: z.string().max(500).superRefine(storableText) }), first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(500) }) },
      query: (args) => ({ orderBy: [{ enteredAt: 'desc' }, { id: 'desc' }], take: args.first ?? 50, ...(args.userId ? { where: { userId: requireUuid(args.userId, 'userId') } } : {}) }),
    }),
  }),
});

builder.queryField('segments', (t) =>
  t.prismaField({
    type: ['Segment'],
    description: 'Segments of the workspace with their sizes, by name.',
    args: { kind: t.arg({ type: SegmentKind }), testOnly: t.arg.boolean({ description: 'Only test audiences.' }) },
    resolve: (query, _root, args, context) =>
      context.prisma.segment.findMany({ ...query, where: { workspaceId: workspaceOf(context), ...(args.kind ? { kind: args.kind } : {}), ...(args.testOnly ? { isTest: true } : {}) }, orderBy: { name: 'asc' }, take: 1000 }),
  }),
);

builder.queryField('segment', (t) =>
  t.prismaField({
    type: 'Segment',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => context.prisma.segment.findFirst({ ...query, where: { id: requireUuid(String(args.id), 'id'), workspaceId: workspaceOf(context) } }),
  }),
);

builder.prismaObjectField('User', 'segments', (t) =>
  t.relation('segmentMemberships', { description: 'Segments the user is in now.', query: { orderBy: { enteredAt: 'desc' } } }),
);

builder.prismaObjectField('User', 'segmentHistory', (t) =>
  t.prismaField({
    type: ['SegmentMembershipPeriod'],
    description: "The user's entries and exits, newest first.",
    args: { first: t.arg.int({ defaultValue: 100, validate: z.number().int().min(1).max(500) }) },
    resolve: (query, user, args, { prisma }) =>
      prisma.segmentMembershipPeriod.findMany({ ...query, where: { workspaceId: user.workspaceId, userId: user.id }, orderBy: [{ enteredAt: 'desc' }, { id: 'desc' }], take: args.first ?? 100 }),
  }),
);

