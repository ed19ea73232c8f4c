/**
 * bench/web: the production build of web/ served locally (`next start`, the API with its worker, the
 * Temporal dev server, Postgres), measured in headless Chromium — first load of the journeys page, a
 * 200-node journey panned and zoomed under a performance trace, and the segment estimate's round trip
 * while editing on the 1,000,000-user data set of bench/segments. Each against a baseline of the same
 * run: the sign-in page, an empty canvas, a trivial GraphQL query. See bench/RESULTS.md.
 *
 *   npm run bench:web                                     # everything
 *   npm run bench:web -- --phases=load,canvas --build=never --loads=3 --interact-seconds=3
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromiumPath, launchChromium, signInAs } from '@tideflow/test/browser';
import type { Browser } from 'playwright-core';
import { Client } from 'pg';
import { machine } from '../ingest/report';
import { createScratchDatabase } from '../ingest/scratchDatabase';
import { startTemporal } from '../segments/services';
import { addBenchEditor, benchEditor, firstWorkspaceId, removeBenchEditor } from './accounts';
import { canvasPhase } from './canvasPhase';
import { estimatePhase } from './estimatePhase';
import { firstLoadPhase } from './firstLoadPhase';
import { largeJourneyDefinition } from './journeyGraph';
import { benchOptions, type WebBenchOptions } from './options';
import { checkTargets, printReport, type WebBenchResult, writeResult } from './report';
import { ensureWebBuild, startStack, uncommittedDomain } from './stack';

const log = (message: string) => console.error(`[bench:web] ${message}`);
const outDir = path.join(__dirname, '..', '.out');
const taskQueue = 'tideflow-bench-web';

async function signedInState(browser: Browser, webUrl: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, webUrl, benchEditor.email, benchEditor.password);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function graphql(apiUrl: string, secretKey: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${apiUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The journeys page and the canvas, on a scratch database the API fills with its demo workspace. */
async function journeyPhases(browser: Browser, options: WebBenchOptions, temporalAddress: string, result: WebBenchResult) {
  const scratch = await createScratchDatabase('postgres', options.serverUrl, 'web');
  const databaseUrl = (scratch.config as { url: string }).url;
  try {
    log(`scratch database ${scratch.label}: starting the API (it creates the demo workspace) and next start…`);
    const stack = await startStack({ databaseUrl, temporalAddress, taskQueue });
    try {
      const workspaceId = await firstWorkspaceId(databaseUrl);
      const { secretKey } = await addBenchEditor(databaseUrl, workspaceId, { secretKey: true });
      const create = `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id problems { severity } } }`;
      const large = (await graphql(stack.apiUrl, secretKey!, create, { input: { name: `Large journey (${options.nodes} steps)`, draft: largeJourneyDefinition(options.nodes) } })).createJourney;
      const empty = (await graphql(stack.apiUrl, secretKey!, create, { input: { name: 'Empty journey' } })).createJourney;
      log(`  journeys: ${options.nodes} nodes ${large.id} (${large.problems.length} problems/warnings), empty ${empty.id}`);
      const storageState = await signedInState(browser, stack.webUrl);
      if (options.phases.includes('load')) {
        result.loadavg.load = os.loadavg();
        log(`first load: ${options.loads} cold loads of /journeys and /sign-in…`);
        result.firstLoad = await firstLoadPhase(browser, { webUrl: stack.webUrl, storageState, loads: options.loads }, log);
      }
      if (options.phases.includes('canvas')) {
        result.loadavg.canvas = os.loadavg();
        log(`canvas: ${options.interactSeconds} s pan + ${options.interactSeconds} s zoom, ${options.nodes} nodes and empty, 3 rounds…`);
        result.canvas = await canvasPhase(browser, { webUrl: stack.webUrl, storageState, largeJourneyId: large.id, emptyJourneyId: empty.id, nodes: options.nodes, seconds: options.interactSeconds, rounds: 3, outDir }, log);
      }
    } finally {
      await stack.stop();
    }
  } finally {
    await scratch.drop();
  }
}

/** The segment builder on bench/segments' data set, read only: the API only answers previews there. */
async function estimatePhaseOnDataset(browser: Browser, options: WebBenchOptions, temporalAddress: string, result: WebBenchResult) {
  const url = new URL(options.serverUrl);
  url.pathname = `/${options.segmentsDatabase}`;
  const databaseUrl = url.toString();
  const client = new Client({ connectionString: databaseUrl });
  let dataset: { workspace_id: string; users: number; events: string };
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT workspace_id, users, events FROM bench_segments_dataset WHERE complete`);
    if (!rows[0]) throw new Error('incomplete');
    dataset = rows[0];
    const inbox = await client.query(`SELECT (SELECT count(*) FROM "SegmentInbox")::int AS segments, (SELECT count(*) FROM "JourneyInbox")::int AS journeys`);
    if (inbox.rows[0].segments || inbox.rows[0].journeys) log(`  note: ${options.segmentsDatabase} has ${inbox.rows[0].segments} segment and ${inbox.rows[0].journeys} journey inbox rows left by bench:segments; the API's processors will drain them`);
  } catch (error) {
    throw new Error(`the estimate phase needs the data set of bench/segments in ${options.segmentsDatabase} (run \`npm run bench:segments -- --phases=preview\` once): ${(error as Error).message}`);
  } finally {
    await client.end();
  }
  // The editor exists before the API starts, so the API adds no demo admin of its own.
  await addBenchEditor(databaseUrl, dataset.workspace_id, { secretKey: false });
  try {
    log(`${options.segmentsDatabase} (${dataset.users.toLocaleString('en-US')} users): starting the API and next start…`);
    const stack = await startStack({ databaseUrl, temporalAddress, taskQueue });
    try {
      const storageState = await signedInState(browser, stack.webUrl);
      result.loadavg.estimate = os.loadavg();
      log(`estimate: ${options.edits} edits in /segments/new…`);
      const estimate = await estimatePhase(browser, { webUrl: stack.webUrl, apiUrl: stack.apiUrl, storageState, edits: options.edits, baselineQueries: options.baselineQueries }, log);
      result.estimate = { ...estimate, users: dataset.users, events: Number(dataset.events) };
    } finally {
      await stack.stop();
    }
  } finally {
    await removeBenchEditor(databaseUrl);
  }
}

async function main() {
  const options = benchOptions();
  const started = performance.now();
  const build = await ensureWebBuild(options.build, log);
  const temporal = await startTemporal();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const result: WebBenchResult = {
      date: new Date().toISOString(),
      machine: machine(),
      chromium: `Chromium ${browser.version()} (${chromiumPath()})`,
      options: { ...options, serverUrl: undefined } as never,
      build: { ...build, uncommittedDomain: uncommittedDomain() },
      loadavg: { start: os.loadavg() },
      firstLoad: null,
      canvas: null,
      estimate: null,
      targets: [],
    };
    if (options.phases.includes('load') || options.phases.includes('canvas')) await journeyPhases(browser, options, temporal.address, result);
    if (options.phases.includes('estimate')) await estimatePhaseOnDataset(browser, options, temporal.address, result);
    result.targets = checkTargets(result);
    printReport(result);
    log(`wrote ${writeResult(result)} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    await browser?.close();
    await temporal.stop();
  }
}

main().catch((error) => {
  console.error('[bench:web] failed:', error);
  process.exit(1);
});
