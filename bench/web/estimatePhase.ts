import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { type LatencySummary, summarize } from '../ingest/report';
import { editProbe } from './pageProbes';

/** One edit in the segment builder, timed by the page's clock. */
export interface EditTiming {
  edit: string;
  /** The estimate it got ("12,345 users (estimate)"). */
  estimate: string;
  /** The user's input → the new estimate painted (includes the builder's 300 ms debounce). */
  editToShownMs: number;
  /** The previewSegment request sent → the new estimate painted: the round trip the target is about. */
  roundTripMs: number;
  /** The request alone, as the page's fetch saw it (browser → Next proxy → API → back). */
  requestMs: number;
  /** The same request replayed straight to the API (no browser, no proxy), ms. */
  apiMs: number;
}

export interface EstimateResult {
  edits: EditTiming[];
  roundTripMs: LatencySummary;
  editToShownMs: LatencySummary;
  requestMs: LatencySummary;
  apiMs: LatencySummary;
  /** Baseline: `{ __typename }` posted the same way by the page (browser → Next proxy → API), ms. */
  trivialMs: LatencySummary;
  /** …and straight to the API. */
  trivialApiMs: LatencySummary;
  /** Median round trip ÷ median trivial round trip (both through the browser and the proxy). */
  ratio: number;
  debounceMs: number;
}

interface Log {
  edits: number[];
  requests: Array<{ operation: string | null; body: string | null; start: number; end: number | null; status: number | string | null }>;
  states: Array<{ state: string; text: string; at: number; shown: number }>;
}

const readLog = (page: Page) => page.evaluate(() => (window as unknown as { __benchLog: Log }).__benchLog);
const condition = (page: Page, label: string): Locator => page.getByRole('group', { name: `Condition ${label}`, exact: true });

/** The edits, as a marketer makes them on the bench/segments data set; each settles into one estimate. */
function edits(page: Page): Array<{ name: string; run: () => Promise<unknown> }> {
  const root = page.getByRole('group', { name: 'All conditions: match' });
  return [
    { name: 'add an attribute condition', run: () => page.getByRole('button', { name: 'Add condition', exact: true }).click() },
    { name: 'attribute → plan', run: () => condition(page, '1').getByLabel('Attribute', { exact: true }).selectOption('plan') },
    {
      name: 'plan equals "pro"',
      run: async () => {
        // "equals" without a value is a problem (nothing is asked) until the value is typed.
        await condition(page, '1').getByLabel('Operator').selectOption('equals');
        await page.locator('[data-testid="segment-estimate"][data-state="invalid"]').waitFor();
        await condition(page, '1').getByLabel('Value').fill('pro');
      },
    },
    {
      name: 'add a behaviour condition',
      run: async () => {
        await page.getByLabel('Condition type for All conditions').selectOption('behaviour');
        await page.getByRole('button', { name: 'Add condition', exact: true }).click();
      },
    },
    { name: 'event → Order Completed', run: () => condition(page, '2').getByLabel('Event').selectOption('event:Order Completed') },
    { name: 'at least 3 times', run: () => condition(page, '2').getByLabel('Times').fill('3') },
    { name: 'match any (OR)', run: () => root.getByRole('button', { name: 'Any (OR)' }).click() },
    { name: 'match all (AND)', run: () => root.getByRole('button', { name: 'All (AND)' }).click() },
    { name: 'plan equals "enterprise"', run: () => condition(page, '1').getByLabel('Value').fill('enterprise') },
    { name: 'NOT the behaviour', run: () => page.getByRole('group', { name: 'All conditions', exact: true }).getByRole('button', { name: 'NOT', exact: true }).first().click() },
  ];
}

async function timedPosts(count: number, post: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await post();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * /segments/new on the 1M-user data set: each edit, then the estimate that answers it. The trivial
 * baseline is posted from the same page through the same proxy, and both are replayed straight to the
 * API with the same session cookie, for the API's own time.
 */
export async function estimatePhase(
  browser: Browser,
  options: { webUrl: string; apiUrl: string; storageState: BrowserContextOptions['storageState']; edits: number; baselineQueries: number },
  log: (message: string) => void,
): Promise<EstimateResult> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState: options.storageState });
  try {
    const page = await context.newPage();
    await page.addInitScript(editProbe);
    await page.goto(`${options.webUrl}/segments/new`);
    await page.getByLabel('Name', { exact: true }).fill('Bench: editing');
    // The empty definition (everyone) is estimated first; edits start once it is shown.
    await page.locator('[data-testid="segment-estimate"][data-state="ready"]').waitFor({ timeout: 60_000 });
    log(`  everyone: ${await page.locator('[data-testid="segment-estimate"]').textContent()}`);
    const timings: EditTiming[] = [];
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const postToApi = async (body: string) => {
      const response = await fetch(`${options.apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const json = (await response.json()) as { errors?: unknown[] };
      if (json.errors) throw new Error(`the API answered with errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
    };

    for (const edit of edits(page).slice(0, options.edits)) {
      const before = await readLog(page);
      await page.waitForTimeout(400);
      const from = performance.now();
      await edit.run();
      // The answer to this edit: a PreviewSegment request sent after it, finished, and a "ready" state painted after that.
      const handle = await page.waitForFunction(
        ({ requests, states }) => {
          const logNow = (window as unknown as { __benchLog: Log }).__benchLog;
          const request = logNow.requests.slice(requests).reverse().find((r) => r.operation === 'PreviewSegment' && r.end !== null);
          if (!request) return null;
          const shown = logNow.states.slice(states).find((s) => s.state === 'ready' && s.at >= request.end!);
          // A later request (a second settled edit) would supersede this one.
          const later = logNow.requests.slice(requests).some((r) => r.operation === 'PreviewSegment' && r.start > request.start && r.end === null);
          return shown && !later ? { request, shown, edit: Math.max(...logNow.edits.filter((t) => t <= request.start)) } : null;
        },
        { requests: before.requests.length, states: before.states.length },
        { timeout: 60_000, polling: 50 },
      );
      const found = (await handle.jsonValue()) as { request: Log['requests'][number]; shown: Log['states'][number]; edit: number };
      const apiStarted = performance.now();
      await postToApi(found.request.body!);
      const timing: EditTiming = {
        edit: edit.name,
        estimate: found.shown.text,
        editToShownMs: found.shown.shown - found.edit,
        roundTripMs: found.shown.shown - found.request.start,
        requestMs: found.request.end! - found.request.start,
        apiMs: performance.now() - apiStarted,
      };
      timings.push(timing);
      log(`  ${edit.name.padEnd(26)} → ${timing.estimate.padEnd(32)} round trip ${timing.roundTripMs.toFixed(0)} ms (request ${timing.requestMs.toFixed(0)}, API alone ${timing.apiMs.toFixed(0)}; edit → shown ${timing.editToShownMs.toFixed(0)} ms) [${((performance.now() - from) / 1000).toFixed(1)} s]`);
    }

    // Baseline: the trivial query from the same page through the same proxy, then straight to the API.
    const trivial = JSON.stringify({ operationName: 'BenchTrivial', query: 'query BenchTrivial { __typename }', variables: {} });
    const trivialMs = await page.evaluate(
      async ({ body, count }) => {
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          const started = performance.now();
          const response = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' }, body });
          const json = await response.json();
          if (json.errors) throw new Error(JSON.stringify(json.errors));
          times.push(performance.now() - started);
        }
        return times;
      },
      { body: trivial, count: options.baselineQueries },
    );
    const trivialApiMs = await timedPosts(options.baselineQueries, () => postToApi(trivial));
    const debounceMs = summarize(timings.map((t) => t.editToShownMs - t.roundTripMs)).p50;
    const result: EstimateResult = {
      edits: timings,
      roundTripMs: summarize(timings.map((t) => t.roundTripMs)),
      editToShownMs: summarize(timings.map((t) => t.editToShownMs)),
      requestMs: summarize(timings.map((t) => t.requestMs)),
      apiMs: summarize(timings.map((t) => t.apiMs)),
      trivialMs: summarize(trivialMs),
      trivialApiMs: summarize(trivialApiMs),
      ratio: 0,
      debounceMs,
    };
    result.ratio = result.roundTripMs.p50 / result.trivialMs.p50;
    return result;
  } finally {
    await context.close();
  }
}
