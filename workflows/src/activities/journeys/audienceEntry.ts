import { Context } from '@temporalio/activity';
import type { PrismaClient } from '@tideflow/db';
import { type BehaviourCondition, durationMs, evaluateConditionGroup, type JourneyNodeOf, type JsonObject, matchesPropertyFilters } from '@tideflow/domain';
import { enterJourney } from '../../journeys/enterJourney';
import { startJourneyRun } from '../../journeys/startJourneyRun';
import { userFactsOf } from './runUser';

export interface AudienceEntryResult {
  matched: number;
  entered: number;
  refused: number;
}

const pageSize = 500;

/**
 * A scheduled-audience tick: everyone matching the trigger's filter enters
 * (entry rules apply). Pages through users by id and heartbeats its cursor, so
 * a retried attempt resumes where the last one stopped; entries are keyed by
 * tick and user, so nobody enters twice for one tick.
 */
export function createAudienceEntryActivities(deps: { prisma: PrismaClient }) {
  return {
    async enterJourneyAudience(input: { workspaceId: string; journeyId: string; nodeId: string; tick: string }): Promise<AudienceEntryResult> {
      const { prisma } = deps;
      const context = Context.current();
      const journey = await prisma.journey.findFirst({ where: { id: input.journeyId, workspaceId: input.workspaceId } });
      if (!journey || journey.status !== 'LIVE' || journey.latestVersion === null) return { matched: 0, entered: 0, refused: 0 };
      const version = await prisma.journeyVersion.findUniqueOrThrow({ where: { journeyId_version: { journeyId: journey.id, version: journey.latestVersion } } });
      const node = (version.definition as { nodes: Array<{ id: string; type: string }> }).nodes.find((n) => n.id === input.nodeId && n.type === 'scheduleTrigger') as JourneyNodeOf<'scheduleTrigger'> | undefined;
      if (!node) return { matched: 0, entered: 0, refused: 0 };
      const audience = node.settings.audience;
      const now = new Date();
      const result: AudienceEntryResult = (context.info.heartbeatDetails as { result: AudienceEntryResult } | undefined)?.result ?? { matched: 0, entered: 0, refused: 0 };
      let cursor = (context.info.heartbeatDetails as { cursor: string | null } | undefined)?.cursor ?? null;
      for (;;) {
        const users = await prisma.user.findMany({ where: { workspaceId: input.workspaceId, ...(cursor ? { id: { gt: cursor } } : {}) }, orderBy: { id: 'asc' }, take: pageSize });
        if (!users.length) break;
        for (const user of users) {
          if (audience.conditions?.length) {
            const counts = new Map<BehaviourCondition, number>();
            for (const condition of audience.conditions) {
              if (condition.kind !== 'behaviour') continue;
              const rows = await prisma.event.findMany({ where: { workspaceId: input.workspaceId, userId: user.id, name: condition.eventName, timestamp: { gte: new Date(now.getTime() - durationMs(condition.within)) } }, select: { properties: true }, take: 10_000 });
              counts.set(condition, rows.filter((row) => matchesPropertyFilters(row.properties as JsonObject, condition.filters)).length);
            }
            const outcome = evaluateConditionGroup({ match: audience.match, conditions: audience.conditions }, { user: userFactsOf(user), triggerProperties: {}, context: {}, behaviourCount: (c) => counts.get(c) ?? 0 });
            if (!outcome.holds) continue;
          }
          result.matched++;
          const decision = await enterJourney(prisma, {
            workspaceId: input.workspaceId,
            journeyId: journey.id,
            userId: user.id,
            triggerNodeId: node.id,
            entryKey: `schedule:${input.tick}:${user.id}`,
            trigger: { messageId: `schedule:${input.tick}:${user.id}`, name: 'Scheduled Audience', properties: { tick: input.tick, triggerNodeId: node.id }, timestamp: now.toISOString() },
          });
          if (decision.kind === 'entered') {
            await startJourneyRun({ client: context.client, taskQueue: context.info.taskQueue }, prisma, decision.run, decision.definition, decision.journeyName);
            result.entered++;
          } else if (decision.kind === 'refused') {
            result.refused++;
          }
        }
        cursor = users[users.length - 1]!.id;
        context.heartbeat({ cursor, result });
      }
      return result;
    },
  };
}
