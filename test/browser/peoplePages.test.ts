import { addMember } from '@tideflow/api';
import type { Browser, Page } from 'playwright-core';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';
import { artifactPath, launchChromium } from '../support/browser/chromium';
import { signInAs } from '../support/browser/signIn';
import { type RunningWebApp, startWebApp } from '../support/browser/webApp';

let api: TestApi;
let web: RunningWebApp;
let browser: Browser;
let workspace: TestWorkspace;
let admin: Page;
let aliceId: string;

const hour = 3_600_000;
const now = Date.now();
const at = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  workspace = await api.createTestWorkspace('people-pages');
  const batch = await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'alice', traits: { email: 'alice@example.com', plan: 'pro', seats: 12, country: 'France', city: 'Lyon' }, timestamp: at(now - 72 * hour) },
      { type: 'identify', userId: 'bob', traits: { email: 'bob@example.com', plan: 'free', seats: 1 }, timestamp: at(now - 2 * hour) },
      ...Array.from({ length: 14 }, (_, i) => ({ type: 'track', userId: i % 3 ? 'alice' : 'bob', event: 'Order Completed', properties: { total: 10 + i, cartId: `c-${i}` }, timestamp: at(now - i * 1.5 * hour) })),
      ...Array.from({ length: 6 }, (_, i) => ({ type: 'track', anonymousId: `anon-${i}`, event: 'Page Scrolled', properties: { depth: 50 }, timestamp: at(now - i * 4 * hour) })),
      { type: 'track', userId: 'alice', event: 'Product Viewed', properties: { sku: 'sku-1' }, timestamp: at(now - 30 * 60_000) },
    ],
  });
  expect(batch.status).toBe(200);
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'ada@example.com', name: 'Ada Admin', password: 'admin password 1', role: 'ADMIN' });
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'vic@example.com', name: 'Vic Viewer', password: 'viewer password 1', role: 'VIEWER' });

  // A journey run with its step log, written as the journey engine records them (no Temporal needed to render it).
  const alice = await api.db.prisma.user.findFirstOrThrow({ where: { workspaceId: workspace.workspaceId, externalId: 'alice' } });
  aliceId = alice.id;
  const definition = {
    nodes: [
      { id: 'trigger', type: 'eventTrigger', label: 'Cart abandoned', settings: { eventName: 'Order Completed' } },
      { id: 'wait-1', type: 'waitForEvent', label: 'Wait for checkout', settings: {} },
      { id: 'email-1', type: 'sendMessage', label: 'Reminder email', settings: {} },
    ],
    edges: [],
  };
  const journey = await api.db.prisma.journey.create({ data: { workspaceId: workspace.workspaceId, name: 'Cart recovery', status: 'LIVE', draft: definition, latestVersion: 1, publishedAt: new Date() } });
  await api.db.prisma.journeyVersion.create({ data: { journeyId: journey.id, version: 1, definition, listenedEvents: ['Checkout Completed'] } });
  const run = await api.db.prisma.journeyRun.create({
    data: {
      workspaceId: workspace.workspaceId,
      journeyId: journey.id,
      userId: alice.id,
      version: 1,
      entryNumber: 1,
      workflowId: `journey/${journey.id}/user/${alice.id}/entry/1`,
      triggerNodeId: 'trigger',
      entryKey: 'browser-test-1',
      status: 'ACTIVE',
      currentNodeId: 'wait-1',
      waitingSince: new Date(now - 20 * 60_000),
      listeningTo: ['Checkout Completed'],
      enteredAt: new Date(now - 21 * 60_000),
    },
  });
  await api.db.prisma.journeyRunStep.createMany({
    data: [
      { runId: run.id, journeyId: journey.id, seq: 1, nodeId: 'trigger', kind: 'ENTERED', at: new Date(now - 21 * 60_000) },
      { runId: run.id, journeyId: journey.id, seq: 2, nodeId: 'trigger', kind: 'BRANCH', branch: 'next', reason: 'Order Completed with cartId = c-1', at: new Date(now - 21 * 60_000) },
      { runId: run.id, journeyId: journey.id, seq: 3, nodeId: 'wait-1', kind: 'ENTERED', at: new Date(now - 20 * 60_000) },
      { runId: run.id, journeyId: journey.id, seq: 4, nodeId: 'wait-1', kind: 'WAITING', reason: 'waiting up to 3 hours for Checkout Completed with cartId = c-1', at: new Date(now - 20 * 60_000) },
    ],
  });

  [web, browser] = await Promise.all([startWebApp({ apiUrl: api.baseUrl }), launchChromium()]);
  admin = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signInAs(admin, web.url, 'ada@example.com', 'admin password 1');
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

async function graphqlAs(page: Page, query: string, variables: Record<string, unknown> = {}) {
  return page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    },
    { query, variables },
  );
}

it('shows the overview: headline counts, charts, live journeys', async () => {
  await admin.goto(web.url);
  await admin.getByRole('heading', { name: 'people-pages' }).waitFor();
  const stats = admin.getByRole('region', { name: 'Headline counts' });
  await expect(stats.textContent()).resolves.toMatch(/Users\s*8/);
  await expect(stats.textContent()).resolves.toMatch(/Known users\s*2/);
  await expect(stats.textContent()).resolves.toMatch(/Anonymous users\s*6/);
  // The nivo charts draw SVG paths once measured.
  const perHour = admin.getByRole('img', { name: /^Events per hour over the last 24 hours: 22 in all/ });
  await perHour.locator('svg rect').first().waitFor();
  const newVsReturning = admin.getByRole('img', { name: /^Users seen today:/ });
  await newVsReturning.locator('svg rect').first().waitFor();
  const journeys = admin.getByRole('table', { name: 'Live journeys' });
  await expect(journeys.textContent()).resolves.toContain('Cart recovery');
  await expect(journeys.getByRole('link', { name: 'Cart recovery' }).getAttribute('href')).resolves.toMatch(/^\/journeys\/[0-9a-f-]{36}$/);
  await admin.screenshot({ path: artifactPath('people-overview.png'), fullPage: true });
});

it('searches users, filters by attribute, and opens a profile with attributes, timeline and step log', async () => {
  await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users' }).click();
  await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  const table = admin.getByRole('table', { name: 'All users' });
  await table.getByRole('link', { name: 'alice' }).waitFor();
  await expect(admin.getByRole('navigation', { name: 'Pages of users' }).textContent()).resolves.toContain('1–8 of 8 users');
  await admin.screenshot({ path: artifactPath('people-users.png'), fullPage: true });

  // Search by email.
  await admin.getByLabel('Search', { exact: true }).fill('ALICE@');
  await admin.getByLabel('Search', { exact: true }).press('Enter');
  await admin.waitForURL(/\?q=ALICE%40/);
  const matching = admin.getByRole('table', { name: 'Matching users' });
  await admin.getByRole('navigation', { name: 'Pages of users' }).getByText('1–1 of 1 users').waitFor();
  await expect(matching.getByRole('row').count()).resolves.toBe(2);
  await expect(matching.textContent()).resolves.toContain('alice@example.com');

  // An attribute condition the browser cannot type is refused next to the field, before any request.
  await admin.getByRole('button', { name: 'Clear' }).click();
  await admin.waitForURL((url) => !url.search);
  await admin.getByRole('button', { name: 'Add condition' }).click();
  await admin.getByLabel('Attribute of condition 1').selectOption('seats');
  await admin.getByLabel('Operator of condition 1').selectOption('GREATER_THAN');
  await admin.getByLabel('Value of condition 1').fill('many');
  await admin.getByRole('button', { name: 'Apply' }).click();
  await admin.getByText('"many" is not a number').waitFor();
  await admin.getByLabel('Value of condition 1').fill('5');
  await admin.getByRole('button', { name: 'Apply' }).click();
  await admin.getByRole('navigation', { name: 'Pages of users' }).getByText('1–1 of 1 users').waitFor();
  await expect(admin.getByRole('table', { name: 'Matching users' }).getByRole('link', { name: 'alice' }).count()).resolves.toBe(1);
  await admin.screenshot({ path: artifactPath('people-users-filtered.png'), fullPage: true });

  // The profile.
  await admin.getByRole('table', { name: 'Matching users' }).getByRole('link', { name: 'alice' }).click();
  await admin.waitForURL(new RegExp(`/users/${aliceId}$`));
  await admin.getByRole('heading', { name: /alice/, level: 1 }).waitFor();
  const custom = admin.getByRole('region', { name: 'Custom attributes' });
  await expect(custom.textContent()).resolves.toMatch(/plan\s*pro/);
  await expect(admin.getByRole('region', { name: 'System attributes' }).textContent()).resolves.toContain('alice@example.com');
  const timeline = admin.getByRole('region', { name: 'Event timeline' });
  await timeline.getByText('Product Viewed').waitFor();
  await timeline.getByRole('button', { name: '1 property' }).first().click();
  await timeline.getByText('"sku": "sku-1"').waitFor();
  await expect(admin.getByRole('navigation', { name: 'Pages of events' }).textContent()).resolves.toContain('of 11 events');
  await admin.screenshot({ path: artifactPath('people-user-profile.png'), fullPage: true });

  // Journeys: why the user is where they are.
  await admin.getByRole('tab', { name: /Journeys/ }).click();
  const run = admin.getByRole('article', { name: /Cart recovery/ });
  await run.getByText('Now at Wait for checkout').waitFor();
  const steps = run.getByRole('table', { name: /Step log of Cart recovery/ });
  await expect(steps.textContent()).resolves.toContain('waiting up to 3 hours for Checkout Completed with cartId = c-1');
  await expect(steps.textContent()).resolves.toContain('Cart abandoned');
  await admin.screenshot({ path: artifactPath('people-user-journeys.png'), fullPage: true });

  // Keyboard: arrow keys move between tabs.
  await admin.getByRole('tab', { name: /Journeys/ }).focus();
  await admin.keyboard.press('ArrowRight');
  await expect(admin.getByRole('tab', { name: 'Messages' }).getAttribute('aria-selected')).resolves.toBe('true');
  await admin.getByText('No messages sent').waitFor();
});

it('renames an event inline, blocks it after confirming, and groups events', async () => {
  await admin.goto(`${web.url}/events`);
  const catalog = admin.getByRole('table', { name: 'Catalog' });
  await catalog.getByRole('row', { name: /Order Completed/ }).waitFor();
  // One 30-day sparkline per event.
  await expect(catalog.getByRole('img', { name: /in the last 30 days/ }).count()).resolves.toBeGreaterThanOrEqual(3);

  // An empty name is refused next to the field; a good one saves.
  await catalog.getByRole('button', { name: 'Rename Order Completed' }).click();
  const field = catalog.getByLabel('Display name of Order Completed');
  await field.fill('   ');
  await field.press('Enter');
  await catalog.getByText('Enter a display name').waitFor();
  await field.fill('x'.repeat(260));
  await field.press('Enter');
  await catalog.getByText('must be at most 255 characters').waitFor();
  await field.fill('Purchase');
  await field.press('Enter');
  await catalog.getByRole('button', { name: 'Rename Purchase' }).waitFor();
  await expect(admin.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Rename Purchase');

  // Block: a confirmation that says what happens, then the badge.
  await catalog.getByRole('button', { name: 'Block Page Scrolled' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Block “Page Scrolled”?' });
  await expect(dialog.textContent()).resolves.toContain('The 6 events already stored stay');
  await dialog.getByRole('button', { name: 'Block event' }).click();
  await catalog.getByRole('button', { name: 'Unblock Page Scrolled' }).waitFor();
  await expect(catalog.getByRole('row', { name: /Page Scrolled/ }).textContent()).resolves.toContain('Blocked');
  const definitions = await api.graphql(workspace.secretKey, `{ eventDefinitions { name displayName status } }`);
  expect(definitions.body.data.eventDefinitions).toEqual(
    expect.arrayContaining([
      { name: 'Order Completed', displayName: 'Purchase', status: 'ACTIVE' },
      { name: 'Page Scrolled', displayName: 'Page Scrolled', status: 'BLOCKED' },
    ]),
  );
  const dropped = await api.ingest(workspace.writeKey, 'track', { anonymousId: 'anon-9', event: 'Page Scrolled' });
  expect(dropped.body).toMatchObject({ dropped: 1 });

  // An event group with two members.
  await admin.getByRole('button', { name: 'New group' }).click();
  const groupDialog = admin.getByRole('dialog', { name: 'New event group' });
  await groupDialog.getByLabel('Name').fill('Shopping');
  await groupDialog.getByRole('checkbox', { name: /Purchase/ }).check();
  await groupDialog.getByRole('checkbox', { name: /Product Viewed/ }).check();
  await groupDialog.getByRole('button', { name: 'Create group' }).click();
  const groups = admin.getByRole('region', { name: 'Event groups' });
  await groups.getByRole('heading', { name: 'Shopping' }).waitFor();
  await expect(catalog.getByRole('row', { name: /Purchase/ }).textContent()).resolves.toContain('Shopping');
  await admin.screenshot({ path: artifactPath('people-events.png'), fullPage: true });
});

it('creates an API key and shows it once, tests the email channel, and keeps the last admin', async () => {
  await admin.goto(`${web.url}/settings`);
  await admin.getByRole('tab', { name: 'API keys', selected: true }).waitFor();
  const create = admin.getByRole('region', { name: 'Create a key' });
  await create.getByRole('button', { name: 'Create key' }).click();
  await create.getByText('Enter a name').waitFor();
  await create.getByLabel('Name').fill('Warehouse sync');
  await create.getByLabel('Kind').selectOption('WRITE');
  await create.getByRole('button', { name: 'Create key' }).click();

  const shown = admin.getByRole('region', { name: /Your new write key “Warehouse sync”/ });
  await shown.getByText('It is shown only this once').waitFor();
  const key = await shown.getByLabel('New API key').inputValue();
  expect(key.length).toBeGreaterThan(20);
  await shown.getByRole('button', { name: 'Copy key' }).waitFor();
  await admin.screenshot({ path: artifactPath('people-settings-api-key.png'), fullPage: true });
  // The key works.
  expect((await api.ingest(key, 'track', { userId: 'carol', event: 'Signed Up' })).status).toBe(200);
  await shown.getByRole('button', { name: 'I have stored it' }).click();
  await shown.waitFor({ state: 'detached' });
  await expect(admin.content()).resolves.not.toContain(key);
  await admin.getByRole('table', { name: 'Keys' }).getByRole('row', { name: /Warehouse sync/ }).waitFor();

  // Revoke, confirmed.
  await admin.getByRole('button', { name: 'Revoke Warehouse sync' }).click();
  await admin.getByRole('dialog', { name: 'Revoke “Warehouse sync”?' }).getByRole('button', { name: 'Revoke key' }).click();
  await admin.getByRole('table', { name: 'Keys' }).getByRole('row', { name: /Warehouse sync/ }).getByText('Revoked').waitFor();
  expect((await api.ingest(key, 'track', { userId: 'carol', event: 'Signed Up' })).status).toBe(401);

  // Channels: a field error from the form, then a test send through the outbox.
  await admin.getByRole('tab', { name: 'Channels' }).click();
  const email = admin.getByRole('region', { name: 'Email (SMTP)' });
  await email.getByText('Outbox mode').waitFor();
  await email.getByLabel('Port', { exact: true }).fill('70000');
  await email.getByRole('button', { name: 'Save email settings' }).click();
  await email.getByText('Enter a port number (1–65535)').waitFor();
  await email.getByLabel('Port', { exact: true }).fill('');
  await email.getByLabel('From address').fill('hello@example.com');
  await email.getByRole('button', { name: 'Save email settings' }).click();
  await email.getByText('Saved.').waitFor();
  const stored = await api.graphql(workspace.secretKey, `{ channelSettings { email { mode fromEmail smtpPort } } }`);
  expect(stored.body.data.channelSettings.email).toEqual({ mode: 'OUTBOX', fromEmail: 'hello@example.com', smtpPort: null });

  // Webhook default headers: values are write-only.
  const webhooks = admin.getByRole('region', { name: 'Webhooks' });
  await webhooks.getByRole('button', { name: 'Add headers' }).click();
  await webhooks.getByLabel('Header 1 name').fill('Authorization');
  await webhooks.getByRole('button', { name: 'Save headers' }).click();
  await webhooks.getByText('Enter the value').waitFor();
  await webhooks.getByLabel('Header 1 value').fill('Bearer s3cret');
  await webhooks.getByRole('button', { name: 'Save headers' }).click();
  await webhooks.getByText('Headers saved.').waitFor();
  await webhooks.getByRole('list', { name: 'Stored headers' }).getByText('Authorization').waitFor();
  await expect(admin.content()).resolves.not.toContain('s3cret');
  const test = admin.getByRole('region', { name: 'Send a test' });
  await test.getByLabel('To (email address)').fill('qa@example.com');
  await test.getByRole('button', { name: 'Send test' }).click();
  await test.getByRole('status').getByText('Sent').waitFor();
  await expect(test.getByRole('status').textContent()).resolves.toContain('outbox');
  // A webhook nobody answers: the message says FAILED, with the error.
  await test.getByLabel('Channel').selectOption('WEBHOOK');
  await test.getByLabel('URL').fill('http://127.0.0.1:9/unreachable');
  await test.getByRole('button', { name: 'Send test' }).click();
  await test.getByRole('status').getByText('Failed', { exact: true }).waitFor();
  await expect(test.getByRole('status').locator('.field__error').textContent()).resolves.toBeTruthy();
  await admin.screenshot({ path: artifactPath('people-settings-channels.png'), fullPage: true });

  // The Messages page says when the API fails, and recovers on Retry.
  await admin.route('**/api/graphql', (route) => ((route.request().postData() ?? '').includes('"operationName":"MessageLog"') ? route.fulfill({ status: 502, body: 'Bad gateway' }) : route.fallback()));
  await admin.goto(`${web.url}/messages`);
  const failed = admin.getByRole('alert').filter({ hasText: 'Messages could not be loaded' });
  await failed.waitFor();
  await admin.unroute('**/api/graphql');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await admin.getByRole('table', { name: 'Messages' }).waitFor();

  // The test email is in the outbox (no SMTP server); the failed webhook is not.
  await admin.getByRole('button', { name: 'Outbox' }).click();
  await admin.waitForURL(/\/messages\?provider=outbox/);
  const outbox = admin.getByRole('table', { name: 'Outbox' });
  const kept = outbox.getByRole('row').filter({ hasText: 'qa@example.com' });
  await kept.waitFor();
  await expect(kept.textContent()).resolves.toMatch(/Email · outbox\s*test.*Sent/s);
  await outbox.getByText('http://127.0.0.1:9/unreachable').waitFor({ state: 'detached' });
  await admin.getByRole('button', { name: 'All messages' }).click();
  await admin.waitForURL(/\/messages$/);
  await admin.getByRole('table', { name: 'Messages' }).getByText('qa@example.com').waitFor();
  // While the next view loads, the previous rows stay, dimmed, and the count says it is updating.
  let releaseLog: () => void = () => undefined;
  const logHeld = new Promise<void>((resolve) => (releaseLog = resolve));
  await admin.route('**/api/graphql', async (route) => {
    if ((route.request().postData() ?? '').includes('"operationName":"MessageLog"')) await logHeld;
    await route.fallback();
  });
  await admin.getByLabel('Status').selectOption('FAILED');
  await admin.waitForURL(/\/messages\?status=FAILED$/);
  const messagesPanel = admin.getByRole('region', { name: 'Matching messages' });
  await messagesPanel.getByRole('status').getByText('Updating…').waitFor();
  await expect(messagesPanel.locator('.table-wrap').getAttribute('data-stale')).resolves.toBe('true');
  await expect(messagesPanel.getByRole('table').getByText('qa@example.com').count()).resolves.toBe(1);
  releaseLog();
  await messagesPanel.locator('.table-wrap:not([data-stale])').waitFor();
  await messagesPanel.getByText(/^\d+ messages$/).waitFor();
  await messagesPanel.getByRole('table', { name: 'Messages' }).getByText('http://127.0.0.1:9/unreachable').waitFor();
  await expect(messagesPanel.getByRole('table').getByText('qa@example.com').count()).resolves.toBe(0);
  await admin.screenshot({ path: artifactPath('people-messages-outbox.png'), fullPage: true });
  await admin.unroute('**/api/graphql');
  // A filter the API refuses: the field says why, and no rows of another filter are shown.
  await admin.getByLabel('User').fill('u'.repeat(501));
  await admin.getByRole('button', { name: 'Filter' }).click();
  await admin.getByText('Fix the filter to see messages').waitFor();
  await expect(admin.getByRole('table', { name: 'Messages' }).count()).resolves.toBe(0);
  await expect(admin.locator('[aria-invalid="true"]').count()).resolves.toBe(1);
  await admin.getByLabel('User').fill('');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await admin.getByRole('table', { name: 'Messages' }).getByText('http://127.0.0.1:9/unreachable').waitFor();
  await admin.goto(`${web.url}/settings`);

  // Members: the API refuses to demote the last admin, and the page says so next to the role.
  await admin.getByRole('tab', { name: 'Members' }).click();
  await admin.getByLabel('Role of Ada Admin').selectOption('VIEWER');
  await admin.getByText('The workspace needs at least one admin').waitFor();
  await expect(admin.getByLabel('Role of Ada Admin').inputValue()).resolves.toBe('ADMIN');
  const add = admin.getByRole('region', { name: 'Add a member' });
  await add.getByLabel('Name').fill('Ed Editor');
  await add.getByLabel('Email').fill('vic@example.com');
  await add.getByLabel('First password').fill('editor password 1');
  await add.getByRole('button', { name: 'Add member' }).click();
  await add.getByText(/already a member/).waitFor();
  await add.getByLabel('Email').fill('ed@example.com');
  await add.getByRole('button', { name: 'Add member' }).click();
  await admin.getByRole('table', { name: 'Members' }).getByRole('row', { name: /Ed Editor/ }).waitFor();
  await admin.screenshot({ path: artifactPath('people-settings-members.png'), fullPage: true });
});

it('lets a viewer read everything and change nothing', async () => {
  const viewer = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signInAs(viewer, web.url, 'vic@example.com', 'viewer password 1', '/events');
  const catalog = viewer.getByRole('table', { name: 'Catalog' });
  await catalog.getByRole('row', { name: /Purchase/ }).waitFor();
  await viewer.getByText('You have view access').waitFor();
  await expect(viewer.getByRole('button', { name: /^(Rename|Block|Unblock) / }).count()).resolves.toBe(0);
  await expect(viewer.getByRole('button', { name: 'New group' }).count()).resolves.toBe(0);
  await viewer.screenshot({ path: artifactPath('people-viewer-events.png'), fullPage: true });

  // The API refuses regardless of the page.
  const refused = await graphqlAs(viewer, `mutation { renameEvent(input: { name: "Order Completed", displayName: "Hacked" }) { displayName } }`);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  await viewer.goto(`${web.url}/settings`);
  await viewer.getByText('Only admins can see and manage API keys').waitFor();
  await viewer.getByRole('tab', { name: 'Channels' }).click();
  await viewer.getByText('Only admins can change channel settings').waitFor();
  await expect(viewer.getByRole('region', { name: 'Email (SMTP)' }).getByLabel('SMTP host').isDisabled()).resolves.toBe(true);
  await expect(viewer.getByRole('button', { name: 'Save email settings' }).count()).resolves.toBe(0);
  await expect(viewer.getByRole('button', { name: 'Send test' }).count()).resolves.toBe(0);
  await viewer.screenshot({ path: artifactPath('people-viewer-settings.png'), fullPage: true });
  const keys = await graphqlAs(viewer, `mutation { createApiKey(input: { name: "mine", kind: SECRET }) { key } }`);
  expect(keys.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  // Profiles are readable.
  await viewer.goto(`${web.url}/users/${aliceId}`);
  await viewer.getByRole('region', { name: 'Custom attributes' }).getByText('pro', { exact: true }).waitFor();
  await viewer.close();
});
