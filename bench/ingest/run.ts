/**
 * bench/ingest: events/s through POST /v1/batch against multi-row INSERTs of
 * the same rows into the same kind of database, p50/p95/p99 batch latency and
 * the API process's peak RSS. See bench/RESULTS.md.
 *
 *   npm run bench:ingest                          # Postgres at DATABASE_URL (default localhost)
 *   BENCH_DB=pglite npm run bench:ingest          # embedded PGlite
 *   npx tsx ingest/run.ts --events 200000 --batch 500 --senders 4 --db postgres|pglite   (from bench/)
 */
import { performance } from 'node:perf_hooks';
import { apiPhase } from './apiPhase';
import { type BaselinePhase, baselinePhase } from './baselinePhase';
import { generateDataset } from './dataset';
import { benchOptions } from './options';
import { type BaselineRun, checkTargets, type CpuPerBatch, type IngestBenchResult, machine, printReport, summarize, writeResult } from './report';
import { createScratchDatabase, type ScratchDatabase } from './scratchDatabase';

const log = (message: string) => console.error(`[bench:ingest] ${message}`);

async function main() {
  const options = benchOptions();
  const now = new Date();
  const started = performance.now();
  const dataset = generateDataset({ events: options.events, users: options.users, batchSize: options.batch, seed: options.seed, now });
  log(`generated ${dataset.events.length.toLocaleString('en-US')} events in ${dataset.batches.length} batches (${(dataset.totalBytes / 1024 / 1024).toFixed(1)} MiB of JSON) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scratches: ScratchDatabase[] = [];
  const dropAll = () => Promise.all(scratches.splice(0).map((s) => s.drop().catch((error) => log(`could not drop ${s.label}: ${error}`))));
  process.once('SIGINT', () => void dropAll().finally(() => process.exit(130)));
  // Postgres: one database; the baselines and the API write into workspaces of their own. PGlite: a fresh
  // data directory per phase, as the API process must own its directory alone.
  const scratchFor = async (tag: string) => {
    if (options.db === 'postgres' && scratches[0]) return scratches[0];
    const scratch = await createScratchDatabase(options.db, options.databaseUrl, options.db === 'postgres' ? 'ingest' : tag);
    scratches.push(scratch);
    log(`database for ${tag}: ${scratch.label}`);
    return scratch;
  };
  const baseline = async (tag: string) => {
    log(`baseline (${tag}): multi-row INSERTs of ${options.batch} rows, ${options.senders} at a time…`);
    const run = await baselinePhase(await scratchFor(tag), dataset, options.senders);
    log(`baseline (${tag}): ${Math.round(options.events / (run.elapsedMs / 1000)).toLocaleString('en-US')} events/s`);
    return run;
  };

  try {
    // Baseline, API, baseline again: machines drift (checkpoints, autovacuum, table growth), so the API is
    // compared with the mean of one measurement on each side of it.
    const before = await baseline('baseline-before');
    const api = await apiPhase(await scratchFor('api'), dataset, options.senders, log);
    const after = await baseline('baseline-after');

    const batches = dataset.batches.length;
    const perBatch = (cpu: BaselinePhase['cpu'], apiSeconds: number | null = null): CpuPerBatch => ({
      bench: (cpu.benchSeconds * 1000) / batches,
      api: apiSeconds === null ? null : (apiSeconds * 1000) / batches,
      postgres: cpu.postgresSeconds === null ? null : (cpu.postgresSeconds * 1000) / batches,
    });
    const baselineRun = (run: BaselinePhase): BaselineRun => ({
      eventsPerSec: options.events / (run.elapsedMs / 1000),
      elapsedMs: run.elapsedMs,
      usersMs: run.usersMs,
      eventsMs: run.eventsMs,
      statementLatencyMs: summarize(run.latenciesMs),
      cpuMsPerBatch: perBatch(run.cpu),
    });
    const runs = [baselineRun(before), baselineRun(after)];
    const baselineRate = runs.reduce((sum, run) => sum + run.eventsPerSec, 0) / runs.length;
    const apiRate = options.events / (api.elapsedMs / 1000);
    const latencyMs = summarize(api.latenciesMs);
    const result: IngestBenchResult = {
      db: options.db,
      date: now.toISOString(),
      machine: machine(),
      options: { events: options.events, batch: options.batch, senders: options.senders, users: options.users, seed: options.seed },
      dataset: { batches, meanBodyBytes: Math.round(dataset.totalBytes / batches) },
      api: {
        elapsedMs: api.elapsedMs,
        eventsPerSec: apiRate,
        latencyMs,
        batchLatenciesMs: api.latenciesMs.map((ms) => Math.round(ms * 10) / 10),
        stored: api.stored,
        duplicates: api.duplicates,
        peakRssBytes: api.peakRssBytes,
        startupRssBytes: api.startupRssBytes,
        peakMemory: api.peakMemory,
        rows: api.rows,
        cpuMsPerBatch: perBatch(api.cpu, api.cpu.apiSeconds),
      },
      baseline: { where: before.where, runs, eventsPerSec: baselineRate },
      ratio: apiRate / baselineRate,
      targets: checkTargets(apiRate / baselineRate, latencyMs.p99, api.peakRssBytes),
    };
    printReport(result);
    log(`wrote ${writeResult(result)}`);
  } finally {
    await dropAll();
  }
}

main().catch((error) => {
  console.error('[bench:ingest] failed:', error);
  process.exit(1);
});
