import { addMember } from '@tideflow/api';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../support';
import { artifactPath, launchChromium } from '../support/browser/chromium';
import { signInAs } from '../support/browser/signIn';
import { type RunningWebApp, startWebApp } from '../support/browser/webApp';

/**
 * The journey canvas's paths for large journeys, through the production build. A large journey
 * moved by the marketer is drawn as a sketch on one <canvas> (useMovingViewSketch): while a drag
 * pan or a wheel zoom runs, the sketch shows every step and connection and the steps' own elements
 * are hidden; when the gesture ends the elements are back, where the sketch had them, and take
 * clicks. A small journey keeps its elements throughout. A selected connection's remove button
 * (given to every edge by the canvas, not through a per-edge store subscription) removes it, and
 * undo brings it back.
 */

let api: TestApi;
let web: RunningWebApp;
let browser: Browser;
let largeJourneyId: string;
let smallJourneyId: string;
const editor = { email: 'sketch-editor@example.com', password: 'an editor password' };

/** A trigger, then a chain of waits in rows of ten, then an end: `count` steps in all. */
function chainedJourney(count: number) {
  const nodes = Array.from({ length: count }, (_, index) => {
    const position = { x: (index % 10) * 320, y: Math.floor(index / 10) * 160 };
    if (index === 0) return { id: 'trigger', type: 'eventTrigger', label: 'Trial started', position, settings: { eventName: 'Trial Started', filters: [] } };
    if (index === count - 1) return { id: 'end', type: 'end', position, settings: {} };
    return { id: `wait${index}`, type: 'wait', label: `Wait ${index}`, position, settings: { duration: { amount: 1, unit: 'hours' } } };
  });
  const edges = nodes.slice(1).map((node, index) => ({ source: nodes[index]!.id, sourceHandle: 'next', target: node.id }));
  return { nodes, edges, entryRules: { reEntry: { mode: 'never' } } };
}

beforeAll(async () => {
  api = await startTestApi();
  const workspace = await api.createTestWorkspace('browser-canvas-sketch');
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: editor.email, name: 'Eddie', password: editor.password, role: 'EDITOR' });
  const create = `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`;
  const large = await api.graphql(workspace.secretKey, create, { input: { name: 'A hundred steps', draft: chainedJourney(100) } });
  const small = await api.graphql(workspace.secretKey, create, { input: { name: 'Twelve steps', draft: chainedJourney(12) } });
  expect(large.body.errors).toBeUndefined();
  expect(small.body.errors).toBeUndefined();
  largeJourneyId = large.body.data.createJourney.id;
  smallJourneyId = small.body.data.createJourney.id;
  [web, browser] = await Promise.all([startWebApp({ apiUrl: api.baseUrl }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

/** Opens the builder on a journey, every step measured, and starts recording whether the sketch was ever shown. */
async function openCanvas(page: Page, journeyId: string, steps: number) {
  await signInAs(page, web.url, editor.email, editor.password, `/journeys/${journeyId}`);
  await page.waitForFunction((count) => document.querySelectorAll('.react-flow__node[data-id]').length === count && !document.querySelector('.react-flow__node[style*="visibility: hidden"]'), steps);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    const root = document.querySelector('.react-flow')!.parentElement!;
    (window as any).__sketchShown = false;
    new MutationObserver(() => {
      if (root.hasAttribute('data-sketch')) (window as any).__sketchShown = true;
    }).observe(root, { attributes: true });
  });
}

/** A point of the pane no step or edge covers (a press there pans instead of dragging a step). */
async function emptyPanePoint(page: Page) {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 40; y < pane.bottom - 40; y += 17)
      for (let x = pane.left + 40; x < pane.right - 240; x += 23) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  });
  if (!point) throw new Error('no empty spot of the pane');
  return point;
}

/** How many of the sketch canvas's pixels are drawn, and what the steps' elements and the sketch look like now. */
const sketchState = (page: Page) =>
  page.evaluate(() => {
    const sketch = document.querySelector('.react-flow canvas') as HTMLCanvasElement;
    const ctx = sketch.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, sketch.width, sketch.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
    const root = document.querySelector('.react-flow')!.parentElement!;
    return {
      // The view has moved in this gesture (so a sketch would be due now if the journey is large).
      moved: root.hasAttribute('data-moved'),
      attribute: root.hasAttribute('data-sketch'),
      sketchVisibility: getComputedStyle(sketch).visibility,
      // The dotted background: drawn by the sketch meanwhile.
      backgroundVisibility: getComputedStyle(document.querySelector('.react-flow__background')!).visibility,
      // Every step, edge and label: hidden while the sketch shows, all visible otherwise.
      stepsVisibility: [...new Set([...document.querySelectorAll('.react-flow__viewport, .react-flow__node, .react-flow__edge')].map((element) => getComputedStyle(element).visibility))].join(),
      drawnShare: drawn / (sketch.width * sketch.height),
    };
  });

it('draws a moving 100-step journey on one canvas, then shows its steps again where they were, taking clicks', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openCanvas(page, largeJourneyId, 100);
  const viewport = () => page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);

  // Close enough to read the cards (zoom buttons: the canvas's own moves, no sketch).
  for (let click = 0; click < 9; click++) {
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForFunction(() => !document.querySelector('[data-moving]'));
  }
  await expect(page.evaluate(() => (window as any).__sketchShown)).resolves.toBe(false);

  // A drag pan, held: the sketch is drawn and the steps' elements are hidden.
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 30, { steps: 6 });
  const panning = await sketchState(page);
  expect(panning).toMatchObject({ moved: true, attribute: true, sketchVisibility: 'visible', stepsVisibility: 'hidden', backgroundVisibility: 'hidden' });
  expect(panning.drawnShare).toBeGreaterThan(0.05);
  await page.screenshot({ path: artifactPath('journey-sketch-panning.png') });
  // The sketch's dots sit where React Flow's pattern (hidden meanwhile, still kept current) puts them.
  const dots = await page.evaluate(() => {
    const pattern = document.querySelector('.react-flow__background pattern')!;
    const x = Number(pattern.getAttribute('x'));
    const y = Number(pattern.getAttribute('y'));
    const gap = Number(pattern.getAttribute('width'));
    const radius = Number(pattern.querySelector('circle')!.getAttribute('r'));
    const sketch = document.querySelector('.react-flow canvas') as HTMLCanvasElement;
    const ctx = sketch.getContext('2d')!;
    const alpha = (px: number, py: number) => ctx.getImageData(Math.floor(px), Math.floor(py), 1, 1).data[3]!;
    // A dot well inside the canvas (not under a card: sample several and keep the clear ones).
    const samples: Array<{ dot: number; between: number }> = [];
    for (let k = 2; k < 40 && samples.length < 12; k++) {
      const cx = x - gap / 2 + radius + k * gap;
      const cy = y - gap / 2 + radius + 2 * gap;
      samples.push({ dot: alpha(cx, cy), between: alpha(cx + gap / 2, cy + gap / 2) });
    }
    return { gap, samples };
  });
  // Cards and edges cover some spots; the open ones show a dot at each centre and none between.
  const open = dots.samples.filter((sample) => sample.between === 0);
  expect(open.length).toBeGreaterThan(2);
  for (const sample of open) expect(sample.dot).toBeGreaterThan(0);
  const panned = await viewport();
  await page.mouse.up();
  // The release reaches the page's handlers after the input is acknowledged.
  await page.waitForFunction(() => !document.querySelector('[data-moving]'));
  const after = await sketchState(page);
  expect(after).toMatchObject({ attribute: false, sketchVisibility: 'hidden', stepsVisibility: 'visible', backgroundVisibility: 'visible', drawnShare: 0 });
  expect(await viewport()).toBe(panned);
  await page.screenshot({ path: artifactPath('journey-sketch-after-pan.png') });

  // A wheel zoom shows it too, and ends with the elements back.
  await page.evaluate(() => ((window as any).__sketchShown = false));
  const centre = await emptyPanePoint(page);
  await page.mouse.move(centre.x, centre.y);
  for (let notch = 0; notch < 4; notch++) await page.mouse.wheel(0, -120);
  await page.waitForFunction(() => !document.querySelector('[data-moving], [data-sketch]'));
  await expect(page.evaluate(() => (window as any).__sketchShown)).resolves.toBe(true);
  await expect(sketchState(page)).resolves.toMatchObject({ stepsVisibility: 'visible', drawnShare: 0 });

  // The steps take clicks again: one opens in the side panel.
  await page.locator('.react-flow__controls-fitview').click();
  await page.locator('.react-flow__node[data-id="wait11"] [data-node-id]').click();
  await page.getByRole('complementary', { name: 'Details' }).getByText('wait11', { exact: true }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});

it('keeps the steps of a small journey as they are while the view moves', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openCanvas(page, smallJourneyId, 12);
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 30, { steps: 6 });
  await expect(sketchState(page)).resolves.toMatchObject({ moved: true, attribute: false, stepsVisibility: 'visible', drawnShare: 0 });
  await page.mouse.up();
  await expect(page.evaluate(() => (window as any).__sketchShown)).resolves.toBe(false);
  await page.close();
});

it('removes a selected connection with its button, and undo brings it back', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openCanvas(page, smallJourneyId, 12);
  const edge = page.locator('.react-flow__edge[data-id="wait1:next->wait2"]');
  // A thin path that Playwright's visibility checks do not reliably see: click the point halfway along it.
  const middle = await edge.locator('path.react-flow__edge-interaction').evaluate((path) => {
    const shape = path as SVGPathElement;
    const point = shape.getPointAtLength(shape.getTotalLength() / 2).matrixTransform(shape.getScreenCTM()!);
    return { x: point.x, y: point.y };
  });
  await page.mouse.click(middle.x, middle.y);
  await page.getByRole('button', { name: 'Remove this connection' }).click();
  await edge.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Undo/ }).click();
  await edge.waitFor({ state: 'attached' });
  await page.close();
});
