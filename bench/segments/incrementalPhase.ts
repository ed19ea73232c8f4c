import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ingestMessages } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { segmentDependencies, segmentUserCheckQuery, validateSegmentBatch } from '@tideflow/domain';
import { loadSegmentCatalog, SegmentInboxProcessor } from '@tideflow/workflows';
import { summarize, type LatencySummary } from '../ingest/report';
import { Prng } from '../shared/prng';
import type { SegmentKey } from './definitions';
import { activeUsers, type CallKind, callOf } from './traffic';
import type { CreatedSegment } from './workspaceState';

export interface IncrementalResult {
  events: number;
  /** processor.drain() after each single-event ingestion: claim, load, one check per affected segment, membership writes, inbox delete. */
  drainMs: LatencySummary;
  /** The same, for events that changed a membership (they also write history, events and the journey inbox) and for those that did not. */
  drainChangedMs: LatencySummary | null;
  drainUnchangedMs: LatencySummary;
  changedEvents: number;
  /** Segments checked per event: mean, and how many events checked how many. */
  checksPerEvent: { mean: number; histogram: Record<string, number> };
  byKind: Record<string, LatencySummary & { n: number }>;
  /** ingestMessages of the single event (not part of the target), for scale. */
  ingestMs: LatencySummary;
  /** A backlog of 2,000 events drained at once: what the processor sustains (events/s). */
  capacity: { events: number; drainMs: number; eventsPerSecond: number };
  /** Each live segment's one-user check query alone, on a sample of active users. */
  checkQueryMs: Record<SegmentKey, (LatencySummary & { sweepOnly: boolean }) | null>;
}

const mix: Array<[CallKind, number]> = [['page', 20], ['pricing', 15], ['checkout', 25], ['order', 20], ['identify', 20]];

/**
 * Per-event incremental re-evaluation, the path the segment processor takes: one event for an active
 * user is ingested (ingestion queues it in the segment inbox, in its transaction), then the processor
 * drains the inbox and the drain is timed. Only events some live segment depends on are sent.
 */
export async function incrementalPhase(db: Database, workspaceId: string, datasetEvents: number, segments: CreatedSegment[], options: { events: number; seed: number }, log: (message: string) => void): Promise<IncrementalResult> {
  const prng = new Prng(options.seed ^ 0x1c1c);
  const warmup = Math.min(100, Math.floor(options.events / 10));
  const users = await activeUsers(db, workspaceId, datasetEvents, options.events + warmup, prng);
  let changed = false;
  const processor = new SegmentInboxProcessor({ prisma: db.prisma, sql: db.sql, onMembershipChanged: () => (changed = true), onError: (error) => log(`segment processor error: ${error}`) });
  const { eventGroups } = await loadSegmentCatalog(db.prisma, workspaceId);
  const dependencies = segments.map((s) => ({ key: s.key, ...segmentDependencies(s.definition, eventGroups) }));
  const storedName = (kind: CallKind) => ({ page: 'Page Viewed', pricing: 'Page Viewed', checkout: 'Checkout Started', order: 'Order Completed', identify: 'User Identified', productViewed: 'Product Viewed', emailOpened: 'Email Opened' })[kind];
  const stamp = Date.now().toString(36);

  const drainMs: number[] = [];
  const changedMs: number[] = [];
  const unchangedMs: number[] = [];
  const ingestMs: number[] = [];
  const byKind = new Map<CallKind, number[]>();
  const histogram: Record<string, number> = {};
  let checks = 0;
  for (let i = 0; i < users.length; i++) {
    const kind = prng.weighted(mix);
    const call = callOf(kind, users[i]!, `inc-${stamp}-${i}`, prng);
    const batch = validateSegmentBatch({ batch: [call] }, { receivedAt: new Date(), newMessageId: randomUUID });
    if (!batch.ok) throw new Error(`invalid call: ${JSON.stringify(batch.problems)}`);
    const ingestStarted = performance.now();
    const ingested = await ingestMessages(db.sql, workspaceId, batch.messages);
    const ingestEnded = performance.now();
    if (ingested.stored !== 1) throw new Error(`the event was not stored: ${JSON.stringify(ingested)}`);
    changed = false;
    const started = performance.now();
    await processor.drain();
    const ms = performance.now() - started;
    if (i < warmup) continue;
    drainMs.push(ms);
    ingestMs.push(ingestEnded - ingestStarted);
    (changed ? changedMs : unchangedMs).push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    const affected = dependencies.filter((d) => !d.sweepOnly && d.events.includes(storedName(kind))).length;
    checks += affected;
    histogram[affected] = (histogram[affected] ?? 0) + 1;
  }
  const summary = summarize(drainMs);
  log(`  drain per event: p50 ${summary.p50.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms (${changedMs.length} of ${drainMs.length} changed a membership)`);

  // Capacity: a backlog of events (ingested in batches of 100, not drained), then one drain, timed.
  const backlog = await activeUsers(db, workspaceId, datasetEvents, 2_000, prng);
  for (let first = 0; first < backlog.length; first += 100) {
    const calls = backlog.slice(first, first + 100).map((user, j) => callOf(prng.weighted(mix), user, `cap-${stamp}-${first + j}`, prng));
    const batch = validateSegmentBatch({ batch: calls }, { receivedAt: new Date(), newMessageId: randomUUID });
    if (!batch.ok) throw new Error(`invalid calls: ${JSON.stringify(batch.problems)}`);
    await ingestMessages(db.sql, workspaceId, batch.messages);
  }
  const drainStarted = performance.now();
  await processor.drain();
  const capacity = { events: backlog.length, drainMs: performance.now() - drainStarted, eventsPerSecond: 0 };
  capacity.eventsPerSecond = capacity.events / (capacity.drainMs / 1000);
  log(`  capacity: a backlog of ${capacity.events} events drained in ${capacity.drainMs.toFixed(0)} ms (${capacity.eventsPerSecond.toFixed(0)} events/s)`);

  // Each one-user check alone (as the processor sends it, through Prisma), on a sample of active users.
  const { sqlContext } = await loadSegmentCatalog(db.prisma, workspaceId);
  const sample = await activeUsers(db, workspaceId, datasetEvents, 300, prng);
  const ids = (await db.prisma.user.findMany({ where: { workspaceId, externalId: { in: sample } }, select: { id: true } })).map((u) => u.id);
  const checkQueryMs = {} as IncrementalResult['checkQueryMs'];
  for (const segment of segments) {
    const times: number[] = [];
    const sweepOnly = dependencies.find((d) => d.key === segment.key)!.sweepOnly;
    // A sweep-only check (RFM: scores relative to everyone) computes the whole scoring: a few runs show its cost.
    for (const userId of sweepOnly ? ids.slice(0, 3) : ids) {
      const query = segmentUserCheckQuery(segment.definition, sqlContext(new Date()), userId);
      const started = performance.now();
      await db.prisma.$queryRawUnsafe(query.text, ...query.params);
      times.push(performance.now() - started);
    }
    checkQueryMs[segment.key] = { ...summarize(times), sweepOnly };
    log(`  check query ${segment.key.padEnd(10)} p50 ${checkQueryMs[segment.key]!.p50.toFixed(1)} ms, p95 ${checkQueryMs[segment.key]!.p95.toFixed(1)} ms${sweepOnly ? ' (sweep-only: never run per event)' : ''}`);
  }

  return {
    events: drainMs.length,
    drainMs: summary,
    drainChangedMs: changedMs.length ? summarize(changedMs) : null,
    drainUnchangedMs: summarize(unchangedMs),
    changedEvents: changedMs.length,
    checksPerEvent: { mean: checks / drainMs.length, histogram },
    byKind: Object.fromEntries([...byKind].map(([kind, times]) => [kind, { ...summarize(times), n: times.length }])),
    ingestMs: summarize(ingestMs),
    capacity,
    checkQueryMs,
  };
}
