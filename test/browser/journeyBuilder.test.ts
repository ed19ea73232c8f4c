import { addMember } from '@tideflow/api';
import type { Browser, Locator, Page } from 'playwright-core';
import { type JourneyTestEnvironment, type SmtpSink, startJourneyTestEnvironment, startSmtpSink } from '../support';
import { artifactPath, launchChromium } from '../support/browser/chromium';
import { signInAs } from '../support/browser/signIn';
import { type RunningWebApp, startWebApp } from '../support/browser/webApp';

/**
 * The journey builder as a marketer uses it, through every real part: the
 * production web build in Chromium, the API, the Temporal dev server and a
 * worker, and an SMTP server. An editor drags a journey together from the
 * palette, fills its steps, publishes it (after fixing what the problems
 * point at), and watches a tracked event become an email and counts on the
 * canvas; a viewer looks without touching.
 */

let env: JourneyTestEnvironment;
let smtp: SmtpSink;
let web: RunningWebApp;
let browser: Browser;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };
let editorPage: Page;
let journeyId: string;

const editor = { email: 'editor@example.com', password: 'an editor password' };
const viewer = { email: 'viewer@example.com', password: 'a viewer password' };

beforeAll(async () => {
  [env, smtp] = await Promise.all([startJourneyTestEnvironment(), startSmtpSink()]);
  workspace = await env.createWorkspace('browser-journeys');
  const channel = await env.graphql(workspace.secretKey, `mutation($input: UpdateEmailChannelInput!) { updateEmailChannel(input: $input) { email { mode } } }`, {
    input: { smtpHost: '127.0.0.1', smtpPort: smtp.port, fromEmail: 'hello@example.com', fromName: 'Tideflow shop' },
  });
  expect(channel.data.updateEmailChannel.email.mode).toBe('SMTP');
  expect((await env.ingest(workspace.writeKey, 'identify', { userId: 'ann', traits: { email: 'ann@example.com', firstName: 'Ann', plan: 'pro' } })).status).toBe(200);
  await addMember(env.db.prisma, { workspaceId: workspace.workspaceId, email: editor.email, name: 'Eddie', password: editor.password, role: 'EDITOR' });
  await addMember(env.db.prisma, { workspaceId: workspace.workspaceId, email: viewer.email, name: 'Vera', password: viewer.password, role: 'VIEWER' });
  [web, browser] = await Promise.all([startWebApp({ apiUrl: env.baseUrl }), launchChromium()]);
  editorPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await env?.close();
  await smtp?.close();
});

const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
const canvasPane = (page: Page) => page.locator('.react-flow__pane');
const panel = (page: Page) => page.getByRole('complementary', { name: 'Details' });

/** Drags a palette item onto the canvas at (x, y) relative to the canvas (HTML5 drag and drop: the canvas reads dataTransfer). */
async function dropFromPalette(page: Page, title: string, x: number, y: number) {
  const item = page.getByRole('complementary', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^Add ${title}:`) });
  await item.dragTo(canvasPane(page), { targetPosition: { x, y } });
}

/** Drags from a node's named branch handle onto another node's input with the mouse, as React Flow expects. */
async function connect(page: Page, sourceId: string, branch: string, targetId: string) {
  const from = page.locator(`.react-flow__handle.source[data-nodeid="${sourceId}"][data-handleid="${branch}"]`);
  const to = page.locator(`.react-flow__handle.target[data-nodeid="${targetId}"]`);
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  // A straight vertical edge has no width, so Playwright calls it hidden: attached is what counts.
  await page.locator(`.react-flow__edge[data-id="${sourceId}:${branch}->${targetId}"]`).waitFor({ state: 'attached' });
}

async function select(page: Page, id: string) {
  const card = node(page, id).locator('[data-node-id]');
  // A step out of the canvas's view (the view follows the last added or pasted step) is brought back by fitting the view.
  if (!(await insideCanvas(page, card))) {
    await page.locator('.react-flow__controls-fitview').click();
    for (let tries = 0; !(await insideCanvas(page, card)); tries++) {
      if (tries > 50) throw new Error(`step ${id} stays out of the canvas's view after fitting it`);
      await page.waitForTimeout(100);
    }
  }
  await card.click({ position: { x: 40, y: 12 } });
  await panel(page).getByText(id, { exact: true }).waitFor();
}

async function insideCanvas(page: Page, card: Locator) {
  const [box, pane] = await Promise.all([card.boundingBox(), page.locator('.react-flow__pane').boundingBox()]);
  return !!box && !!pane && box.x >= pane.x && box.y >= pane.y && box.x + 60 <= pane.x + pane.width && box.y + 24 <= pane.y + pane.height;
}

async function savedDraft() {
  const { data } = await env.graphql(workspace.secretKey, `query($id: ID!) { journey(id: $id) { draft draftRevision } }`, { id: journeyId });
  return data.journey.draft as { nodes: Array<{ id: string; type: string; settings: any }>; edges: Array<{ source: string; sourceHandle: string; target: string }> };
}

it('builds a journey by dragging from the palette, checks fields as typed, publishes after fixing a problem, and shows it running', async () => {
  const page = editorPage;
  await signInAs(page, web.url, editor.email, editor.password, '/journeys');
  await page.getByText('No journeys yet').waitFor();
  await page.getByRole('button', { name: 'New journey' }).click();
  const create = page.getByRole('dialog', { name: 'New journey' });
  await create.getByLabel('Name').fill('Welcome pro users');
  await create.getByRole('button', { name: 'Create and open' }).click();
  await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
  journeyId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByText('Start with a trigger').waitFor();

  // Every node type is in the palette.
  const palette = page.getByRole('complementary', { name: 'Steps' });
  await expect(palette.getByRole('button').count()).resolves.toBe(14);

  // Drag the steps onto the canvas (real HTML5 drag and drop), top to bottom.
  await dropFromPalette(page, 'Event', 300, 60);
  await node(page, 'eventTrigger-1').waitFor();
  await dropFromPalette(page, 'Wait', 300, 230);
  await node(page, 'wait-1').waitFor();
  await dropFromPalette(page, 'Condition split', 300, 400);
  await node(page, 'conditionSplit-1').waitFor();
  await dropFromPalette(page, 'Send message', 200, 570);
  await node(page, 'sendMessage-1').waitFor();

  // Handles are the builder's 12 px ringed targets, not React Flow's 6 px dots (its rules come later in the bundle).
  const handleSize = await page.locator('.react-flow__handle.source[data-nodeid="eventTrigger-1"]').first().evaluate((el) => getComputedStyle(el).width);
  expect(handleSize).toBe('12px');

  // Connect them from the named branch handles.
  await connect(page, 'eventTrigger-1', 'next', 'wait-1');
  await connect(page, 'wait-1', 'next', 'conditionSplit-1');
  await connect(page, 'conditionSplit-1', 'yes', 'sendMessage-1');

  // The trigger: the event name.
  await select(page, 'eventTrigger-1');
  await panel(page).getByLabel('Event', { exact: true }).fill('Signed Up');
  await expect(node(page, 'eventTrigger-1').textContent()).resolves.toContain('Signed Up');

  // The wait: an invalid amount shows its error next to the field while typing; a good one clears it.
  await select(page, 'wait-1');
  const amount = panel(page).getByLabel('Wait for', { exact: true });
  await amount.fill('0');
  await panel(page).getByText('must be greater than 0').waitFor();
  await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
  await amount.fill('2');
  await panel(page).getByLabel('Wait for: unit').selectOption('seconds');
  await panel(page).getByText('must be greater than 0').waitFor({ state: 'detached' });

  // The split: plan = pro.
  await select(page, 'conditionSplit-1');
  await panel(page).getByLabel('Attribute', { exact: true }).fill('plan');
  await panel(page).getByLabel('Value', { exact: true }).fill('pro');
  // Renaming the branch keeps its connection (the handle is re-measured under its new name).
  await panel(page).getByLabel('Handle').fill('pro');
  await page.locator('.react-flow__edge[data-id="conditionSplit-1:pro->sendMessage-1"]').waitFor({ state: 'attached' });

  // The email: a body, but no subject yet; the preview renders it for Ann.
  await select(page, 'sendMessage-1');
  await panel(page).getByLabel('HTML body').fill('<p>Hi {{ user.firstName | default: "there" }}, welcome to Pro.</p>');
  await panel(page).getByLabel('As user').fill('ann');
  await panel(page).getByRole('button', { name: 'Render preview' }).click();
  const preview = page.frameLocator('iframe[title="Email preview"]');
  await preview.getByText('Hi Ann, welcome to Pro.').waitFor();

  // After the email, wait for an order (a day): users stay here. Pressing a palette item adds it under the selected step.
  await palette.getByRole('button', { name: /^Add Wait for event:/ }).click();
  await node(page, 'waitForEvent-1').waitFor();
  await panel(page).getByLabel('Event', { exact: true }).fill('Order Completed');

  // Copy two steps (Shift-click) and paste them with the connection between them; delete them by keyboard; undo and redo.
  await select(page, 'sendMessage-1');
  await node(page, 'waitForEvent-1').click({ position: { x: 40, y: 12 }, modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected').count()).resolves.toBe(2);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await node(page, 'sendMessage-2').waitFor();
  await node(page, 'waitForEvent-2').waitFor();
  await page.locator('.react-flow__edge[data-id="sendMessage-2:sent->waitForEvent-2"]').waitFor({ state: 'attached' });
  await page.keyboard.press('Delete');
  await node(page, 'sendMessage-2').waitFor({ state: 'detached' });
  await expect(node(page, 'waitForEvent-2').count()).resolves.toBe(0);
  await page.getByRole('button', { name: '↶ Undo' }).click();
  await node(page, 'sendMessage-2').waitFor();
  await page.keyboard.press('Control+Shift+z');
  await node(page, 'sendMessage-2').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await node(page, 'waitForEvent-2').waitFor();
  await page.keyboard.press('Control+Shift+z');
  await node(page, 'waitForEvent-2').waitFor({ state: 'detached' });

  // Auto-layout arranges the steps (the email, dropped to the left, moves) and keeps every one.
  const dropped = await node(page, 'sendMessage-1').getAttribute('style');
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(page.locator('.react-flow__node').count()).resolves.toBe(5);
  await expect(node(page, 'sendMessage-1').getAttribute('style')).resolves.not.toBe(dropped);
  // Arrow keys move the selected step (the tidied canvas fits in view), and that move is undone like any other.
  await select(page, 'wait-1');
  const placed = await node(page, 'wait-1').getAttribute('style');
  await page.keyboard.press('ArrowRight');
  await expect(node(page, 'wait-1').getAttribute('style')).resolves.not.toBe(placed);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'wait-1').getAttribute('style')).resolves.toBe(placed);

  // Zoom controls and the minimap.
  await page.getByRole('img', { name: 'Mini map of the journey' }).or(page.locator('.react-flow__minimap')).first().waitFor();
  await page.locator('.react-flow__controls-zoomout').click();
  // A wheel zoom out past reading: cards drop their details once the gesture ends (not at every step of it),
  // and get them back zoomed in again; while the view moves, the canvas says so (cheaper painting).
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 200);
  await node(page, 'wait-1').locator('[data-zoomed-out]').waitFor();
  await page.locator('[data-moving]').waitFor({ state: 'detached' });
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
  await node(page, 'wait-1').locator('[data-zoomed-out]').waitFor({ state: 'detached' });
  await page.locator('.react-flow__controls-fitview').click();

  // Publish: refused, the missing subject marked on the email step.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog', { name: 'Publish this journey?' }).getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText(/Not published: 1 problem to fix/).waitFor();
  await node(page, 'sendMessage-1').getByText('1 error').waitFor();
  // The Problems tab lists it; choosing it selects the step, whose field shows the error.
  const problem = panel(page).getByRole('button', { name: /^Send message/ }).first();
  await problem.click();
  await panel(page).getByText('sendMessage-1', { exact: true }).waitFor();
  await expect(panel(page).getByLabel('Subject').getAttribute('aria-invalid')).resolves.toBe('true');
  await panel(page).getByLabel('Subject').fill('Welcome, {{ user.firstName }}');
  await node(page, 'sendMessage-1').getByText('1 error').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('dialog', { name: 'Publish this journey?' }).getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText(/Version 1 is live/).waitFor();
  await page.getByRole('tab', { name: 'Versions' }).click();
  await panel(page).getByText('v1', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Step' }).click();
  const draft = await savedDraft();
  expect(draft.nodes.map((n) => n.id).sort()).toEqual(['conditionSplit-1', 'eventTrigger-1', 'sendMessage-1', 'wait-1', 'waitForEvent-1']);
  expect(draft.edges).toEqual(
    expect.arrayContaining([
      { source: 'eventTrigger-1', sourceHandle: 'next', target: 'wait-1' },
      { source: 'wait-1', sourceHandle: 'next', target: 'conditionSplit-1' },
      { source: 'conditionSplit-1', sourceHandle: 'pro', target: 'sendMessage-1' },
      { source: 'sendMessage-1', sourceHandle: 'sent', target: 'waitForEvent-1' },
    ]),
  );
  expect(draft.nodes.find((n) => n.id === 'wait-1')!.settings).toEqual({ duration: { amount: 2, unit: 'seconds' } });

  // A tracked event through the Segment HTTP API (Basic auth with the write key) starts a run.
  const tracked = await fetch(`${env.baseUrl}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${workspace.writeKey}:`).toString('base64')}` },
    body: JSON.stringify({ userId: 'ann', event: 'Signed Up', properties: { source: 'browser test' } }),
  });
  expect(tracked.status).toBe(200);

  // The email arrives over SMTP.
  const [email] = await smtp.waitFor(1, 30_000);
  expect(email!.to).toEqual(['ann@example.com']);
  expect(email!.subject).toBe('Welcome, Ann');

  // The counts move on the canvas; the split shows the share per branch.
  await node(page, 'sendMessage-1').locator('[data-stat="entered"]').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
  await node(page, 'waitForEvent-1').locator('[data-stat="waiting"]').filter({ hasText: /^1$/ }).waitFor({ timeout: 15_000 });
  await expect(node(page, 'conditionSplit-1').locator('[data-branch="pro"]').textContent()).resolves.toContain('100%');

  // Clicking a step lists who is there.
  await select(page, 'waitForEvent-1');
  const here = panel(page).getByRole('region', { name: 'Here now' });
  await here.getByRole('link', { name: 'ann@example.com' }).waitFor();
  await page.screenshot({ path: artifactPath('journey-builder-live.png') });

  // Pause: the confirmation says how many users are in the journey.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const pause = page.getByRole('dialog', { name: 'Pause this journey?' });
  await expect(pause.textContent()).resolves.toContain('The 1 user in it now continue their runs');
  await pause.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Resume', exact: true }).waitFor();

  // The list shows it with its counts.
  await page.goto(`${web.url}/journeys`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Welcome pro users' }) });
  await expect(row.textContent()).resolves.toMatch(/Welcome pro users\s*Paused\s*v1\s*1\s*1\s*0/);
  await page.screenshot({ path: artifactPath('journeys-list.png'), fullPage: true });

  // The user's profile: the run's step log, and the email among the messages.
  const ann = await env.db.prisma.user.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId, externalId: 'ann' } });
  await page.goto(`${web.url}/users/${ann.id}`);
  await page.getByRole('tab', { name: /Journeys/ }).click();
  const run = page.getByRole('article', { name: /Welcome pro users/ });
  const steps = run.getByRole('table', { name: /Step log of Welcome pro users/ });
  await steps.waitFor();
  await expect(steps.textContent()).resolves.toMatch(/condition true/);
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.getByRole('table', { name: 'Messages sent to this user' }).getByText('Welcome, Ann').waitFor();

  // The Messages page: the email among the workspace's messages, opened to read it as Ann got it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Messages' }).click();
  const sent = page.getByRole('table', { name: 'Messages' }).getByRole('row').filter({ hasText: 'Welcome, Ann' });
  await sent.getByRole('link', { name: 'Welcome pro users' }).waitFor();
  await expect(sent.textContent()).resolves.toMatch(/ann.*Email · smtp.*ann@example\.com.*Sent.*Welcome pro users/s);
  await sent.getByRole('button', { name: 'Open Welcome, Ann' }).click();
  await page.frameLocator('iframe[title="Email: Welcome, Ann"]').getByText('Hi Ann, welcome to Pro.').waitFor();
  await page.getByLabel('Journey').selectOption({ label: 'Welcome pro users' });
  await page.waitForURL(/\/messages\?journey=/);
  await page.getByRole('navigation', { name: 'Pages of messages' }).filter({ hasText: /\bof 1 messages/ }).waitFor();
  await page.screenshot({ path: artifactPath('messages.png'), fullPage: true });
});

it('shows the builder read-only to a viewer', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signInAs(page, web.url, viewer.email, viewer.password, '/journeys');
  await page.getByText(/Read only: your role \(viewer\) lets you open journeys/).waitFor();
  await expect(page.getByRole('button', { name: 'New journey' }).count()).resolves.toBe(0);
  await page.getByRole('link', { name: 'Welcome pro users' }).click();
  await page.getByText(/Read only: your role \(viewer\) lets you look/).waitFor();
  await node(page, 'sendMessage-1').waitFor();
  await expect(page.getByRole('complementary', { name: 'Steps' }).count()).resolves.toBe(0);
  for (const name of ['Publish', 'Publish changes', 'Pause', 'Resume', 'Stop', 'Undo', 'Save']) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
  await expect(node(page, 'sendMessage-1').getAttribute('class')).resolves.not.toContain('draggable');
  await select(page, 'sendMessage-1');
  await expect(panel(page).getByLabel('Subject').isDisabled()).resolves.toBe(true);
  // Dragging a step does not move it (its place on the canvas, not on the screen: the drag may pan).
  const before = await node(page, 'sendMessage-1').getAttribute('style');
  await node(page, 'sendMessage-1').dragTo(canvasPane(page), { targetPosition: { x: 50, y: 50 } });
  await expect(node(page, 'sendMessage-1').getAttribute('style')).resolves.toBe(before);
  // After a wheel zoom (while the view moves, a layer over the canvas takes the pointer), steps take clicks again.
  const paneBox = (await canvasPane(page).boundingBox())!;
  const viewTransform = () => page.locator('.react-flow__viewport').evaluate((viewport) => (viewport as HTMLElement).style.transform);
  const viewBefore = await viewTransform();
  await page.mouse.move(paneBox.x + paneBox.width / 2, paneBox.y + paneBox.height / 2);
  for (let notch = 0; notch < 3; notch++) await page.mouse.wheel(0, 120);
  await page.waitForFunction(() => !document.querySelector('[data-moving], [data-moved]'));
  await expect(viewTransform()).resolves.not.toBe(viewBefore);
  // Who is waiting at a step is visible to a viewer too.
  await select(page, 'waitForEvent-1');
  await panel(page).getByRole('region', { name: 'Here now' }).getByRole('link', { name: 'ann@example.com' }).waitFor();
  // A journey that does not exist says so.
  await page.goto(`${web.url}/journeys/00000000-0000-4000-8000-000000000000`);
  await page.getByText('Journey not found').waitFor();
  // When the API fails, the error with a retry; the retry loads the journey.
  await page.route('**/api/graphql', (route) => ((route.request().postData() ?? '').includes('"operationName":"JourneyBuilder"') ? route.fulfill({ status: 502, body: 'Bad gateway' }) : route.fallback()));
  await page.goto(`${web.url}/journeys/${journeyId}`);
  await page.getByText('The journey could not be loaded').waitFor();
  await page.unroute('**/api/graphql');
  await page.getByRole('button', { name: 'Retry' }).click();
  await node(page, 'sendMessage-1').waitFor();
  await context.close();
});

it('resumes, publishes a second version (runs in flight stay on theirs), and stops after a confirmation that names the runs it cancels', async () => {
  const page = editorPage;
  await page.goto(`${web.url}/journeys/${journeyId}`);
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await page.getByRole('dialog', { name: 'Resume this journey?' }).getByRole('button', { name: 'Resume', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();

  // A second version: Ann's run stays on version 1.
  await select(page, 'wait-1');
  await panel(page).getByLabel('Wait for', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Publish changes' }).click();
  const publish = page.getByRole('dialog', { name: 'Publish version 2?' });
  await expect(publish.textContent()).resolves.toContain('The 1 user in the journey now finish on the version they started with');
  await publish.getByRole('button', { name: 'Publish version 2' }).click();
  await page.getByText(/Version 2 is live/).waitFor();
  await page.getByRole('tab', { name: 'Versions' }).click();
  const versions = panel(page).getByRole('listitem');
  await expect(versions.allTextContents()).resolves.toEqual([expect.stringMatching(/^v2.*0 runs in flight.*Live/), expect.stringMatching(/^v1.*1 run in flight/)]);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const stop = page.getByRole('dialog', { name: 'Stop this journey?' });
  await expect(stop.textContent()).resolves.toContain('cancels the runs of the 1 user in it now');
  await stop.getByRole('button', { name: 'Stop and cancel 1 run' }).click();
  await page.getByText('Stopped: 1 run cancelled.').waitFor();
  await node(page, 'waitForEvent-1').locator('[data-stat="waiting"]').filter({ hasText: /^0$/ }).waitFor({ timeout: 10_000 });
});

it('adds every kind of step from the palette with the keyboard and opens its form', async () => {
  const { data } = await env.graphql(workspace.secretKey, `mutation { createJourney(input: { name: "Every step" }) { id } }`);
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await signInAs(page, web.url, editor.email, editor.password, `/journeys/${data.createJourney.id}`);
  const palette = page.getByRole('complementary', { name: 'Steps' });
  const items = palette.getByRole('button');
  await page.getByText('Start with a trigger').waitFor();
  await expect(items.count()).resolves.toBe(14);
  for (let i = 0; i < 14; i++) {
    const type = (await items.nth(i).getAttribute('data-node-type'))!;
    await items.nth(i).focus();
    await page.keyboard.press('Enter');
    await node(page, `${type}-1`).waitFor();
    await panel(page).getByText(`${type}-1`, { exact: true }).waitFor();
  }
  await expect(page.locator('.react-flow__node').count()).resolves.toBe(14);
  await page.screenshot({ path: artifactPath('journey-builder-every-step.png') });
  // The preview names an unknown user next to its field.
  await select(page, 'sendMessage-1');
  await panel(page).getByLabel('Subject').fill('Hi {{ user.email }}');
  await panel(page).getByLabel('As user').fill('nobody-here');
  await panel(page).getByRole('button', { name: 'Render preview' }).click();
  await panel(page).locator('.field__error').filter({ hasText: /nobody-here|no user|not found/i }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});
