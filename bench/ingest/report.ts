import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './options';

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles, in ms. */
export function summarize(latenciesMs: number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] ?? NaN, mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1) };
}

/** CPU per 500-event batch (ms), by process; null where it could not be measured. */
export interface CpuPerBatch {
  bench: number;
  api: number | null;
  postgres: number | null;
}

export interface BaselineRun {
  eventsPerSec: number;
  elapsedMs: number;
  usersMs: number;
  eventsMs: number;
  statementLatencyMs: LatencySummary;
  cpuMsPerBatch: CpuPerBatch;
}

export interface IngestBenchResult {
  db: BenchOptions['db'];
  date: string;
  machine: { cpus: number; cpuModel: string; memoryMiB: number; node: string; platform: string };
  options: Pick<BenchOptions, 'events' | 'batch' | 'senders' | 'users' | 'seed'>;
  dataset: { batches: number; meanBodyBytes: number };
  api: {
    elapsedMs: number;
    eventsPerSec: number;
    latencyMs: LatencySummary;
    /** Every batch's latency in send order (ms, rounded), to see how it moves through the run. */
    batchLatenciesMs: number[];
    stored: number;
    duplicates: number;
    /** Largest of VmHWM, sampled VmRSS and getrusage maxRSS of the API process over its whole life (start-up included). */
    peakRssBytes: number;
    startupRssBytes: number;
    /** Peaks of process.memoryUsage() fields inside the API process (bytes, each at its own moment). */
    peakMemory: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
    rows: { events: number; users: number; identities: number; eventDefinitions: number };
    cpuMsPerBatch: CpuPerBatch;
  };
  baseline: {
    where: string;
    /** Measured before and after the API run; `eventsPerSec` is their mean, which the ratio uses. */
    runs: BaselineRun[];
    eventsPerSec: number;
  };
  ratio: number;
  targets: Array<{ name: string; target: string; actual: string; pass: boolean }>;
}

const mib = (bytes: number) => bytes / 1024 / 1024;

export function machine(): IngestBenchResult['machine'] {
  return { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryMiB: Math.round(mib(os.totalmem())), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/** The targets (set for Postgres; on PGlite they are shown for information). */
export function checkTargets(ratio: number, p99: number, peakRssBytes: number): IngestBenchResult['targets'] {
  return [
    { name: 'API rate / baseline rate', target: '>= 0.40x', actual: `${ratio.toFixed(2)}x`, pass: ratio >= 0.4 },
    { name: 'p99 latency per batch', target: '< 250 ms', actual: `${p99.toFixed(0)} ms`, pass: p99 < 250 },
    { name: 'API peak RSS', target: '< 400 MiB', actual: `${mib(peakRssBytes).toFixed(0)} MiB`, pass: mib(peakRssBytes) < 400 },
  ];
}

const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} events/s`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const cpu = (c: CpuPerBatch) =>
  [c.api === null ? null : `API ${c.api.toFixed(0)}`, c.postgres === null ? null : `Postgres ${c.postgres.toFixed(0)}`, `bench ${c.bench.toFixed(0)}`].filter(Boolean).join(' + ') + ' ms';

export function printReport(result: IngestBenchResult): void {
  const { api, baseline } = result;
  const lines = [
    '',
    `bench/ingest on ${result.db === 'postgres' ? 'Postgres' : 'PGlite'}: ${result.options.events.toLocaleString('en-US')} events, batches of ${result.options.batch}, ${result.options.senders} senders, ${result.options.users.toLocaleString('en-US')} users (seed ${result.options.seed})`,
    `machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryMiB} MiB, Node ${result.machine.node}`,
    '',
    `  API  POST /v1/batch       ${rate(api.eventsPerSec).padStart(18)}   (${(api.elapsedMs / 1000).toFixed(1)} s, first request to last response)`,
    ...baseline.runs.map(
      (run, i) =>
        `  baseline ${i === 0 ? 'before' : 'after '} API run   ${rate(run.eventsPerSec).padStart(18)}   (${(run.elapsedMs / 1000).toFixed(1)} s: users ${(run.usersMs / 1000).toFixed(1)} s + events ${(run.eventsMs / 1000).toFixed(1)} s; statement p50 ${ms(run.statementLatencyMs.p50)}, p99 ${ms(run.statementLatencyMs.p99)})`,
    ),
    `  baseline (mean)           ${rate(baseline.eventsPerSec).padStart(18)}   multi-row INSERTs; ${baseline.where}`,
    `  ratio API / baseline      ${result.ratio.toFixed(2)}x`,
    `  batch latency             p50 ${ms(api.latencyMs.p50)}   p95 ${ms(api.latencyMs.p95)}   p99 ${ms(api.latencyMs.p99)}   max ${ms(api.latencyMs.max)}`,
    `  API peak RSS              ${mib(api.peakRssBytes).toFixed(0)} MiB (${mib(api.startupRssBytes).toFixed(0)} MiB after start-up; peaks: V8 heap ${mib(api.peakMemory.heapTotal).toFixed(0)} MiB, external ${mib(api.peakMemory.external).toFixed(0)} MiB)`,
    `  CPU per batch             API run: ${cpu(api.cpuMsPerBatch)};  baseline: ${cpu(baseline.runs[0]!.cpuMsPerBatch)}`,
    `  stored                    ${api.rows.events.toLocaleString('en-US')} events, ${api.rows.users.toLocaleString('en-US')} users, ${api.rows.identities.toLocaleString('en-US')} identities, ${api.rows.eventDefinitions} event definitions`,
    '',
    `  targets${result.db === 'postgres' ? '' : ' (set for Postgres; informational on PGlite)'}:`,
    ...result.targets.map((t) => `    ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(26)} ${t.actual.padStart(10)}   target ${t.target}`),
    '',
  ];
  console.log(lines.join('\n'));
}

/** Writes bench/.out/ingest-<db>.json (bench/.out is gitignored); returns the path. */
export function writeResult(result: IngestBenchResult): string {
  const dir = path.join(__dirname, '..', '.out');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${result.db}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
