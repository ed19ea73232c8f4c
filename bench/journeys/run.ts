/**
 * bench/journeys: users entering an event-triggered journey (wait 1 s → condition split → webhook
 * to a local sink) through the real API, journey processor, Temporal dev server and a worker in its
 * own process, against bare workflows with one no-op activity at the same offered load, in the same
 * run. Completed runs per second, event-accepted → webhook-received latency, worker peak RSS.
 * See bench/RESULTS.md.
 *
 *   npm run bench:journeys                                   # 10,000 users at 100/s, saturation 3,000
 *   npm run bench:journeys -- --users=2000 --saturation=1000
 *   npx tsx journeys/run.ts --users 10000 --rate 100 --saturation 3000 --warmup 300 --temporal-db memory|file   (from bench/)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApiKey, createWorkspace } from '@tideflow/api';
import { openDatabase, repositoryRoot } from '@tideflow/db';
import { Pool } from 'pg';
import { machine } from '../ingest/report';
import { createScratchDatabase, type ScratchDatabase } from '../ingest/scratchDatabase';
import { baselinePhase, baselineWorkflowType, collectCloseTimes, type BaselinePhaseRaw } from './baselinePhase';
import { nowMs, sleep } from './clock';
import { benchJourneyDefinition, generateJourneyDataset, identifyCalls } from './dataset';
import { journeyPhase, type JourneyPhaseRaw, type OfferMode } from './journeyPhase';
import { offerBurst } from './offer';
import { benchOptions } from './options';
import { ProcessMetrics } from './processMetrics';
import { baselineResult, checkTargets, type JourneyBenchResult, journeyResult, printReport, writeResult } from './report';
import { freePort, type Service, startTemporalServer, startTsService, temporalCliPath, type TemporalServer } from './services';
import { startWebhookSink, type WebhookSink } from './webhookSink';

const log = (message: string) => console.error(`[bench:journeys] ${message}`);

/** Extra Node flags for a child, for profiling: e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/.out/prof". */
const extraNodeArgs = (variable: string) => process.env[variable]?.split(/\s+/).filter(Boolean) ?? [];
/** The `worker` script's flags (workflows/package.json), for the journey worker and the baseline's alike. */
const workerNodeFlags = ['--max-old-space-size=768'];

async function graphql<T>(baseUrl: string, secretKey: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

async function checkpoint(pool: Pool) {
  await pool.query('CHECKPOINT');
}

async function main() {
  const options = benchOptions();
  const date = new Date();
  const loadAverage = os.loadavg();
  const dataset = generateJourneyDataset({ seed: options.seed, warmup: options.warmup, steady: options.users, saturation: options.saturation });
  const plans = new Map(Object.values(dataset.groups).flat().map((user) => [user.userId, user.plan]));
  log(`${options.users} users at ${options.rate}/s, saturation ${options.saturation}, warm-up ${options.warmup}; load average ${loadAverage.map((l) => l.toFixed(2)).join(' ')}`);

  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => log(`clean-up: ${error}`));
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

  try {
    // Database: a scratch database on the server, migrated; a workspace with a write and a secret key
    // created before the API starts (so it skips the demo workspace).
    const scratch: ScratchDatabase = await createScratchDatabase('postgres', options.databaseUrl, 'journeys');
    cleanups.push(() => scratch.drop());
    if (scratch.config.kind !== 'postgres') throw new Error('unreachable');
    log(`database ${scratch.label}`);
    const setupDb = await openDatabase(scratch.config, { poolSize: 2 });
    const workspace = await createWorkspace(setupDb.prisma, { name: 'Journey benchmark', slug: 'bench-journeys' });
    const writeKey = (await createApiKey(setupDb.prisma, workspace.id, 'WRITE', 'benchmark write key')).key;
    const secretKey = (await createApiKey(setupDb.prisma, workspace.id, 'SECRET', 'benchmark secret key')).key;
    await setupDb.close();
    const pool = new Pool({ connectionString: scratch.config.url, max: 2 });
    pool.on('error', () => undefined);
    cleanups.push(() => pool.end());

    const temporalVersion = execFileSync(temporalCliPath(), ['--version'], { encoding: 'utf8' }).trim();
    const temporal: TemporalServer = await startTemporalServer(options.temporalDb);
    cleanups.push(() => temporal.stop());
    log(`Temporal dev server ${temporal.pid} at ${temporal.address} (state ${options.temporalDb === 'memory' ? 'in memory' : 'in an SQLite file'})`);
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: temporal.namespace });

    const sink: WebhookSink = await startWebhookSink();
    cleanups.push(() => sink.close());

    // The product's own entry points, as deployed with Postgres: the API process (HTTP, journey
    // processor; WORKER=external) and the standalone worker, each in its own process.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tideflow-bench-journeys-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const taskQueue = `bench-journeys-${randomBytes(3).toString('hex')}`;
    const baselineQueue = `bench-baseline-${randomBytes(3).toString('hex')}`;
    const apiPort = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: scratch.config.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TIDEFLOW_DATA_DIR: dataDir,
      TIDEFLOW_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const startChild = async (service: Promise<Service>) => {
      const started = await service;
      cleanups.push(() => started.stop());
      return started;
    };
    const [api, worker, baselineWorker] = await Promise.all([
      startChild(
        startTsService({
          name: 'api',
          script: path.join(repositoryRoot, 'api', 'src', 'main.ts'),
          cwd: path.join(repositoryRoot, 'api'),
          // api's `start` script: node --max-old-space-size=256 --import tsx src/main.ts
          nodeFlags: ['--max-old-space-size=256', ...extraNodeArgs('BENCH_API_NODE_ARGS')],
          env: { ...env, WORKER: 'external', API_PORT: String(apiPort) },
          ready: /Listening on/,
          echo: /error|\[journeys\]|fail/i,
        }),
      ),
      // workflows' `worker` script: node --max-old-space-size=768 --import tsx src/cli/worker.ts
      startChild(startTsService({ name: 'worker', script: path.join(repositoryRoot, 'workflows', 'src', 'cli', 'worker.ts'), cwd: path.join(repositoryRoot, 'workflows'), nodeFlags: [...workerNodeFlags, ...extraNodeArgs('BENCH_WORKER_NODE_ARGS')], env, ready: /^Worker on task queue/, echo: /error|warn/i })),
      startChild(
        startTsService({
          name: 'baseline-worker',
          script: path.join(__dirname, 'baseline', 'worker.ts'),
          cwd: path.join(__dirname, '..'),
          nodeFlags: [...workerNodeFlags, ...extraNodeArgs('BENCH_WORKER_NODE_ARGS')],
          env: { ...env, TEMPORAL_TASK_QUEUE: baselineQueue },
          ready: /^Baseline worker on task queue/,
          echo: /error|warn/i,
        }),
      ),
    ]);
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    for (let attempt = 0; ; attempt++) {
      const health = await fetch(`${baseUrl}/healthz`).then((r) => r.json() as Promise<{ status: string }>).catch(() => null);
      if (health?.status === 'ok') break;
      if (attempt > 60) throw new Error(`The API is not healthy: ${JSON.stringify(health)}`);
      await sleep(500);
    }
    log(`API ${api.pid} on ${baseUrl}, journey worker ${worker.pid} on "${taskQueue}", baseline worker ${baselineWorker.pid} on "${baselineQueue}"`);

    const metrics = new ProcessMetrics({ api: api.pid, worker: worker.pid, baselineWorker: baselineWorker.pid, temporal: temporal.pid }).start();
    cleanups.push(async () => metrics.stop());
    metrics.resetHighWaterMarks();
    if (!metrics.resetWorked) log('could not reset VmHWM (/proc/<pid>/clear_refs): the phase peaks include start-up');

    // Setup through the API: identify every user (half with plan = pro), publish the journey.
    const everyone = [...dataset.groups.warmup, ...dataset.groups.steady, ...dataset.groups.saturation];
    const identifyStarted = nowMs();
    await offerBurst(identifyCalls(everyone, options.seed), 500, 4, async (chunk) => {
      const response = await fetch(`${baseUrl}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` }, body: JSON.stringify({ batch: chunk }) });
      if (response.status !== 200) throw new Error(`identify batch: HTTP ${response.status} ${await response.text()}`);
    });
    log(`identified ${everyone.length} users in ${((nowMs() - identifyStarted) / 1000).toFixed(1)} s`);
    const created = await graphql<{ createJourney: { id: string } }>(baseUrl, secretKey, `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, {
      input: { name: 'Trial nurture (benchmark)', draft: benchJourneyDefinition(sink.url) },
    });
    const journeyId = created.createJourney.id;
    await graphql(baseUrl, secretKey, `mutation($id: ID!) { publishJourney(id: $id) { id status latestVersion } }`, { id: journeyId });
    log(`published journey ${journeyId}`);

    const journeyTarget = { baseUrl, writeKey, journeyId, sink, pool, metrics, postgresDatabase: scratch.label, log };
    const baselineTarget = { client, taskQueue: baselineQueue, metrics, postgresDatabase: scratch.label, log };
    const paced: OfferMode = { kind: 'paced', rate: options.rate, tickMs: options.tickMs };
    const burst: OfferMode = { kind: 'burst', batchSize: 100, senders: 4 };
    const drainMs = options.drainTimeoutSeconds * 1000;
    let runsSoFar = 0;
    const runJourney = async (name: string, mode: OfferMode, events = dataset.events[name as keyof typeof dataset.events]) => {
      await checkpoint(pool);
      await sleep(2_000);
      log(`journey ${name}: ${events.length} trigger events${mode.kind === 'paced' ? ` at ${mode.rate}/s` : ', as fast as the API takes them'}…`);
      const raw = await journeyPhase(journeyTarget, name, events, mode, runsSoFar, drainMs);
      runsSoFar += events.length;
      return raw;
    };
    const runBaseline = async (name: string, count: number, mode: OfferMode) => {
      await checkpoint(pool);
      await sleep(2_000);
      log(`baseline ${name}: ${count} workflows${mode.kind === 'paced' ? ` at ${mode.rate}/s` : ', as fast as the server takes them'}…`);
      return baselinePhase(baselineTarget, name, count, mode, drainMs);
    };

    // Warm-up (JIT, pools, caches, the worker's workflow cache), not measured.
    if (options.warmup > 0) {
      await runBaseline('warmup', options.warmup, paced);
      await runJourney('warmup', paced);
    }
    const steadyBaseline: BaselinePhaseRaw = await runBaseline('steady', options.users, paced);
    const steadyJourney: JourneyPhaseRaw = await runJourney('steady', paced);
    let saturationRaw: { journey: JourneyPhaseRaw; baselines: BaselinePhaseRaw[] } | null = null;
    if (options.saturation > 0) {
      const before = await runBaseline('saturation-before', options.saturation, burst);
      const journey = await runJourney('saturation', burst);
      const after = await runBaseline('saturation-after', options.saturation, burst);
      saturationRaw = { journey, baselines: [before, after] };
    }
    const memory = metrics.memory();

    log('reading close times from Temporal visibility…');
    const closedJourneys = await collectCloseTimes(client, `JourneyId = "${journeyId}"`);
    const closedBaselines = await collectCloseTimes(client, `WorkflowType = "${baselineWorkflowType}"`);

    const steadyJ = journeyResult(steadyJourney, closedJourneys, plans);
    const steadyB = baselineResult(steadyBaseline, closedBaselines);
    let saturation: JourneyBenchResult['saturation'] = null;
    if (saturationRaw) {
      const journey = journeyResult(saturationRaw.journey, closedJourneys, plans);
      const baselines = saturationRaw.baselines.map((b) => baselineResult(b, closedBaselines));
      const baselineRunsPerSec = baselines.reduce((sum, b) => sum + b.runsPerSec, 0) / baselines.length;
      saturation = { journey, baselines, baselineRunsPerSec, ratio: journey.runsPerSec / baselineRunsPerSec };
    }
    const partial: Omit<JourneyBenchResult, 'targets'> = {
      date: date.toISOString(),
      machine: { ...machine(), loadAverage },
      options: { users: options.users, rate: options.rate, tickMs: options.tickMs, saturation: options.saturation, warmup: options.warmup, seed: options.seed, temporalDb: options.temporalDb, drainTimeoutSeconds: options.drainTimeoutSeconds },
      temporal: `Temporal dev server (${temporalVersion}), state ${options.temporalDb === 'memory' ? 'in memory' : 'in an SQLite file'}`,
      steady: { journey: steadyJ, baseline: steadyB, ratio: steadyJ.runsPerSec / steadyB.runsPerSec },
      saturation,
      memory,
    };
    const result: JourneyBenchResult = { ...partial, targets: checkTargets(partial) };
    printReport(result);
    // Per-event latencies (rounded), to see how they move through a phase.
    const series = (raw: JourneyPhaseRaw) => {
      const hitOf = new Map<string, number>();
      for (const hit of raw.hits) if (!hitOf.has(hit.user)) hitOf.set(hit.user, hit.at);
      return raw.events.map((event, i) => {
        const at = hitOf.get(event.user.userId);
        return at === undefined ? null : Math.round(at - raw.offered.acceptedAt[i]!);
      });
    };
    log(`wrote ${writeResult(result, { eventToSendSeriesMs: { steady: series(steadyJourney), saturation: saturationRaw ? series(saturationRaw.journey) : null } })}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error('[bench:journeys] failed:', error);
  process.exit(1);
});
