import type { JourneyRun, PrismaClient } from '@tideflow/db';
import { alwaysListenedEvents, durationMs, describeDuration, type JourneyDefinition } from '@tideflow/domain';
import { workflowIds } from '../workflowIds';
import type { JourneyEvent } from './journeyRunTypes';

export interface EntryRequest {
  workspaceId: string;
  journeyId: string;
  userId: string;
  triggerNodeId: string;
  /** What causes the entry: `event:<messageId>`, `api:<key>`, `schedule:<tick>:<userId>`. One entry per key. */
  entryKey: string;
  trigger: JourneyEvent;
}

export type EntryDecision =
  | { kind: 'entered'; run: JourneyRun; definition: JourneyDefinition; journeyName: string }
  /** The same cause already produced a run (a retried request or event). */
  | { kind: 'duplicate'; run: JourneyRun }
  | { kind: 'refused'; reason: string };

/**
 * Decides whether a user enters a journey now, and records the run, in one
 * transaction under a per (journey, user) lock: the journey is live, the
 * trigger belongs to its newest version, and the entry rules hold (window,
 * re-entry, entries per user, concurrent users).
 */
export async function enterJourney(prisma: PrismaClient, request: EntryRequest, now = new Date()): Promise<EntryDecision> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `journey-entry:${request.journeyId}:${request.userId}`);
    const duplicate = await tx.journeyRun.findUnique({ where: { journeyId_entryKey: { journeyId: request.journeyId, entryKey: request.entryKey } } });
    if (duplicate) return { kind: 'duplicate', run: duplicate };

    const journey = await tx.journey.findFirst({ where: { id: request.journeyId, workspaceId: request.workspaceId } });
    if (!journey) return { kind: 'refused', reason: 'no such journey' };
    if (journey.status !== 'LIVE' || journey.latestVersion === null) return { kind: 'refused', reason: `the journey is ${journey.status.toLowerCase()}` };
    const version = await tx.journeyVersion.findUniqueOrThrow({ where: { journeyId_version: { journeyId: journey.id, version: journey.latestVersion } } });
    const definition = version.definition as unknown as JourneyDefinition;
    if (!definition.nodes.some((node) => node.id === request.triggerNodeId)) return { kind: 'refused', reason: `trigger ${request.triggerNodeId} is not in version ${version.version}` };

    const rules = definition.entryRules;
    if (rules.window?.startAt && now < new Date(rules.window.startAt)) return { kind: 'refused', reason: `entries open at ${rules.window.startAt}` };
    if (rules.window?.endAt && now >= new Date(rules.window.endAt)) return { kind: 'refused', reason: `entries closed at ${rules.window.endAt}` };

    const previous = await tx.journeyRun.findMany({ where: { journeyId: journey.id, userId: request.userId }, orderBy: { entryNumber: 'desc' }, select: { entryNumber: true, status: true, enteredAt: true } });
    const latest = previous[0];
    if (latest) {
      const reEntry = rules.reEntry;
      if (reEntry.mode === 'never') return { kind: 'refused', reason: 'already entered once (re-entry: never)' };
      if (reEntry.mode === 'afterExit' && previous.some((run) => run.status === 'ACTIVE')) return { kind: 'refused', reason: 'already in the journey (re-entry: after exit)' };
      if (reEntry.mode === 'anyTime' && reEntry.minimumGap && now.getTime() - latest.enteredAt.getTime() < durationMs(reEntry.minimumGap)) {
        return { kind: 'refused', reason: `entered less than ${describeDuration(reEntry.minimumGap)} ago (re-entry gap)` };
      }
    }
    if (rules.maxEntriesPerUser !== undefined && previous.length >= rules.maxEntriesPerUser) return { kind: 'refused', reason: `reached the maximum of ${rules.maxEntriesPerUser} entries per user` };
    if (rules.maxConcurrentUsers !== undefined) {
      // Concurrency is per journey, so it takes the journey-wide lock too.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, `journey-entry:${journey.id}`);
      const active = await tx.journeyRun.count({ where: { journeyId: journey.id, status: 'ACTIVE' } });
      if (active >= rules.maxConcurrentUsers) return { kind: 'refused', reason: `the journey already has ${active} ${active === 1 ? 'user' : 'users'} in it (maximum ${rules.maxConcurrentUsers})` };
    }

    const entryNumber = (latest?.entryNumber ?? 0) + 1;
    const run = await tx.journeyRun.create({
      data: {
        workspaceId: request.workspaceId,
        journeyId: journey.id,
        version: version.version,
        userId: request.userId,
        entryNumber,
        workflowId: workflowIds.journeyRun(journey.id, request.userId, entryNumber),
        triggerNodeId: request.triggerNodeId,
        entryKey: request.entryKey,
        triggerEvent: request.trigger as object,
        currentNodeId: request.triggerNodeId,
        listeningTo: alwaysListenedEvents(definition),
        enteredAt: now,
      },
    });
    return { kind: 'entered', run, definition, journeyName: journey.name };
  });
}
