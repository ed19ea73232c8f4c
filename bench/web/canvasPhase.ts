import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type LatencySummary, summarize } from '../ingest/report';
import { panCircles, wheelZoom } from './canvasInput';
import { type FrameStats, framesBetween, traceCategories } from './frameTrace';
import { frameProbe, shownProbe } from './pageProbes';

export interface CanvasRun {
  /** Navigation start → the first node (or the empty pane) painted, ms. */
  renderMs: number;
  /** Nodes in the DOM once rendered (the canvas renders only the visible ones beyond 80). */
  nodesInDom: number;
  pan: FrameStats;
  zoom: FrameStats;
  /** Cross-check: requestAnimationFrame intervals over the whole interaction. */
  rafFps: number;
  rafFrameMs: LatencySummary;
  input: { sent: number; skipped: number };
}

export interface CanvasResult {
  nodes: number;
  interactSeconds: number;
  large: CanvasRun[];
  /** Baseline: the same builder with an empty journey, driven the same way. */
  empty: CanvasRun[];
  /** Worst of pan and zoom, median over rounds. */
  largeFps: number;
  largeP95FrameMs: number;
  emptyFps: number;
  emptyP95FrameMs: number;
  /** p95 frame time, large ÷ empty (1 = the nodes cost nothing). */
  frameTimeRatio: number;
  largeRenderMs: number;
  traceFile: string;
}

const viewport = { width: 1440, height: 900 };
const panRadius = 120;

/** A point of the canvas where a press lands on the empty pane (so a drag pans, not moves a node). */
async function panePoint(page: Page, radius: number): Promise<{ x: number; y: number }> {
  // A string, not a function: tsx's name helpers do not exist in the page.
  const found = (await page.evaluate(`(() => {
    const r = ${radius};
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return { point: null, why: 'no .react-flow__pane' };
    const box = pane.getBoundingClientRect();
    const blocked = '.react-flow__node, .react-flow__edge, .react-flow__minimap, .react-flow__controls, .react-flow__panel';
    const free = (x, y) => {
      const element = document.elementFromPoint(x, y);
      return !!element && !!element.closest('.react-flow__pane') && !element.closest(blocked);
    };
    // The drag circles below and around its start: keep the whole circle on the canvas.
    for (let y = box.top + 10; y <= box.bottom - 2 * r - 10; y += 10) {
      for (let x = box.left + r + 10; x <= box.right - r - 10; x += 10) if (free(x, y)) return { point: { x: Math.round(x), y: Math.round(y) }, why: '' };
    }
    const centre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { point: null, why: 'pane ' + Math.round(box.width) + 'x' + Math.round(box.height) + '; centre is ' + (centre && centre.outerHTML.slice(0, 120)) };
  })()`)) as { point: { x: number; y: number } | null; why: string };
  if (!found.point) throw new Error(`no empty spot of the canvas to start a pan from: ${found.why}`);
  return found.point;
}

export async function canvasRun(browser: Browser, url: string, storageState: BrowserContextOptions['storageState'], seconds: number, traceFile: string | null, extraCss?: string): Promise<CanvasRun> {
  const context = await browser.newContext({ viewport, storageState });
  try {
    const page = await context.newPage();
    await page.addInitScript(shownProbe('.react-flow__node, .react-flow__pane'));
    await page.addInitScript(frameProbe);
    await page.goto(url);
    await page.locator('[aria-label="Journey canvas"]').waitFor();
    await page.waitForFunction(() => (window as any).__benchShown !== null);
    if (extraCss) await page.addStyleTag({ content: extraCss });
    // Let the builder settle (fit view, first queries, problems) before measuring.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1_000);
    const renderMs = await page.evaluate(() => (window as any).__benchShown as number);
    const nodesInDom = await page.locator('.react-flow__node').count();
    const start = await panePoint(page, panRadius);
    const box = (await page.locator('.react-flow__pane').boundingBox())!;
    const centre = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };

    const cdp = await context.newCDPSession(page);
    // BENCH_CPU_PROFILE=1: a JS CPU profile of the kept run, too (skews that run's figures; for finding hot code).
    const profile = traceFile && process.env.BENCH_CPU_PROFILE === '1';
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    await browser.startTracing(page, { categories: traceCategories });
    await page.evaluate(() => {
      (window as any).__benchStartFrames();
      performance.mark('bench-pan-start');
    });
    const pan = await panCircles(cdp, start, seconds, panRadius);
    await page.evaluate(() => performance.mark('bench-pan-end'));
    await page.waitForTimeout(300);
    await page.evaluate(() => performance.mark('bench-zoom-start'));
    const zoom = await wheelZoom(cdp, centre, seconds);
    await page.evaluate(() => performance.mark('bench-zoom-end'));
    const raf = await page.evaluate(() => (window as any).__benchStopFrames() as number[]);
    const trace = await browser.stopTracing();
    if (traceFile) writeFileSync(traceFile, trace);
    if (profile) writeFileSync(traceFile!.replace(/\.json$/, '.cpuprofile'), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    const rafIntervals = raf.slice(1).map((t, i) => t - raf[i]!);
    return {
      renderMs,
      nodesInDom,
      pan: framesBetween(trace, 'bench-pan-start', 'bench-pan-end'),
      zoom: framesBetween(trace, 'bench-zoom-start', 'bench-zoom-end'),
      rafFps: raf.length > 1 ? (raf.length - 1) / ((raf[raf.length - 1]! - raf[0]!) / 1000) : 0,
      rafFrameMs: summarize(rafIntervals),
      input: { sent: pan.sent + zoom.sent, skipped: pan.skipped + zoom.skipped },
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Opens the journey builder on the large journey and on an empty one, alternately, `rounds` times; in each,
 * pans (a drag circling on the pane) for `seconds`, then zooms (wheel notches in and out) for `seconds`,
 * under a Chromium performance trace; frames come from the trace's DrawFrame events.
 */
export async function canvasPhase(
  browser: Browser,
  options: { webUrl: string; storageState: BrowserContextOptions['storageState']; largeJourneyId: string; emptyJourneyId: string; nodes: number; seconds: number; rounds: number; outDir: string },
  log: (message: string) => void,
): Promise<CanvasResult> {
  mkdirSync(options.outDir, { recursive: true });
  const traceFile = path.join(options.outDir, 'web-canvas-trace.json');
  const large: CanvasRun[] = [];
  const empty: CanvasRun[] = [];
  const describe = (run: CanvasRun) =>
    `render ${run.renderMs.toFixed(0)} ms, ${run.nodesInDom} nodes in DOM; pan ${run.pan.fps.toFixed(1)} fps (p95 ${run.pan.frameMs.p95.toFixed(1)} ms, ${run.pan.dropped} dropped), zoom ${run.zoom.fps.toFixed(1)} fps (p95 ${run.zoom.frameMs.p95.toFixed(1)} ms); rAF ${run.rafFps.toFixed(1)} fps; main thread ${run.pan.mainThreadBusyMsPerS.toFixed(0)}/${run.zoom.mainThreadBusyMsPerS.toFixed(0)} ms/s`;
  for (let round = 0; round < options.rounds; round++) {
    const e = await canvasRun(browser, `${options.webUrl}/journeys/${options.emptyJourneyId}`, options.storageState, options.seconds, null);
    empty.push(e);
    log(`  empty   ${describe(e)}`);
    // The last round's trace of the large journey is kept (open it in DevTools → Performance).
    // BENCH_EXTRA_CSS: a style sheet added to the large journey's page, to try a CSS change without a build.
    const l = await canvasRun(browser, `${options.webUrl}/journeys/${options.largeJourneyId}`, options.storageState, options.seconds, round === options.rounds - 1 ? traceFile : null, process.env.BENCH_EXTRA_CSS);
    large.push(l);
    log(`  ${options.nodes} nodes ${describe(l)}`);
  }
  const worstFps = (run: CanvasRun) => Math.min(run.pan.fps, run.zoom.fps);
  const worstP95 = (run: CanvasRun) => Math.max(run.pan.frameMs.p95, run.zoom.frameMs.p95);
  const largeP95FrameMs = median(large.map(worstP95));
  const emptyP95FrameMs = median(empty.map(worstP95));
  return {
    nodes: options.nodes,
    interactSeconds: options.seconds,
    large,
    empty,
    largeFps: median(large.map(worstFps)),
    largeP95FrameMs,
    emptyFps: median(empty.map(worstFps)),
    emptyP95FrameMs,
    frameTimeRatio: largeP95FrameMs / emptyP95FrameMs,
    largeRenderMs: median(large.map((r) => r.renderMs)),
    traceFile,
  };
}
