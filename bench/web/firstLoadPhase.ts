import type { Browser, BrowserContextOptions } from 'playwright-core';
import { type LatencySummary, summarize } from '../ingest/report';
import { shownProbe } from './pageProbes';

/** One cold load: a fresh browser context (empty cache), timed by the page's own clock from navigation start. */
export interface LoadTiming {
  /** The page's content is on screen: the selector matched, at the frame that painted it. */
  shownMs: number;
  firstContentfulPaintMs: number | null;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** Bytes over the wire (document and every resource), KiB. */
  transferKiB: number;
  requests: number;
}

export interface PageLoads {
  page: string;
  path: string;
  /** What "shown" waits for. */
  shownWhen: string;
  loads: LoadTiming[];
  shownMs: LatencySummary;
}

export interface FirstLoadResult {
  journeys: PageLoads;
  /** Baseline: the sign-in page of the same build (no data, no session), loaded the same way. */
  signIn: PageLoads;
  /** Median shown time, journeys ÷ sign-in. */
  ratio: number;
}

const viewport = { width: 1440, height: 900 };

async function coldLoad(browser: Browser, url: string, selector: string, state: BrowserContextOptions['storageState']): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport, storageState: state });
  try {
    const page = await context.newPage();
    await page.addInitScript(shownProbe(selector));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __benchShown: number | null }).__benchShown !== null, null, { timeout: 30_000 });
    // Late resources (prefetches the page starts once shown) belong to the load too.
    await page.waitForLoadState('networkidle');
    return await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        shownMs: (window as unknown as { __benchShown: number }).__benchShown,
        firstContentfulPaintMs: paint ? paint.startTime : null,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        loadEventMs: navigation.loadEventEnd,
        transferKiB: (navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0)) / 1024,
        requests: 1 + resources.length,
      };
    });
  } finally {
    await context.close();
  }
}

/**
 * The journeys list, signed in, against the sign-in page, each loaded cold `loads` times, alternating
 * (so both see the same machine); one unmeasured load of each first warms the Next server.
 */
export async function firstLoadPhase(browser: Browser, options: { webUrl: string; storageState: BrowserContextOptions['storageState']; loads: number }, log: (message: string) => void): Promise<FirstLoadResult> {
  const pages = {
    journeys: { page: 'journeys list (signed in)', path: '/journeys', shownWhen: 'the list of journeys, with its rows', selector: 'section[aria-label="Journeys"] table tbody a[href^="/journeys/"]', state: options.storageState },
    signIn: { page: 'sign-in page', path: '/sign-in', shownWhen: 'the sign-in form', selector: 'form button[type="submit"]', state: undefined },
  };
  const loads: Record<keyof typeof pages, LoadTiming[]> = { journeys: [], signIn: [] };
  for (let round = -1; round < options.loads; round++) {
    for (const key of ['signIn', 'journeys'] as const) {
      const p = pages[key];
      const timing = await coldLoad(browser, `${options.webUrl}${p.path}`, p.selector, p.state);
      if (round < 0) continue;
      loads[key].push(timing);
      log(`  ${p.path.padEnd(9)} shown ${timing.shownMs.toFixed(0)} ms (FCP ${timing.firstContentfulPaintMs?.toFixed(0) ?? '—'} ms, load ${timing.loadEventMs.toFixed(0)} ms, ${timing.requests} requests, ${timing.transferKiB.toFixed(0)} KiB)`);
    }
  }
  const result = (key: keyof typeof pages): PageLoads => ({ page: pages[key].page, path: pages[key].path, shownWhen: pages[key].shownWhen, loads: loads[key], shownMs: summarize(loads[key].map((l) => l.shownMs)) });
  const journeys = result('journeys');
  const signIn = result('signIn');
  return { journeys, signIn, ratio: journeys.shownMs.p50 / signIn.shownMs.p50 };
}
