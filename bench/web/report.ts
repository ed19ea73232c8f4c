import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { machine } from '../ingest/report';
import type { CanvasResult } from './canvasPhase';
import type { EstimateResult } from './estimatePhase';
import type { FirstLoadResult } from './firstLoadPhase';
import type { WebBenchOptions } from './options';

export interface Target {
  name: string;
  target: string;
  actual: string;
  /** Against the baseline measured in the same run. */
  ratio: string;
  pass: boolean;
}

export interface WebBenchResult {
  date: string;
  machine: ReturnType<typeof machine>;
  chromium: string;
  options: Omit<WebBenchOptions, 'serverUrl'>;
  build: { built: boolean; seconds: number; commit: string; uncommittedDomain: string[] };
  loadavg: Record<string, number[]>;
  firstLoad: FirstLoadResult | null;
  canvas: CanvasResult | null;
  estimate: (EstimateResult & { users: number; events: number }) | null;
  targets: Target[];
}

const ms = (n: number) => (n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);

export function checkTargets(r: Pick<WebBenchResult, 'firstLoad' | 'canvas' | 'estimate'>): Target[] {
  const targets: Target[] = [];
  if (r.firstLoad) {
    const j = r.firstLoad.journeys.shownMs;
    targets.push({ name: 'journeys page, first load (median; max)', target: '< 2000 ms', actual: `${ms(j.p50)}; ${ms(j.max)}`, ratio: `${r.firstLoad.ratio.toFixed(2)}x sign-in page (${ms(r.firstLoad.signIn.shownMs.p50)})`, pass: j.p50 < 2000 });
  }
  if (r.canvas) {
    const c = r.canvas;
    targets.push({ name: `${c.nodes}-node journey, pan / zoom (worst of the two)`, target: '>= 50 fps', actual: `${c.largeFps.toFixed(1)} fps, p95 frame ${ms(c.largeP95FrameMs)}`, ratio: `p95 frame ${c.frameTimeRatio.toFixed(2)}x empty canvas (${c.emptyFps.toFixed(1)} fps, ${ms(c.emptyP95FrameMs)})`, pass: c.largeFps >= 50 });
  }
  if (r.estimate) {
    const e = r.estimate;
    targets.push({ name: 'segment estimate round trip while editing (p95; request sent → estimate shown)', target: '< 500 ms', actual: `${ms(e.roundTripMs.p95)} (median ${ms(e.roundTripMs.p50)})`, ratio: `${e.ratio.toFixed(1)}x trivial query (${ms(e.trivialMs.p50)})`, pass: e.roundTripMs.p95 < 500 });
  }
  return targets;
}

export function printReport(r: WebBenchResult): void {
  const lines = ['', `bench/web: production build in headless ${r.chromium}; ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryMiB} MiB, Node ${r.machine.node}`, ''];
  if (r.firstLoad) {
    const f = r.firstLoad;
    lines.push(`first load (${f.journeys.loads.length} cold loads each, fresh context): /journeys shown median ${ms(f.journeys.shownMs.p50)} (max ${ms(f.journeys.shownMs.max)}), /sign-in ${ms(f.signIn.shownMs.p50)} (max ${ms(f.signIn.shownMs.max)}) → ratio ${f.ratio.toFixed(2)}x`);
  }
  if (r.canvas) {
    const c = r.canvas;
    lines.push(`canvas (${c.interactSeconds} s pan + ${c.interactSeconds} s zoom, ${c.large.length} rounds): ${c.nodes} nodes ${c.largeFps.toFixed(1)} fps, p95 frame ${ms(c.largeP95FrameMs)}, render ${ms(c.largeRenderMs)}; empty ${c.emptyFps.toFixed(1)} fps, p95 ${ms(c.emptyP95FrameMs)} → ratio ${c.frameTimeRatio.toFixed(2)}x (trace: ${path.relative(process.cwd(), c.traceFile)})`);
  }
  if (r.estimate) {
    const e = r.estimate;
    lines.push(`estimate (${e.edits.length} edits, ${e.users.toLocaleString('en-US')} users / ${e.events.toLocaleString('en-US')} events): round trip median ${ms(e.roundTripMs.p50)}, p95 ${ms(e.roundTripMs.p95)}; request ${ms(e.requestMs.p50)}, API alone ${ms(e.apiMs.p50)}; edit → shown ${ms(e.editToShownMs.p50)} (debounce ~${ms(e.debounceMs)}); trivial query ${ms(e.trivialMs.p50)} (API alone ${ms(e.trivialApiMs.p50)}) → ratio ${e.ratio.toFixed(1)}x`);
  }
  lines.push('', 'targets:');
  for (const t of r.targets) lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.actual} (target ${t.target}); ${t.ratio}`);
  console.log(lines.join('\n'));
}

export function writeResult(r: WebBenchResult): string {
  const dir = path.join(__dirname, '..', '.out');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'web.json');
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
