import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiKey } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { postgresServerCpuSeconds, processCpuSeconds } from '../ingest/cpuUsage';
import { readProcessMemory } from '../ingest/memorySampler';
import { type LatencySummary, summarize } from '../ingest/report';
import { Prng } from '../shared/prng';
import { freePort, type Service, startApi, startTemporal } from './services';
import { activeUsers, type CallKind, callOf, type SegmentCall } from './traffic';
import type { CreatedSegment } from './workspaceState';

export interface EndToEndResult {
  rate: number;
  durationSeconds: number;
  batchSize: number;
  offered: number;
  /** Offered events meant to make their user enter the segment (Checkout Started, no order in 7 days). */
  entryEvents: number;
  /** Of those, how many produced a `Segment Entered`, a journey run, a started workflow. */
  entered: number;
  runs: number;
  started: number;
  /** Every run the journey started in the window, the incidental entries of ordinary checkouts included. */
  allRuns: number;
  /** Events offered per second, as achieved (first to last request sent). */
  achievedRate: number;
  /** Request sent → 200 received (the batch is committed): ingestion alone. */
  acceptMs: LatencySummary;
  /** Event accepted → `Segment Entered` stored (its time is the processor's "now" for the drain that found the entry). */
  segmentEnteredMs: LatencySummary | null;
  /** Event accepted → JourneyRun recorded (enteredAt, the entry transaction's time). */
  runEnteredMs: LatencySummary | null;
  /** Event accepted → the run's workflow started in Temporal (workflowStartedAt, after signal-with-start returned): the target. */
  runStartedMs: LatencySummary | null;
  /** CPU seconds per second of the measured window, by process (cores busy). */
  cores: { api: number | null; temporal: number | null; postgres: number | null; bench: number };
  apiPeakRssBytes: number;
  errors: string[];
}

/** Ordinary traffic, in about the data set's proportions (page views, product views, emails; checkouts and orders a few percent each). */
const mix: Array<[CallKind, number]> = [['page', 34], ['pricing', 3], ['productViewed', 25], ['emailOpened', 14], ['order', 4], ['identify', 5], ['checkout', 4]];

/**
 * End to end at `rate` events/s offered through POST /v1/batch (open loop, a batch every batch/rate
 * seconds whatever the answers): the API process as in production (api/src/main.ts on the data set,
 * with its segment processor, journey processor and in-process Temporal worker) and a Temporal dev
 * server. A live segment (did A but not B in 7 days) triggers a journey; one offered event in
 * `entryEvery` is a checkout by a user who is not in the segment and ordered nothing in 7 days, so
 * their user enters. The rest is ordinary traffic of active users (some of it re-checks segments too).
 */
export async function endToEndPhase(
  db: Database,
  dataset: { url: string; workspaceId: string; events: number; database: string },
  segment: CreatedSegment,
  options: { rate: number; durationSeconds: number; entryEvery: number; batchSize: number; seed: number },
  log: (message: string) => void,
): Promise<EndToEndResult> {
  const prng = new Prng(options.seed ^ 0xe2e);
  const { workspaceId } = dataset;
  const offered = options.rate * options.durationSeconds;
  const entryEvents = Math.floor(offered / options.entryEvery);

  log('  choosing users who will enter the segment, and active users for the rest of the traffic…');
  const { rows: candidates } = await db.sql.transaction((tx) =>
    tx.query<{ externalId: string }>(
      `SELECT u."externalId" FROM "User" u
        WHERE u."workspaceId" = $1::uuid AND u."externalId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "SegmentMember" m WHERE m."segmentId" = $2::uuid AND m."userId" = u.id)
          AND NOT EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = $1::uuid AND e."userId" = u.id AND e.name = 'Order Completed' AND e.timestamp >= now() - interval '8 days')
        ORDER BY md5(u.id::text || $3::text) LIMIT $4::int`,
      [workspaceId, segment.id, String(options.seed), entryEvents],
    ),
  );
  if (candidates.length < entryEvents) throw new Error(`only ${candidates.length} users can enter the segment; ${entryEvents} needed`);
  const entering = new Set(candidates.map((c) => c.externalId));
  const others = (await activeUsers(db, workspaceId, dataset.events, offered, prng)).filter((id) => !entering.has(id));

  // The calls, in offer order: every entryEvery-th is an entry.
  const stamp = Date.now().toString(36);
  const calls: Array<{ call: SegmentCall; entry: boolean }> = [];
  for (let i = 0, e = 0, o = 0; i < offered; i++) {
    const entry = i % options.entryEvery === 0 && e < candidates.length;
    if (entry) calls.push({ call: callOf('checkout', candidates[e++]!.externalId, `e2e-${stamp}-${i}`, prng), entry });
    else {
      // Ordinary checkouts come from users other than the entering ones; they may enter too, but are not timed.
      calls.push({ call: callOf(prng.weighted(mix), others[o++ % others.length]!, `e2e-${stamp}-${i}`, prng), entry: false });
    }
  }

  const services: Service[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tideflow-bench-segments-'));
  const errors: string[] = [];
  try {
    const temporal = await startTemporal();
    services.push(temporal);
    const port = await freePort();
    const api = await startApi({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dataset.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'tideflow-bench-segments',
      API_PORT: String(port),
      TIDEFLOW_DATA_DIR: dataDir,
      TIDEFLOW_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      // The periodic sweep recomputes time-sensitive segments in full; daily (at 00:00 UTC) keeps it out of the window.
      SEGMENT_SWEEP_MINUTES: '1440',
    });
    services.push(api);
    const baseUrl = `http://127.0.0.1:${port}`;
    log(`  Temporal dev server ${temporal.pid} at ${temporal.address}, API ${api.pid} on ${baseUrl}`);

    const write = await createApiKey(db.prisma, workspaceId, 'WRITE', 'segments benchmark');
    const secret = await createApiKey(db.prisma, workspaceId, 'SECRET', 'segments benchmark');
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret.key}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const created = await graphql(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, {
      input: {
        name: 'Bench: abandoned checkout follow-up',
        draft: {
          nodes: [
            { id: 'entered', type: 'segmentTrigger', settings: { segmentId: segment.id } },
            { id: 'wait', type: 'wait', settings: { duration: { amount: 3, unit: 'days' } } },
          ],
          edges: [{ source: 'entered', target: 'wait' }],
        },
      },
    });
    const journeyId = created.createJourney.id as string;
    await graphql(`mutation($id: ID!) { publishJourney(id: $id) { id } }`, { id: journeyId });

    const auth = `Basic ${Buffer.from(`${write.key}:`).toString('base64')}`;
    const send = async (batch: SegmentCall[]) => {
      const response = await fetch(`${baseUrl}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ batch }) });
      if (response.status !== 200) throw new Error(`POST /v1/batch answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    // Warm-up: a few seconds of ordinary traffic (JIT, pools, caches), not measured.
    log('  warm-up (5 s of ordinary traffic)…');
    const warmUsers = others.slice(0, options.rate * 5);
    for (let i = 0; i < warmUsers.length; i += options.batchSize) {
      await send(warmUsers.slice(i, i + options.batchSize).map((user, j) => callOf(prng.weighted(mix.filter(([k]) => k !== 'checkout')), user, `warm-${stamp}-${i + j}`, prng)));
      await new Promise((resolve) => setTimeout(resolve, (options.batchSize / options.rate) * 1000));
    }

    const tickMs = (options.batchSize / options.rate) * 1000;
    const sentAt = new Array<number>(calls.length);
    const acceptedAt = new Array<number>(calls.length);
    const now = () => performance.timeOrigin + performance.now();
    const cpuStart = { api: processCpuSeconds(api.pid), temporal: processCpuSeconds(temporal.pid), postgres: postgresServerCpuSeconds(dataset.database), bench: process.cpuUsage() };
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, readProcessMemory(api.pid)?.rssBytes ?? 0)), 100);
    const windowStart = now();
    const inFlight: Array<Promise<void>> = [];
    log(`  offering ${offered.toLocaleString('en-US')} events at ${options.rate}/s in batches of ${options.batchSize} (${entryEvents} entries)…`);
    for (let first = 0, tick = 0; first < calls.length; first += options.batchSize, tick++) {
      const wait = windowStart + tick * tickMs - now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const chunk = calls.slice(first, first + options.batchSize);
      const sent = now();
      inFlight.push(
        send(chunk.map((c) => c.call)).then(
          () => {
            const accepted = now();
            for (let i = 0; i < chunk.length; i++) {
              sentAt[first + i] = sent;
              acceptedAt[first + i] = accepted;
            }
          },
          (error) => void errors.push(String(error)),
        ),
      );
    }
    const lastSent = now();
    await Promise.all(inFlight);
    const windowEnd = now();

    // Wait until every entry started its run (or 60 s without progress).
    const entryUsers = calls.filter((c) => c.entry).map((c) => c.call.userId);
    const collect = async () =>
      (
        await db.sql.transaction((tx) =>
          tx.query<{ externalId: string; enteredAt: Date; workflowStartedAt: Date | null; segmentEnteredAt: Date | null }>(
            `SELECT u."externalId", r."enteredAt", r."workflowStartedAt",
                    (SELECT min(e."receivedAt") FROM "Event" e WHERE e."workspaceId" = $1::uuid AND e."userId" = u.id AND e.name = 'Segment Entered'
                        AND e.timestamp >= $3::timestamptz AND e.properties ->> 'segmentId' = $4::text) AS "segmentEnteredAt"
               FROM "JourneyRun" r JOIN "User" u ON u.id = r."userId" WHERE r."journeyId" = $2::uuid AND u."externalId" = ANY ($5::text[])`,
            [workspaceId, journeyId, new Date(windowStart - 1_000).toISOString(), segment.id, entryUsers],
          ),
        )
      ).rows;
    let rows = await collect();
    let lastProgress = Date.now();
    while (rows.filter((r) => r.workflowStartedAt).length < entryUsers.length && Date.now() - lastProgress < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const next = await collect();
      if (next.filter((r) => r.workflowStartedAt).length > rows.filter((r) => r.workflowStartedAt).length) lastProgress = Date.now();
      rows = next;
    }
    clearInterval(sampler);
    const seconds = (windowEnd - windowStart) / 1000;
    const benchCpu = process.cpuUsage(cpuStart.bench);
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : (b - a) / seconds);
    const cores = {
      api: diff(cpuStart.api, processCpuSeconds(api.pid)),
      temporal: diff(cpuStart.temporal, processCpuSeconds(temporal.pid)),
      postgres: diff(cpuStart.postgres, postgresServerCpuSeconds(dataset.database)),
      bench: (benchCpu.user + benchCpu.system) / 1e6 / seconds,
    };
    const { rows: enteredRows } = await db.sql.transaction((tx) =>
      tx.query<{ externalId: string; at: Date }>(
        `SELECT u."externalId", min(e."receivedAt") AS at FROM "User" u JOIN "Event" e ON e."workspaceId" = $1::uuid AND e."userId" = u.id
          WHERE u."workspaceId" = $1::uuid AND u."externalId" = ANY ($2::text[]) AND e.name = 'Segment Entered' AND e.timestamp >= $3::timestamptz AND e.properties ->> 'segmentId' = $4::text
          GROUP BY u."externalId"`,
        [workspaceId, entryUsers, new Date(windowStart - 1_000).toISOString(), segment.id],
      ),
    );

    const { rows: [all] } = await db.sql.transaction((tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "JourneyRun" WHERE "journeyId" = $1::uuid`, [journeyId]));
    const acceptedOf = new Map<string, number>();
    calls.forEach((c, i) => c.entry && acceptedOf.set(c.call.userId, acceptedAt[i]!));
    const latency = (pick: (r: (typeof rows)[number]) => Date | null) =>
      rows.flatMap((r) => {
        const at = pick(r);
        const accepted = acceptedOf.get(r.externalId);
        return at && accepted !== undefined ? [at.getTime() - accepted] : [];
      });
    const enteredLatencies = enteredRows.flatMap((r) => (acceptedOf.has(r.externalId) ? [r.at.getTime() - acceptedOf.get(r.externalId)!] : []));
    const acceptMs = calls.map((_, i) => acceptedAt[i]! - sentAt[i]!).filter((ms) => Number.isFinite(ms));
    const summaryOrNull = (values: number[]) => (values.length ? summarize(values) : null);
    const result: EndToEndResult = {
      rate: options.rate,
      durationSeconds: options.durationSeconds,
      batchSize: options.batchSize,
      offered,
      entryEvents: entryUsers.length,
      entered: enteredRows.length,
      runs: rows.length,
      started: rows.filter((r) => r.workflowStartedAt).length,
      allRuns: all!.n,
      achievedRate: offered / ((lastSent - windowStart) / 1000 + tickMs / 1000),
      acceptMs: summarize(acceptMs),
      segmentEnteredMs: summaryOrNull(enteredLatencies),
      runEnteredMs: summaryOrNull(latency((r) => r.enteredAt)),
      runStartedMs: summaryOrNull(latency((r) => r.workflowStartedAt)),
      cores,
      apiPeakRssBytes: peakRss,
      errors: [...errors.slice(0, 5), ...api.output().filter((line) => /error/i.test(line)).slice(0, 5)],
    };
    const fmt = (s: LatencySummary | null) => (s ? `p50 ${s.p50.toFixed(0)} / p95 ${s.p95.toFixed(0)} / p99 ${s.p99.toFixed(0)} ms` : 'none');
    log(`  accepted ${fmt(result.acceptMs)}; → Segment Entered ${fmt(result.segmentEnteredMs)}; → run started ${fmt(result.runStartedMs)} (${result.started}/${result.entryEvents} started)`);
    return result;
  } finally {
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
