import type { PrismaClient } from '@tideflow/db';
import { builder } from '../builder';

export interface JourneyStats {
  entered: number;
  active: number;
  completed: number;
  exitedEarly: number;
  cancelled: number;
  failed: number;
  converted: number;
}

export const JourneyStatsRef = builder.objectRef<JourneyStats>('JourneyStats').implement({
  description: 'Runs of a journey (every version) by outcome.',
  fields: (t) => ({
    entered: t.exposeInt('entered', { description: 'Runs started (a user entering twice counts twice).' }),
    active: t.exposeInt('active', { description: 'Runs in flight now: the users a stop would affect.' }),
    completed: t.exposeInt('completed'),
    exitedEarly: t.exposeInt('exitedEarly', { description: 'Ended by an exit criterion, a conversion exit, the control group or a loop limit.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Cancelled when the journey was stopped.' }),
    failed: t.exposeInt('failed'),
    converted: t.exposeInt('converted', { description: 'Runs in which the goal event happened within its window.' }),
    conversionRate: t.float({ description: 'converted ÷ entered (0 when nobody entered).', resolve: (s) => (s.entered ? s.converted / s.entered : 0) }),
  }),
});

export async function journeyStats(prisma: PrismaClient, journeyId: string): Promise<JourneyStats> {
  const [byStatus, converted] = await Promise.all([
    prisma.journeyRun.groupBy({ by: ['status'], where: { journeyId }, _count: { _all: true } }),
    prisma.journeyRun.count({ where: { journeyId, convertedAt: { not: null } } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const entered = byStatus.reduce((sum, row) => sum + row._count._all, 0);
  return { entered, active: count('ACTIVE'), completed: count('COMPLETED'), exitedEarly: count('EXITED'), cancelled: count('CANCELLED'), failed: count('FAILED'), converted };
}

export interface JourneyBranchStats {
  branch: string;
  count: number;
  percent: number;
}

export interface JourneyNodeStats {
  nodeId: string;
  entered: number;
  waitingNow: number;
  branches: JourneyBranchStats[];
}

const JourneyBranchStatsRef = builder.objectRef<JourneyBranchStats>('JourneyBranchStats').implement({
  fields: (t) => ({
    branch: t.exposeString('branch', { description: 'The branch handle (`next`, `sent`, `timeout`, a split key, `control`, …).' }),
    count: t.exposeInt('count', { description: 'Runs that left the node by this branch.' }),
    percent: t.exposeFloat('percent', { description: 'Share of the runs that left the node, 0–100.' }),
  }),
});

export const JourneyNodeStatsRef = builder.objectRef<JourneyNodeStats>('JourneyNodeStats').implement({
  description: 'Live counts for one node of the canvas.',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId'),
    entered: t.exposeInt('entered', { description: 'Times a run arrived at the node (loops count each pass).' }),
    waitingNow: t.exposeInt('waitingNow', { description: 'Active runs sitting at the node now.' }),
    branches: t.field({ type: [JourneyBranchStatsRef], resolve: (s) => s.branches }),
  }),
});

/** Entered and branch counts from the step log; waiting-now from active runs. `version` null: all versions. */
export async function journeyNodeStats(prisma: PrismaClient, journeyId: string, version: number | null): Promise<JourneyNodeStats[]> {
  const versionFilter = version === null ? '' : `AND r.version = ${Number(version)}`;
  const [steps, waiting] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ nodeId: string; kind: string; branch: string | null; n: number }>>(
      `SELECT s."nodeId", s.kind::text AS kind, s.branch, count(*)::int AS n
         FROM "JourneyRunStep" s JOIN "JourneyRun" r ON r.id = s."runId"
        WHERE s."journeyId" = $1::uuid AND s.kind IN ('ENTERED', 'BRANCH') AND s."nodeId" IS NOT NULL ${versionFilter}
        GROUP BY 1, 2, 3`,
      journeyId,
    ),
    prisma.$queryRawUnsafe<Array<{ nodeId: string; n: number }>>(
      `SELECT r."currentNodeId" AS "nodeId", count(*)::int AS n FROM "JourneyRun" r
        WHERE r."journeyId" = $1::uuid AND r.status = 'ACTIVE' AND r."currentNodeId" IS NOT NULL ${versionFilter}
        GROUP BY 1`,
      journeyId,
    ),
  ]);
  const nodes = new Map<string, JourneyNodeStats>();
  const statsOf = (nodeId: string) => {
    let stats = nodes.get(nodeId);
    if (!stats) nodes.set(nodeId, (stats = { nodeId, entered: 0, waitingNow: 0, branches: [] }));
    return stats;
  };
  for (const row of steps) {
    const stats = statsOf(row.nodeId);
    if (row.kind === 'ENTERED') stats.entered += row.n;
    else stats.branches.push({ branch: row.branch ?? 'next', count: row.n, percent: 0 });
  }
  for (const row of waiting) statsOf(row.nodeId).waitingNow = row.n;
  for (const stats of nodes.values()) {
    const left = stats.branches.reduce((sum, b) => sum + b.count, 0);
    for (const branch of stats.branches) branch.percent = left ? Math.round((branch.count / left) * 10_000) / 100 : 0;
    stats.branches.sort((a, b) => b.count - a.count);
  }
  return [...nodes.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
}
