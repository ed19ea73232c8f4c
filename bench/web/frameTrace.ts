import { type LatencySummary, summarize } from '../ingest/report';

/** A Chromium trace event (Trace Event Format), as `browser.stopTracing()` returns them. */
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  args?: Record<string, any>;
}

/** BENCH_TRACE_INVALIDATIONS=1 adds what invalidated style, layout and paint (heavier trace; for finding what a frame redoes). */
export const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', ...(process.env.BENCH_TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])];

export interface FrameStats {
  /** Frames drawn in the window, per second. */
  fps: number;
  frames: number;
  windowMs: number;
  /** Time between one drawn frame and the next, ms. */
  frameMs: LatencySummary;
  /** Frames Chromium reports as dropped in the window. */
  dropped: number;
  /** Main-thread work of the page's renderer in the window, ms per second (tasks longer than 50 ms counted too). */
  mainThreadBusyMsPerS: number;
  longTasks: number;
}

/** Marks the page set with performance.mark(name), by trace time (µs). */
function markTimes(events: TraceEvent[]): Map<string, number> {
  const marks = new Map<string, number>();
  for (const e of events) if (e.cat.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')) marks.set(e.name, e.ts);
  return marks;
}

/** The renderer process of the traced page: the one whose main thread ran the user-timing marks. */
function rendererOf(events: TraceEvent[], mark: string): { pid: number; tid: number } {
  const found = events.find((e) => e.name === mark && e.cat.includes('blink.user_timing'));
  if (!found) throw new Error(`the trace has no mark "${mark}": was blink.user_timing traced?`);
  return { pid: found.pid, tid: found.tid };
}

/**
 * Frame statistics between two marks: the compositor's DrawFrame events of the page's renderer
 * (a frame put on screen), their intervals, DroppedFrame events, and the main thread's busy time
 * (top-level RunTask events).
 */
export function framesBetween(traceJson: Buffer | string, startMark: string, endMark: string): FrameStats {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marks = markTimes(events);
  const start = marks.get(startMark);
  const end = marks.get(endMark);
  if (start === undefined || end === undefined) throw new Error(`the trace lacks the marks ${startMark} / ${endMark} (found ${[...marks.keys()].join(', ') || 'none'})`);
  const renderer = rendererOf(events, startMark);
  const inWindow = (e: TraceEvent) => e.pid === renderer.pid && e.ts >= start && e.ts <= end;
  const draws = events.filter((e) => e.name === 'DrawFrame' && inWindow(e)).map((e) => e.ts).sort((a, b) => a - b);
  const intervals = draws.slice(1).map((ts, i) => (ts - draws[i]!) / 1000);
  const dropped = events.filter((e) => e.name === 'DroppedFrame' && inWindow(e)).length;
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tid === renderer.tid && inWindow(e));
  const busyUs = tasks.reduce((sum, e) => sum + ((e as TraceEvent & { dur?: number }).dur ?? 0), 0);
  const windowMs = (end - start) / 1000;
  return {
    fps: draws.length / (windowMs / 1000),
    frames: draws.length,
    windowMs,
    frameMs: summarize(intervals),
    dropped,
    mainThreadBusyMsPerS: busyUs / 1000 / (windowMs / 1000),
    longTasks: tasks.filter((e) => ((e as TraceEvent & { dur?: number }).dur ?? 0) > 50_000).length,
  };
}

/** Event names and counts in the trace (to see what a Chromium version records). */
export function traceEventCounts(traceJson: Buffer | string): Record<string, number> {
  const parsed = JSON.parse(traceJson.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.name] = (counts[e.name] ?? 0) + 1;
  return counts;
}
