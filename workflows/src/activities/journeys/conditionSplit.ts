import type { PrismaClient } from '@tideflow/db';
import { type BehaviourCondition, type ConditionGroup, decideConditionSplit, durationMs, type JsonObject, matchesPropertyFilters, type SplitDecision } from '@tideflow/domain';
import { ApplicationFailure } from '@temporalio/activity';
import { recordPositionAndLoadUser, type RunPosition } from './runRecords';
import { RunUserMissing, userFactsOf } from './runUser';

/** Counts the user's events of a behaviour condition in its window; property filters are checked on the rows. */
async function countBehaviour(prisma: PrismaClient, workspaceId: string, userId: string, condition: BehaviourCondition, now: Date): Promise<number> {
  const since = new Date(now.getTime() - durationMs(condition.within));
  if (!condition.filters.length) {
    return prisma.event.count({ where: { workspaceId, userId, name: condition.eventName, timestamp: { gte: since, lte: now } } });
  }
  const rows = await prisma.event.findMany({ where: { workspaceId, userId, name: condition.eventName, timestamp: { gte: since, lte: now } }, select: { properties: true }, take: 10_000 });
  return rows.filter((row) => matchesPropertyFilters(row.properties as JsonObject, condition.filters)).length;
}

export function createConditionSplitActivities(deps: { prisma: PrismaClient }) {
  return {
    /** Evaluates a condition split for the run's user now: first branch that holds, else `else`, with why. */
    async decideJourneySplit(input: RunPosition & { nodeId: string; branches: Array<{ key: string; label?: string; when: ConditionGroup }>; triggerProperties: JsonObject; context: JsonObject }): Promise<SplitDecision> {
      const { prisma } = deps;
      // Where the run is and who its user is, in one round trip; the decision's branch is logged by the workflow.
      const { user } = await recordPositionAndLoadUser(prisma, { ...input, currentNodeId: input.nodeId, waitingSince: null });
      if (!user) throw ApplicationFailure.nonRetryable(new RunUserMissing(input.run.runId).message, 'RunUserMissing');
      const now = new Date();
      const counts = new Map<BehaviourCondition, number>();
      for (const branch of input.branches) {
        for (const condition of branch.when.conditions) {
          if (condition.kind === 'behaviour' && !counts.has(condition)) counts.set(condition, await countBehaviour(prisma, input.run.workspaceId, user.id, condition, now));
        }
      }
      const segmentIds = [...new Set(input.branches.flatMap((b) => b.when.conditions.flatMap((c) => (c.kind === 'segment' ? [c.segmentId] : []))))];
      const memberships = segmentIds.length ? await prisma.segmentMember.findMany({ where: { userId: user.id, segmentId: { in: segmentIds } }, select: { segmentId: true } }) : [];
      const memberOf = new Set(memberships.map((m) => m.segmentId));
      const names = new Map((segmentIds.length ? await prisma.segment.findMany({ where: { id: { in: segmentIds } }, select: { id: true, name: true } }) : []).map((s) => [s.id, s.name]));
      const decision = decideConditionSplit(input.branches, {
        user: userFactsOf(user),
        triggerProperties: input.triggerProperties,
        context: input.context,
        behaviourCount: (condition) => counts.get(condition) ?? 0,
        segmentMember: (segmentId) => memberOf.has(segmentId),
        segmentName: (segmentId) => names.get(segmentId) ?? segmentId,
      });
      return decision;
    },
  };
}
