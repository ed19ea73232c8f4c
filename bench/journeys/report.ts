import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LatencySummary, machine, summarize } from '../ingest/report';
import type { BaselinePhaseRaw, ClosedWorkflow } from './baselinePhase';
import { journeyWaitMs } from './dataset';
import type { JourneyPhaseRaw, OfferMode } from './journeyPhase';
import type { JourneyBenchOptions } from './options';
import type { CpuReading, MemoryPeaks, Role } from './processMetrics';

export type { LatencySummary };

/** CPU per completed run (ms), by process (`machine`: the whole machine, everyone's processes included). */
export type CpuPerRun = Record<keyof CpuReading, number | null>;

/** Cores' worth of CPU that processes other than the benchmark's used during a phase: interference from other work on the machine. */
function otherCores(cpu: CpuReading, wallSeconds: number): number | null {
  if (cpu.machine === null) return null;
  const ours = (['api', 'worker', 'baselineWorker', 'temporal', 'postgres'] as const).reduce((sum, role) => sum + (cpu[role] ?? 0), cpu.bench);
  return Math.max(0, (cpu.machine - ours) / wallSeconds);
}

export interface JourneyPhaseResult {
  name: string;
  mode: OfferMode;
  offered: number;
  /** Offered events per second: events ÷ (last batch sent − first batch sent). */
  offeredPerSec: number;
  /** First batch sent → last batch accepted. */
  offerSeconds: number;
  /** Runs whose webhook arrived (one distinct user each, on the right branch). */
  completed: number;
  /** Completed runs ÷ (last webhook received − first event accepted). */
  runsPerSec: number;
  /** Same, to the workflows' close (Temporal visibility), comparable with the baseline. */
  closedRunsPerSec: number;
  elapsedMs: number;
  /** Event accepted (its batch's 200) → webhook received: includes the journey's 1 s wait. */
  eventToSendMs: LatencySummary;
  /** The same minus the 1 s wait: what the engine adds. */
  eventToSendMinusWaitMs: LatencySummary;
  /** Event accepted → workflow closed (visibility close time, ms resolution). */
  eventToCloseMs: LatencySummary;
  /** Where the time goes, from the database's timestamps (ms resolution): p50 / p95 of each leg. */
  legsMs: {
    acceptToEntered: LatencySummary;
    enteredToWorkflowStarted: LatencySummary;
    workflowStartedToSendMinusWait: LatencySummary;
    sendToEnded: LatencySummary;
  };
  /** POST /v1/batch latency of the trigger batches. */
  batchLatencyMs: LatencySummary;
  checks: {
    runs: number;
    statuses: Record<string, number>;
    messages: Record<string, number>;
    messageAttempts: number;
    workflowStatuses: Record<string, number>;
    duplicateSends: number;
    wrongBranch: number;
    missingSends: number;
    inboxLeft: number;
    timedOut: boolean;
  };
  cpuMsPerRun: CpuPerRun;
  /** Cores' worth of CPU used by other processes on the machine during the phase (0 on a quiet machine). */
  otherCores: number | null;
}

export interface BaselinePhaseResult {
  name: string;
  mode: OfferMode;
  offered: number;
  offeredPerSec: number;
  /** First start sent → last start accepted. */
  offerSeconds: number;
  completed: number;
  /** Completed workflows ÷ (last close − first start accepted). */
  runsPerSec: number;
  elapsedMs: number;
  /** Start accepted → workflow closed. */
  startToCloseMs: LatencySummary;
  /** client.workflow.start latency. */
  startLatencyMs: LatencySummary;
  workflowStatuses: Record<string, number>;
  timedOut: boolean;
  cpuMsPerRun: CpuPerRun;
  otherCores: number | null;
}

export interface JourneyBenchResult {
  date: string;
  machine: ReturnType<typeof machine> & { loadAverage: number[] };
  options: Omit<JourneyBenchOptions, 'databaseUrl'>;
  temporal: string;
  steady: { journey: JourneyPhaseResult; baseline: BaselinePhaseResult; ratio: number };
  saturation: { journey: JourneyPhaseResult; baselines: BaselinePhaseResult[]; baselineRunsPerSec: number; ratio: number } | null;
  /** Peak resident set per process: VmHWM at start-up, VmHWM over the phases (after a reset), and each phase's sampled peak. */
  memory: Record<Role, MemoryPeaks>;
  targets: Array<{ name: string; target: string; actual: string; pass: boolean }>;
}

const count = (values: string[]) => values.reduce<Record<string, number>>((acc, value) => ((acc[value] = (acc[value] ?? 0) + 1), acc), {});

function perRun(cpu: CpuReading, runs: number): CpuPerRun {
  const ms = (seconds: number | null) => (seconds === null || runs === 0 ? null : (seconds * 1000) / runs);
  return { api: ms(cpu.api), worker: ms(cpu.worker), baselineWorker: ms(cpu.baselineWorker), temporal: ms(cpu.temporal), postgres: ms(cpu.postgres), bench: ms(cpu.bench), machine: ms(cpu.machine) };
}

const offerSeconds = (offered: { sentAt: number[]; acceptedAt: number[] }) => (Math.max(...offered.acceptedAt) - Math.min(...offered.sentAt)) / 1000;

const offeredRate = (sentAt: number[]) => {
  const span = (Math.max(...sentAt) - Math.min(...sentAt)) / 1000;
  return span > 0 ? sentAt.length / span : Infinity;
};

export function journeyResult(raw: JourneyPhaseRaw, closed: Map<string, ClosedWorkflow>, plans: Map<string, string>): JourneyPhaseResult {
  const acceptedOf = new Map(raw.events.map((event, i) => [event.user.userId, raw.offered.acceptedAt[i]!]));
  const firstHit = new Map<string, (typeof raw.hits)[number]>();
  for (const hit of raw.hits) if (!firstHit.has(hit.user)) firstHit.set(hit.user, hit);
  const keys = new Set(raw.hits.map((hit) => hit.idempotencyKey));
  const wrongBranch = [...firstHit.values()].filter((hit) => hit.path !== `/${plans.get(hit.user)}`).length;
  const completedHits = [...firstHit.values()].filter((hit) => hit.path === `/${plans.get(hit.user)}`);
  const firstAccepted = Math.min(...raw.offered.acceptedAt);
  const lastHit = Math.max(...completedHits.map((hit) => hit.at));
  const toSend = completedHits.map((hit) => hit.at - acceptedOf.get(hit.user)!);

  const runByUser = new Map(raw.runs.map((run) => [run.user, run]));
  const closeTimes = raw.runs.map((run) => ({ run, closed: closed.get(run.workflowId) })).filter((entry) => entry.closed?.status === 'COMPLETED' && entry.closed.closeTime !== null);
  const toClose = closeTimes.map(({ run, closed: c }) => c!.closeTime! - acceptedOf.get(run.user)!);
  const lastClose = Math.max(...closeTimes.map(({ closed: c }) => c!.closeTime!));
  const legs = (pick: (user: string, run: (typeof raw.runs)[number]) => number | null) =>
    summarize(completedHits.flatMap((hit) => {
      const run = runByUser.get(hit.user);
      const value = run ? pick(hit.user, run) : null;
      return value === null ? [] : [value];
    }));
  return {
    name: raw.name,
    mode: raw.mode,
    offered: raw.events.length,
    offeredPerSec: offeredRate(raw.offered.sentAt),
    offerSeconds: offerSeconds(raw.offered),
    completed: completedHits.length,
    runsPerSec: completedHits.length / ((lastHit - firstAccepted) / 1000),
    closedRunsPerSec: closeTimes.length / ((lastClose - firstAccepted) / 1000),
    elapsedMs: lastHit - firstAccepted,
    eventToSendMs: summarize(toSend),
    eventToSendMinusWaitMs: summarize(toSend.map((ms) => ms - journeyWaitMs)),
    eventToCloseMs: summarize(toClose),
    legsMs: {
      acceptToEntered: legs((user, run) => run.enteredAt - acceptedOf.get(user)!),
      enteredToWorkflowStarted: legs((_, run) => (run.workflowStartedAt === null ? null : run.workflowStartedAt - run.enteredAt)),
      workflowStartedToSendMinusWait: legs((user, run) => (run.workflowStartedAt === null ? null : firstHit.get(user)!.at - run.workflowStartedAt - journeyWaitMs)),
      sendToEnded: legs((user, run) => (run.endedAt === null ? null : run.endedAt - firstHit.get(user)!.at)),
    },
    batchLatencyMs: summarize(raw.offered.acceptedAt.map((accepted, i) => accepted - raw.offered.sentAt[i]!)),
    checks: {
      runs: raw.runs.length,
      statuses: count(raw.runs.map((run) => run.status)),
      messages: raw.messages,
      messageAttempts: raw.messageAttempts,
      workflowStatuses: count(raw.runs.map((run) => closed.get(run.workflowId)?.status ?? 'NOT FOUND')),
      duplicateSends: raw.hits.length - keys.size,
      wrongBranch,
      missingSends: raw.events.length - firstHit.size,
      inboxLeft: raw.inboxLeft,
      timedOut: raw.timedOut,
    },
    cpuMsPerRun: perRun(raw.cpu, completedHits.length),
    otherCores: otherCores(raw.cpu, raw.cpuWallSeconds),
  };
}

export function baselineResult(raw: BaselinePhaseRaw, closed: Map<string, ClosedWorkflow>): BaselinePhaseResult {
  const done = raw.workflowIds.flatMap((id, i) => {
    const c = closed.get(id);
    return c?.status === 'COMPLETED' && c.closeTime !== null ? [{ accepted: raw.offered.acceptedAt[i]!, closeTime: c.closeTime }] : [];
  });
  const firstAccepted = Math.min(...raw.offered.acceptedAt);
  const lastClose = Math.max(...done.map((d) => d.closeTime));
  return {
    name: raw.name,
    mode: raw.mode,
    offered: raw.workflowIds.length,
    offeredPerSec: offeredRate(raw.offered.sentAt),
    offerSeconds: offerSeconds(raw.offered),
    completed: done.length,
    runsPerSec: done.length / ((lastClose - firstAccepted) / 1000),
    elapsedMs: lastClose - firstAccepted,
    startToCloseMs: summarize(done.map((d) => d.closeTime - d.accepted)),
    startLatencyMs: summarize(raw.offered.acceptedAt.map((accepted, i) => accepted - raw.offered.sentAt[i]!)),
    workflowStatuses: count(raw.workflowIds.map((id) => closed.get(id)?.status ?? 'NOT FOUND')),
    timedOut: raw.timedOut,
    cpuMsPerRun: perRun(raw.cpu, done.length),
    otherCores: otherCores(raw.cpu, raw.cpuWallSeconds),
  };
}

const mib = (bytes: number) => bytes / 1024 / 1024;

/** The targets. */
export function checkTargets(result: Omit<JourneyBenchResult, 'targets'>): JourneyBenchResult['targets'] {
  const { steady, saturation, memory } = result;
  const workerPeak = Math.max(memory.worker.startupHwmBytes, memory.worker.hwmSinceStartupBytes);
  const clean = (phase: JourneyPhaseResult) => phase.completed === phase.offered && phase.checks.duplicateSends === 0 && phase.checks.wrongBranch === 0 && !phase.checks.timedOut;
  return [
    { name: `journey / baseline runs/s at ${result.options.rate}/s`, target: '>= 0.70x', actual: `${steady.ratio.toFixed(2)}x`, pass: steady.ratio >= 0.7 },
    ...(saturation ? [{ name: 'journey / baseline at saturation', target: '>= 0.70x', actual: `${saturation.ratio.toFixed(2)}x`, pass: saturation.ratio >= 0.7 }] : []),
    { name: `p95 event → send at ${result.options.rate}/s`, target: '< 2000 ms', actual: `${steady.journey.eventToSendMs.p95.toFixed(0)} ms`, pass: steady.journey.eventToSendMs.p95 < 2000 },
    { name: 'journey worker peak RSS', target: '< 1024 MiB', actual: `${mib(workerPeak).toFixed(0)} MiB`, pass: mib(workerPeak) < 1024 },
    { name: 'every run sent once, none failed', target: 'all', actual: [steady.journey, saturation?.journey].filter(Boolean).every((p) => clean(p!)) ? 'yes' : 'no', pass: [steady.journey, saturation?.journey].filter(Boolean).every((p) => clean(p!)) },
  ];
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lat = (s: LatencySummary) => `p50 ${num(s.p50)}  p95 ${num(s.p95)}  p99 ${num(s.p99)}  max ${num(s.max)} ms`;
const cpu = (c: CpuPerRun, worker: 'worker' | 'baselineWorker') =>
  [c.api === null || worker === 'baselineWorker' ? null : `API ${num(c.api, 1)}`, c[worker] === null ? null : `worker ${num(c[worker]!, 1)}`, c.temporal === null ? null : `Temporal ${num(c.temporal, 1)}`, c.postgres === null || worker === 'baselineWorker' ? null : `Postgres ${num(c.postgres, 1)}`, c.bench === null ? null : `bench ${num(c.bench, 1)}`]
    .filter(Boolean)
    .join(' + ') + ' ms';
const others = (cores: number | null) => (cores === null ? '' : `; other processes on the machine: ${num(cores, 2)} cores`);
const offered = (p: { mode: OfferMode; offeredPerSec: number; offerSeconds: number }) =>
  p.mode.kind === 'paced' ? `offered ${num(p.offeredPerSec, 1)}/s` : `all offered within ${num(p.offerSeconds, 1)} s`;
const statuses = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${k} ${num(v)}`).join(', ') || 'none';

function journeyLines(label: string, j: JourneyPhaseResult): string[] {
  return [
    `  journey ${label.padEnd(22)} ${num(j.runsPerSec, 1).padStart(7)} runs/s   (${num(j.completed)}/${num(j.offered)} webhooks in ${num(j.elapsedMs / 1000, 1)} s, first event accepted → last webhook; ${offered(j)}; to workflow close ${num(j.closedRunsPerSec, 1)} runs/s)`,
    `    event accepted → webhook     ${lat(j.eventToSendMs)}`,
    `    … minus the 1 s wait         ${lat(j.eventToSendMinusWaitMs)}`,
    `    event accepted → closed      ${lat(j.eventToCloseMs)}`,
    `    legs p50/p95: accepted→entered ${num(j.legsMs.acceptToEntered.p50)}/${num(j.legsMs.acceptToEntered.p95)}, entered→workflow started ${num(j.legsMs.enteredToWorkflowStarted.p50)}/${num(j.legsMs.enteredToWorkflowStarted.p95)}, started→webhook −1 s ${num(j.legsMs.workflowStartedToSendMinusWait.p50)}/${num(j.legsMs.workflowStartedToSendMinusWait.p95)}, webhook→ended ${num(j.legsMs.sendToEnded.p50)}/${num(j.legsMs.sendToEnded.p95)} ms; POST /v1/batch p50 ${num(j.batchLatencyMs.p50)} p99 ${num(j.batchLatencyMs.p99)} ms`,
    `    CPU per run                  ${cpu(j.cpuMsPerRun, 'worker')}${others(j.otherCores)}`,
    `    checks                       runs: ${statuses(j.checks.statuses)}; workflows: ${statuses(j.checks.workflowStatuses)}; messages: ${statuses(j.checks.messages)} (${num(j.checks.messageAttempts)} attempts); duplicate sends ${j.checks.duplicateSends}, wrong branch ${j.checks.wrongBranch}, missing ${j.checks.missingSends}${j.checks.timedOut ? ', TIMED OUT' : ''}`,
  ];
}

function baselineLines(label: string, b: BaselinePhaseResult): string[] {
  return [
    `  baseline ${label.padEnd(21)} ${num(b.runsPerSec, 1).padStart(7)} runs/s   (${num(b.completed)}/${num(b.offered)} closed in ${num(b.elapsedMs / 1000, 1)} s, first start accepted → last close; ${offered(b)})`,
    `    start accepted → closed      ${lat(b.startToCloseMs)};  start RPC p50 ${num(b.startLatencyMs.p50)} p99 ${num(b.startLatencyMs.p99)} ms`,
    `    CPU per run                  ${cpu(b.cpuMsPerRun, 'baselineWorker')}${others(b.otherCores)};  workflows: ${statuses(b.workflowStatuses)}${b.timedOut ? ', TIMED OUT' : ''}`,
  ];
}

export function printReport(result: JourneyBenchResult): void {
  const { steady, saturation, memory, options } = result;
  const rss = (role: Role) => {
    const m = memory[role];
    const phases = Object.entries(m.phasePeakRssBytes).map(([phase, bytes]) => `${phase} ${num(mib(bytes))}`).join(', ');
    return `start-up ${num(mib(m.startupHwmBytes))} MiB, phases ${num(mib(m.hwmSinceStartupBytes))} MiB (sampled: ${phases})`;
  };
  const lines = [
    '',
    `bench/journeys: ${num(options.users)} users at ${options.rate} events/s (${(options.rate * options.tickMs) / 1000} every ${options.tickMs} ms), saturation ${num(options.saturation)}, warm-up ${num(options.warmup)} (seed ${options.seed})`,
    `machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${num(result.machine.memoryMiB)} MiB, Node ${result.machine.node}; load average at start ${result.machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}; ${result.temporal}`,
    ...(process.env.BENCH_BASELINE_SHAPE === 'journey' ? ["BENCH_BASELINE_SHAPE=journey: the 'baseline' below is the journey's shape with no-op steps (1 s timer, 4 local activities), not the issue's baseline"] : []),
    '',
    `steady load, ${options.rate}/s:`,
    ...baselineLines('', steady.baseline),
    ...journeyLines('', steady.journey),
    `  ratio journey / baseline      ${steady.ratio.toFixed(2)}x`,
    ...(saturation
      ? [
          '',
          `saturation, ${num(options.saturation)} offered at once:`,
          ...saturation.baselines.map((b, i) => baselineLines(i === 0 ? '(before)' : '(after)', b)).flat(),
          `  baseline (mean)               ${num(saturation.baselineRunsPerSec, 1).padStart(7)} runs/s`,
          ...journeyLines('', saturation.journey),
          `  ratio journey / baseline      ${saturation.ratio.toFixed(2)}x`,
        ]
      : []),
    '',
    `peak RSS: journey worker ${rss('worker')}`,
    `          baseline worker ${rss('baselineWorker')}`,
    `          API ${rss('api')}`,
    `          Temporal dev server ${rss('temporal')}`,
    '',
    '  targets:',
    ...result.targets.map((t) => `    ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(36)} ${t.actual.padStart(10)}   target ${t.target}`),
    '',
  ];
  console.log(lines.join('\n'));
}

/** Writes bench/.out/journeys.json (bench/.out is gitignored); returns the path. */
export function writeResult(result: JourneyBenchResult, extra: Record<string, unknown>): string {
  const dir = path.join(__dirname, '..', '.out');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'journeys.json');
  writeFileSync(file, `${JSON.stringify({ ...result, ...extra }, null, 2)}\n`);
  return file;
}
