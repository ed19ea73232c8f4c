import { Prisma } from '@tideflow/db';
import { validateJourneyDraft } from '@tideflow/workflows';
import { builder, connectionComplexity } from '../builder';
import { workspaceOf } from '../context';
import { NotFoundError } from '../errors';
import { requireUuid } from './ids';
import { JourneyProblemRef } from './journeyProblem';
import { JourneyRunFilter } from './journeyRun';
import { JourneyNodeStatsRef, journeyNodeStats, JourneyStatsRef, journeyStats } from './journeyStats';

export const JourneyStatus = builder.enumType('JourneyStatus', {
  values: {
    DRAFT: { description: 'Never published.' },
    LIVE: { description: 'Accepting entries.' },
    PAUSED: { description: 'No new entries; runs in flight continue.' },
    STOPPED: { description: 'Runs were cancelled; no new entries. Publishing again makes it live.' },
    ARCHIVED: { description: 'Hidden from the default list.' },
  } as const,
});

builder.prismaObject('JourneyVersion', {
  description: 'A published, frozen definition. Runs finish on the version they started with.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    definition: t.expose('definition', { type: 'JSON' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    activeRuns: t.int({ description: 'Runs in flight on this version.', resolve: (v, _args, { prisma }) => prisma.journeyRun.count({ where: { journeyId: v.journeyId, version: v.version, status: 'ACTIVE' } }) }),
  }),
});

builder.prismaObject('Journey', {
  description: 'A customer journey: entry triggers → waits, splits, messages, updates → exits. Edit the draft; publishing freezes it into a new version.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: JourneyStatus }),
    draft: t.expose('draft', { type: 'JSON', description: 'The definition being edited (nodes, edges, entry rules, goal, exit criteria). May be invalid until published.' }),
    draftRevision: t.exposeInt('draftRevision', { description: 'Increments on every save; pass it back as `expectedRevision` to avoid overwriting a colleague.' }),
    latestVersion: t.exposeInt('latestVersion', { nullable: true, description: 'The newest published version: new entries use it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    stoppedAt: t.expose('stoppedAt', { type: 'DateTime', nullable: true }),
    problems: t.field({ type: [JourneyProblemRef], description: 'Validation of the current draft.', resolve: async (journey, _args, { prisma }) => (await validateJourneyDraft(prisma, journey.workspaceId, journey.draft)).problems }),
    versions: t.relation('versions', { query: { orderBy: { version: 'desc' } } }),
    stats: t.field({ type: JourneyStatsRef, complexity: 10, resolve: (journey, _args, { prisma }) => journeyStats(prisma, journey.id) }),
    nodeStats: t.field({
      type: [JourneyNodeStatsRef],
      complexity: 20,
      description: 'Per-node counts for the canvas: entered, waiting now, and exits per branch.',
      args: { version: t.arg.int({ description: 'One version only; all versions when omitted.' }) },
      resolve: (journey, args, { prisma }) => journeyNodeStats(prisma, journey.id, args.version ?? null),
    }),
    runs: t.relatedConnection('runs', {
      cursor: 'id',
      totalCount: true,
      defaultSize: 25,
      maxSize: 200,
      complexity: connectionComplexity(25),
      args: { filter: t.arg({ type: JourneyRunFilter }) },
      query: (args) => ({
        where: { ...(args.filter?.status ? { status: args.filter.status } : {}), ...(args.filter?.nodeId ? { currentNodeId: args.filter.nodeId, status: 'ACTIVE' as const } : {}) },
        orderBy: [{ enteredAt: 'desc' }, { id: 'asc' }],
      }),
    }),
  }),
});

builder.queryField('journeys', (t) =>
  t.prismaField({
    type: ['Journey'],
    description: 'Journeys of the workspace, most recently updated first (archived ones only when asked).',
    args: { status: t.arg({ type: JourneyStatus }), includeArchived: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.journey.findMany({
        ...query,
        where: { workspaceId: workspaceOf(context), ...(args.status ? { status: args.status } : args.includeArchived ? {} : { status: { not: 'ARCHIVED' } }) },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

builder.queryField('journey', (t) =>
  t.prismaField({
    type: 'Journey',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => context.prisma.journey.findFirst({ ...query, where: { id: requireUuid(String(args.id), 'id'), workspaceId: workspaceOf(context) } }),
  }),
);

/** The journey, or NOT_FOUND naming `field`. */
export async function findJourney(prisma: Prisma.TransactionClient, workspaceId: string, id: string, field = 'id') {
  const journey = await prisma.journey.findFirst({ where: { id: requireUuid(id, field), workspaceId } });
  if (!journey) throw new NotFoundError('Journey', field);
  return journey;
}
