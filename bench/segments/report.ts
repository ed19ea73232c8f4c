import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine } from '../ingest/report';
import type { DatasetInfo } from './dataset';
import type { EndToEndResult } from './endToEndPhase';
import type { FullComputation } from './fullPhase';
import type { IncrementalResult } from './incrementalPhase';
import type { SegmentsBenchOptions } from './options';
import type { PreviewResult } from './previewPhase';

export interface Target {
  name: string;
  target: string;
  actual: string;
  pass: boolean;
}

/** What else the machine was doing when a phase started (2 shared cores: other benchmarks and tests skew everything). */
export interface MachineLoad {
  phase: string;
  loadavg: number[];
  /** Other processes whose command line mentions jest or bench (not this one's own children). */
  others: string[];
}

export function machineLoad(phase: string, ownPids: number[] = []): MachineLoad {
  const others: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid || ownPids.includes(Number(entry))) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (/\bjest\b|bench/.test(cmd) && !/bench:segments|segments\/run\.ts/.test(cmd) && /^(node|.*\/node) /.test(cmd)) others.push(cmd.slice(0, 120));
    } catch {
      // exited meanwhile
    }
  }
  return { phase, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), others };
}

export interface SegmentsBenchResult {
  date: string;
  machine: ReturnType<typeof machine>;
  postgres: { version: string; settings: Record<string, string> };
  options: Omit<SegmentsBenchOptions, 'serverUrl'>;
  dataset: Omit<DatasetInfo, 'url'>;
  segments: Array<{ key: string; name: string; id: string; createMs: number; size: number }>;
  full: FullComputation[] | null;
  preview: PreviewResult[] | null;
  incremental: IncrementalResult | null;
  endToEnd: EndToEndResult | null;
  load: MachineLoad[];
  targets: Target[];
}

export function checkTargets(result: Pick<SegmentsBenchResult, 'full' | 'preview' | 'incremental' | 'endToEnd'>): Target[] {
  const targets: Target[] = [];
  for (const f of result.full ?? []) {
    targets.push({ name: `full ${f.key}: compiled / hand-written`, target: '<= 1.5x', actual: `${f.ratio.toFixed(2)}x`, pass: f.ratio <= 1.5 && f.sameUsers });
  }
  for (const p of result.preview ?? []) targets.push({ name: `preview ${p.key}`, target: '< 1000 ms', actual: `${p.maxMs.toFixed(0)} ms (max)`, pass: p.maxMs < 1000 });
  if (result.incremental) targets.push({ name: 'incremental per event, p95', target: '< 20 ms', actual: `${result.incremental.drainMs.p95.toFixed(1)} ms`, pass: result.incremental.drainMs.p95 < 20 });
  if (result.endToEnd) {
    const e = result.endToEnd;
    const p95 = e.runStartedMs?.p95 ?? Infinity;
    targets.push({ name: `end to end at ${e.rate}/s, p95`, target: '< 1000 ms', actual: `${p95.toFixed(0)} ms (${e.started}/${e.entryEvents})`, pass: p95 < 1000 && e.started === e.entryEvents });
  }
  return targets;
}

const ms = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '—' : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);

export function printReport(r: SegmentsBenchResult): void {
  const lines = [
    '',
    `bench/segments on Postgres ${r.postgres.version}: ${r.dataset.users.toLocaleString('en-US')} users, ${r.dataset.events.toLocaleString('en-US')} events (seed ${r.dataset.seed}, ${r.dataset.reused ? 'reused' : 'built'} ${r.dataset.database}, ${(r.dataset.sizeBytes / 1024 ** 3).toFixed(1)} GiB, anchored ${r.dataset.anchor.toISOString()})`,
    `machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryMiB} MiB, Node ${r.machine.node}; load at start ${r.load[0]?.loadavg.join(' ')}`,
    '',
  ];
  if (r.full) {
    lines.push('  full computation (warm; median of the rounds, compiled vs hand-written, same driver)');
    for (const f of r.full) {
      lines.push(`    ${f.key.padEnd(11)} ${f.members.toLocaleString('en-US').padStart(9)} users  compiled ${ms(f.compiled.medianMs).padStart(9)}  hand ${ms(f.handWritten.medianMs).padStart(9)}  ratio ${f.ratio.toFixed(2)}x  (EXPLAIN ANALYZE ${ms(f.explain.compiledMs)} vs ${ms(f.explain.handWrittenMs)})${f.sameUsers ? '' : `  DIFFERENT SETS: ${f.onlyCompiled} / ${f.onlyHandWritten}`}`);
    }
  }
  if (r.preview) {
    lines.push('  preview (previewSegment: count + sampled estimate)');
    for (const p of r.preview) lines.push(`    ${p.key.padEnd(11)} ${ms(p.medianMs).padStart(9)} (max ${ms(p.maxMs)})  estimate ${p.estimate.toLocaleString('en-US')} vs exact ${p.exact.toLocaleString('en-US')} (${(p.relativeError * 100).toFixed(1)}%, ${p.samplePercent.toFixed(1)}% sample)`);
  }
  if (r.incremental) {
    const i = r.incremental;
    lines.push(`  incremental (${i.events} single events; drain of the segment inbox per event; ${i.checksPerEvent.mean.toFixed(2)} segment checks per event)`);
    lines.push(`    all        p50 ${ms(i.drainMs.p50)}  p95 ${ms(i.drainMs.p95)}  p99 ${ms(i.drainMs.p99)}  max ${ms(i.drainMs.max)}`);
    if (i.drainChangedMs) lines.push(`    changed    p50 ${ms(i.drainChangedMs.p50)}  p95 ${ms(i.drainChangedMs.p95)}  p99 ${ms(i.drainChangedMs.p99)}  (${i.changedEvents} events changed a membership)`);
    for (const [kind, s] of Object.entries(i.byKind)) lines.push(`    ${kind.padEnd(10)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  (${s.n})`);
    lines.push(`    capacity: a backlog of ${i.capacity.events} events drained at ${i.capacity.eventsPerSecond.toFixed(0)} events/s`);
    lines.push(`    one-user check queries alone: ${Object.entries(i.checkQueryMs).map(([k, s]) => `${k} p50 ${ms(s?.p50)} p95 ${ms(s?.p95)}${s?.sweepOnly ? ' (sweep-only)' : ''}`).join('; ')}`);
  }
  if (r.endToEnd) {
    const e = r.endToEnd;
    const f = (s: { p50: number; p95: number; p99: number } | null) => (s ? `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}` : 'none');
    lines.push(`  end to end (${e.offered.toLocaleString('en-US')} events offered at ${e.rate}/s (achieved ${e.achievedRate.toFixed(0)}/s) in batches of ${e.batchSize}; ${e.entryEvents} timed entries, ${e.allRuns} runs started in all)`);
    lines.push(`    request → accepted           ${f(e.acceptMs)}`);
    lines.push(`    accepted → Segment Entered   ${f(e.segmentEnteredMs)}  (${e.entered}/${e.entryEvents})`);
    lines.push(`    accepted → run recorded      ${f(e.runEnteredMs)}  (${e.runs}/${e.entryEvents})`);
    lines.push(`    accepted → run started       ${f(e.runStartedMs)}  (${e.started}/${e.entryEvents})`);
    lines.push(`    cores busy: API ${e.cores.api?.toFixed(2)}, Temporal ${e.cores.temporal?.toFixed(2)}, Postgres ${e.cores.postgres?.toFixed(2)}, bench ${e.cores.bench.toFixed(2)}; API peak RSS ${(e.apiPeakRssBytes / 1024 / 1024).toFixed(0)} MiB`);
    if (e.errors.length) lines.push(`    errors: ${e.errors.join(' | ')}`);
  }
  lines.push('', '  targets:', ...r.targets.map((t) => `    ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(42)} ${t.actual.padStart(18)}   target ${t.target}`), '');
  console.log(lines.join('\n'));
}

/** bench/.out/segments.json (gitignored); returns the path. */
export function writeResult(result: SegmentsBenchResult): string {
  const dir = path.join(__dirname, '..', '.out');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'segments.json');
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
