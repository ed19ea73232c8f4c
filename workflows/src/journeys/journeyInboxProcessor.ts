import { WorkflowNotFoundError } from '@temporalio/client';
import type { Event, PrismaClient } from '@tideflow/db';
import { durationMs, type JourneyNode, type JourneyNodeOf, type JsonObject, matchesPropertyFilters, profileChangeToken } from '@tideflow/domain';
import { attributeExitReason } from '../activities/journeys/exitCheck';
import { userFactsOf } from '../activities/journeys/runUser';
import { enterJourney } from './enterJourney';
import { inOrderPerKey } from './inOrderPerKey';
import { journeyEventOf } from './journeyEventOf';
import { exitJourneySignal, journeyEventsSignal } from './journeySignals';
import type { JourneyVersionCache } from './journeyVersions';
import { startJourneyRun, type TemporalTarget } from './startJourneyRun';
import { InboxProcessor } from '../inbox/inboxProcessor';
import { recordLateConversions } from './lateConversions';

export interface JourneyProcessorDeps {
  prisma: PrismaClient;
  /** Temporal, once connected; the processor waits while it is not. */
  temporal: () => TemporalTarget | null;
  versions: JourneyVersionCache;
  onError?: (error: unknown) => void;
  /** Users whose events are turned into entries at the same time (default 8); one user's events are always handled in order. */
  entryConcurrency?: number;
}

const claimBatch = 200;
// An entry is mostly waiting (a transaction's round trips, then Temporal's signal-with-start), so lanes overlap
// well (bench/journeys). Each lane holds at most one pooled connection, and only during its transaction: 8
// stays under the default pool of 10, so entries never time out waiting for a connection and ingestion keeps some.
const defaultEntryConcurrency = 8;
/** A claim older than this was abandoned (its process died): the rows are taken again. */
const claimTimeoutSeconds = 120;
/** Runs recorded but not started after this long are started by the sweep. */
const unstartedAfterMs = 15_000;

/**
 * Turns queued events into journey entries and signals. Woken right after
 * ingestion commits, and swept periodically for anything left behind (a
 * crash, Temporal down). Entries are idempotent per event, and runs ignore
 * events they have seen, so processing an event twice changes nothing.
 */
export class JourneyInboxProcessor extends InboxProcessor {
  constructor(private readonly deps: JourneyProcessorDeps) {
    super((error) => deps.onError?.(error));
  }

  protected override async onTick(): Promise<void> {
    await this.startUnstartedRuns();
  }

  protected async drainOnce(): Promise<number> {
    const temporal = this.deps.temporal();
    if (!temporal) return 0;
    const { prisma } = this.deps;
    const claimed = await prisma.$queryRawUnsafe<Array<{ id: bigint; eventId: string }>>(
      `UPDATE "JourneyInbox" SET "claimedAt" = now()
        WHERE id IN (SELECT id FROM "JourneyInbox"
                      WHERE "claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => $2)
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, "eventId"`,
      claimBatch,
      claimTimeoutSeconds,
    );
    if (!claimed.length) return 0;
    const events = await prisma.event.findMany({ where: { id: { in: claimed.map((row) => row.eventId) } }, orderBy: [{ timestamp: 'asc' }, { receivedAt: 'asc' }] });
    const byWorkspace = new Map<string, Event[]>();
    for (const event of events) byWorkspace.set(event.workspaceId, [...(byWorkspace.get(event.workspaceId) ?? []), event]);
    for (const [workspaceId, workspaceEvents] of byWorkspace) await this.processWorkspaceEvents(temporal, workspaceId, workspaceEvents);
    await prisma.journeyInbox.deleteMany({ where: { id: { in: claimed.map((row) => row.id) } } });
    return claimed.length;
  }

  private async processWorkspaceEvents(temporal: TemporalTarget, workspaceId: string, events: Event[]): Promise<void> {
    const { prisma, versions } = this.deps;
    const names = [...new Set(events.map((event) => event.name))];
    const triggers = await prisma.journeyTrigger.findMany({ where: { workspaceId, kind: { in: ['EVENT', 'SEGMENT'] }, eventName: { in: names } } });
    const startedNow = new Set<string>();

    // Each entry waits on a few database round trips and a Temporal call, and entries of different users
    // are independent (each takes its own user's lock): several users at a time, each user's events in order.
    await inOrderPerKey(events, (event) => event.userId, this.deps.entryConcurrency ?? defaultEntryConcurrency, async (event) => {
      for (const trigger of triggers.filter((t) => t.eventName === event.name)) {
        const frozen = await versions.get(trigger.journeyId, trigger.version);
        const node = frozen?.definition.nodes.find((n) => n.id === trigger.nodeId);
        if (!node || !(await this.triggerMatches(node, event))) continue;
        const decision = await enterJourney(prisma, { workspaceId, journeyId: trigger.journeyId, userId: event.userId, triggerNodeId: node.id, entryKey: `event:${event.messageId}`, trigger: journeyEventOf(event) }, undefined, versions);
        if (decision.kind === 'entered') {
          await startJourneyRun(temporal, prisma, decision.run, decision.definition, decision.journeyName);
          startedNow.add(decision.run.id);
        }
      }
    });

    // Signals go only to active runs of these users that listen to these names right now.
    const identified = new Set(events.filter((event) => event.type === 'IDENTIFY').map((event) => event.userId));
    const runs = await prisma.journeyRun.findMany({
      where: { workspaceId, userId: { in: [...new Set(events.map((event) => event.userId))] }, status: 'ACTIVE', listeningTo: { hasSome: identified.size ? [...names, profileChangeToken] : names } },
      select: { id: true, workflowId: true, userId: true, journeyId: true, version: true, listeningTo: true },
    });
    for (const run of runs) {
      if (startedNow.has(run.id)) continue;
      const handle = temporal.client.workflow.getHandle(run.workflowId);
      const relevant = events.filter((event) => event.userId === run.userId && run.listeningTo.includes(event.name)).map(journeyEventOf);
      try {
        if (relevant.length) await handle.signal(journeyEventsSignal, relevant);
        if (identified.has(run.userId) && run.listeningTo.includes(profileChangeToken)) {
          const frozen = await versions.get(run.journeyId, run.version);
          const user = await prisma.user.findUnique({ where: { id: run.userId } });
          const reason = frozen && user ? attributeExitReason(userFactsOf(user), frozen.definition.exitCriteria) : null;
          if (reason) await handle.signal(exitJourneySignal, { reason });
        }
      } catch (error) {
        // Not started yet (the sweep starts it, and it reads stored events), or already finished.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }

    // After the signals: a run that ended meanwhile (its signal found no workflow) is ended in the database by now.
    await recordLateConversions(prisma, versions, workspaceId, events);
  }

  /** An event trigger's filters and occurrence rule, or a segment trigger's segment. */
  private async triggerMatches(node: JourneyNode, event: Event): Promise<boolean> {
    const properties = event.properties as JsonObject;
    if (node.type === 'segmentTrigger') return properties.segmentId === node.settings.segmentId;
    if (node.type !== 'eventTrigger' || !matchesPropertyFilters(properties, node.settings.filters)) return false;
    return !node.settings.occurrence || this.occurrenceReached(event, node);
  }

  /** "Viewed /pricing 2 times within 1 day": counts matching events in the window ending at this one. */
  private async occurrenceReached(event: Event, node: JourneyNodeOf<'eventTrigger'>): Promise<boolean> {
    const rule = node.settings.occurrence!;
    const rows = await this.deps.prisma.event.findMany({
      where: { workspaceId: event.workspaceId, userId: event.userId, name: event.name, timestamp: { gt: new Date(event.timestamp.getTime() - durationMs(rule.within)), lte: event.timestamp } },
      select: { properties: true },
      take: 10_000,
    });
    return rows.filter((row) => matchesPropertyFilters(row.properties as JsonObject, node.settings.filters)).length >= rule.count;
  }

  /** Runs recorded whose workflow never started (Temporal was down, the process died): start them now. */
  async startUnstartedRuns(): Promise<number> {
    const temporal = this.deps.temporal();
    if (!temporal) return 0;
    const runs = await this.deps.prisma.journeyRun.findMany({ where: { status: 'ACTIVE', workflowStartedAt: null, enteredAt: { lt: new Date(Date.now() - unstartedAfterMs) }, journey: { status: { in: ['LIVE', 'PAUSED'] } } }, take: 500 });
    for (const run of runs) {
      const frozen = await this.deps.versions.get(run.journeyId, run.version);
      if (frozen) await startJourneyRun(temporal, this.deps.prisma, run, frozen.definition, frozen.journeyName);
    }
    return runs.length;
  }
}
