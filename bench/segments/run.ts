/**
 * bench/segments: full computation of five representative segments against hand-written SQL,
 * the preview estimate, per-event incremental re-evaluation, and event → segment entered →
 * journey run started end to end, on 1,000,000 users and 10,000,000 events in Postgres.
 * See bench/RESULTS.md.
 *
 *   npm run bench:segments                                   # everything, on the default data set
 *   npm run bench:segments -- --phases=full,preview          # some phases
 *   npm run bench:segments -- --users=100000 --events=1000000 --rate=200 --duration=60 --reuse=false
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@tideflow/db';
import { machine } from '../ingest/report';
import { ensureDataset } from './dataset';
import { endToEndPhase } from './endToEndPhase';
import { fullComputationPhase } from './fullPhase';
import { incrementalPhase } from './incrementalPhase';
import { benchOptions } from './options';
import { previewPhase } from './previewPhase';
import { checkTargets, machineLoad, printReport, type SegmentsBenchResult, writeResult } from './report';
import { createBenchSegments, resetWorkspace } from './workspaceState';

const log = (message: string) => console.error(`[bench:segments] ${message}`);

async function main() {
  const options = benchOptions();
  const started = performance.now();
  const load = [machineLoad('start')];
  if (load[0]!.others.length) log(`note: other benchmarks or tests are running (load ${load[0]!.loadavg.join(' ')}):\n    ${load[0]!.others.join('\n    ')}`);
  const dataset = await ensureDataset(options, log);
  const db = await openDatabase({ kind: 'postgres', url: dataset.url }, { poolSize: 4 });
  try {
    const pg = await db.sql.transaction((tx) =>
      tx.query<{ version: string; name: string; setting: string }>(
        `SELECT current_setting('server_version') AS version, name, setting || COALESCE(unit, '') AS setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'jit', 'random_page_cost')`,
      ),
    );
    const removed = await resetWorkspace(db, dataset.workspaceId, dataset.anchor);
    if (removed.events) log(`removed ${removed.events} events earlier runs added`);
    log('creating the five live segments through the product (createSegment: first full computation, silent)…');
    const segments = await createBenchSegments(db, dataset.workspaceId, dataset.anchor, log);
    await db.sql.transaction((tx) => tx.query('ANALYZE "SegmentMember"'));

    const result: SegmentsBenchResult = {
      date: new Date().toISOString(),
      machine: machine(),
      postgres: { version: pg.rows[0]!.version, settings: Object.fromEntries(pg.rows.map((row) => [row.name, row.setting])) },
      options: { ...options, serverUrl: undefined } as never,
      dataset: { ...dataset, url: undefined } as never,
      segments: segments.map((s) => ({ key: s.key, name: s.name, id: s.id, createMs: Math.round(s.createMs), size: s.size })),
      full: null,
      preview: null,
      incremental: null,
      endToEnd: null,
      load,
      targets: [],
    };
    if (options.phases.includes('full')) {
      load.push(machineLoad('full'));
      log(`full computation: ${options.rounds} rounds per segment…`);
      result.full = await fullComputationPhase(db, dataset.workspaceId, dataset.anchor, segments, options.rounds, log);
    }
    if (options.phases.includes('preview')) {
      load.push(machineLoad('preview'));
      log('preview…');
      result.preview = await previewPhase(db, dataset.workspaceId, segments, 3, log);
    }
    if (options.phases.includes('incremental')) {
      load.push(machineLoad('incremental'));
      log(`incremental: ${options.incrementalEvents} single events…`);
      result.incremental = await incrementalPhase(db, dataset.workspaceId, dataset.events, segments, { events: options.incrementalEvents, seed: options.seed }, log);
    }
    if (options.phases.includes('e2e')) {
      load.push(machineLoad('e2e'));
      log(`end to end: ${options.rate} events/s for ${options.durationSeconds} s…`);
      const didNotDid = segments.find((s) => s.key === 'didNotDid')!;
      result.endToEnd = await endToEndPhase(db, { ...dataset }, didNotDid, { rate: options.rate, durationSeconds: options.durationSeconds, entryEvery: options.entryEvery, batchSize: 10, seed: options.seed }, log);
    }
    result.targets = checkTargets(result);
    printReport(result);
    log(`wrote ${writeResult(result)} (${((performance.now() - started) / 1000).toFixed(0)} s in all; the data set stays in ${dataset.database} for the next run)`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error('[bench:segments] failed:', error);
  process.exit(1);
});
