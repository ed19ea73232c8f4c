import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addMember } from '@tideflow/api';
import type { Browser, Locator, Page } from 'playwright-core';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';
import { artifactPath, launchChromium } from '../support/browser/chromium';
import { signInAs } from '../support/browser/signIn';
import { type RunningWebApp, startWebApp } from '../support/browser/webApp';

/**
 * The Segments section as an editor and a viewer use it: the builder with
 * its live estimate (one preview request per settled edit), saving and the
 * members, a CSV upload to a static segment with its report, deleting a
 * segment that another uses, and a viewer's read-only pages.
 */

let api: TestApi;
let web: RunningWebApp;
let browser: Browser;
let workspace: TestWorkspace;
const ids: Record<string, string> = {};

const editor = { email: 'editor@example.com', password: 'an editor password' };
const viewer = { email: 'viewer@example.com', password: 'a viewer password' };

async function gql(query: string, variables?: Record<string, unknown>) {
  const { body } = await api.graphql(workspace.secretKey, query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const definition = (...children: unknown[]) => ({ root: { type: 'group', match: 'all', negate: false, children } });

beforeAll(async () => {
  process.env.TIDEFLOW_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'tideflow-browser-segments-'));
  api = await startTestApi();
  workspace = await api.createTestWorkspace('browser-segments');
  // Five users: plan and age traits, and orders (u1 twice with big totals).
  const batch = await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'u1', traits: { email: 'u1@example.com', plan: 'pro', age: 34 } },
      { type: 'identify', userId: 'u2', traits: { email: 'u2@example.com', plan: 'pro', age: 22 } },
      { type: 'identify', userId: 'u3', traits: { email: 'u3@example.com', plan: 'free', age: 41 } },
      { type: 'identify', userId: 'u4', traits: { email: 'u4@example.com', plan: 'free', age: 29 } },
      { type: 'identify', userId: 'u5', traits: { email: 'u5@example.com' } },
      { type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 120 } },
      { type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 150 } },
      { type: 'track', userId: 'u2', event: 'Order Completed', properties: { total: 30 } },
      { type: 'track', userId: 'u4', event: 'Order Completed', properties: { total: 15 } },
      { type: 'track', userId: 'u3', event: 'Product Viewed', properties: { sku: 'A-1' } },
    ],
  });
  expect(batch.status).toBe(200);
  await api.segmentProcessor.drain();

  const create = async (input: Record<string, unknown>) => (await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input })).createSegment.id as string;
  ids.pro = await create({ name: 'Pro plan', kind: 'LIVE', definition: definition({ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }) });
  ids.proBuyers = await create({ name: 'Pro buyers', kind: 'LIVE', definition: definition({ type: 'segment', segmentId: ids.pro, member: true }, { type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, filters: [], did: true, count: { rule: 'atLeast', times: 1 }, window: { kind: 'ever' } }) });
  ids.vip = await create({ name: 'VIP import', kind: 'STATIC', isTest: true });

  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: editor.email, name: 'Eddie', password: editor.password, role: 'EDITOR' });
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: viewer.email, name: 'Vera', password: viewer.password, role: 'VIEWER' });
  [web, browser] = await Promise.all([startWebApp({ apiUrl: api.baseUrl }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

/** The estimate once it shows `text` for the current definition (an answered request, not a stale one). */
async function expectEstimate(page: Page, text: string) {
  const exact = new RegExp(`^${text.replace(/[()]/g, '\\$&')}$`);
  await page.locator('[data-testid="segment-estimate"][data-state="ready"]').filter({ hasText: exact }).waitFor({ timeout: 15_000 });
}

/** Counts previewSegment requests the page sends. */
function countPreviews(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/graphql') && request.method() === 'POST' && (request.postData() ?? '').includes('"operationName":"PreviewSegment"')) count++;
  });
  return () => count;
}

const condition = (page: Page, label: string): Locator => page.getByRole('group', { name: `Condition ${label}`, exact: true });

it('builds a segment while the estimate follows every edit, saves it and lists its members', async () => {
  const page = await newPage();
  const previews = countPreviews(page);
  await signInAs(page, web.url, editor.email, editor.password, '/segments');

  // The list: kinds, test badge, sizes and the trend column.
  const table = page.getByRole('table');
  await table.getByRole('link', { name: 'Pro plan' }).waitFor();
  const proRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Pro plan', exact: true }) });
  await expect(proRow.textContent()).resolves.toMatch(/Pro plan\s*Live\s*2/);
  const vipRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'VIP import' }) });
  await expect(vipRow.textContent()).resolves.toMatch(/VIP import\s*Test\s*Static\s*0/);
  await page.screenshot({ path: artifactPath('segments-list.png'), fullPage: true });

  await page.getByRole('link', { name: 'New live segment' }).click();
  await page.waitForURL(/\/segments\/new$/);
  await page.getByLabel('Name', { exact: true }).fill('Big repeat buyers');
  // An empty definition: everyone.
  await expectEstimate(page, '5 users (exact count)');

  // 1. An attribute condition (the first trait, "age", is set for four users).
  await page.getByRole('button', { name: 'Add condition', exact: true }).click();
  await expectEstimate(page, '4 users (exact count)');
  await condition(page, '1').getByLabel('Attribute', { exact: true }).selectOption('plan');
  await condition(page, '1').getByLabel('Operator').selectOption('equals');
  // No value yet: the problem shows next to the value, and nothing is asked.
  await condition(page, '1').getByText('is required for "equals"').waitFor();
  await page.locator('[data-testid="segment-estimate"][data-state="invalid"]').waitFor();

  // Typing "pro" key by key is one settled edit: exactly one preview request.
  const before = previews();
  await condition(page, '1').getByLabel('Value').pressSequentially('pro', { delay: 40 });
  await expectEstimate(page, '2 users (exact count)');
  await page.waitForTimeout(600);
  expect(previews() - before).toBe(1);

  // 2. A behaviour condition: did Order Completed (u1, u2 among the pro users), then at least twice (u1).
  await page.getByLabel('Condition type for All conditions').selectOption('behaviour');
  await page.getByRole('button', { name: 'Add condition', exact: true }).click();
  await expect(condition(page, '2').getByLabel('Event').inputValue()).resolves.toBe('event:Order Completed');
  await expectEstimate(page, '2 users (exact count)');
  await condition(page, '2').getByLabel('Times').fill('2');
  await expectEstimate(page, '1 user (exact count)');

  // A property filter on the orders: total ≥ 100 (both of u1's orders qualify).
  await condition(page, '2').getByRole('button', { name: '+ Property filter' }).click();
  const filter = condition(page, '2').getByRole('group', { name: 'Property filter 1' });
  await filter.getByLabel('Property', { exact: true }).fill('total');
  await filter.getByLabel('Operator', { exact: true }).selectOption('gte');
  await filter.getByLabel('Value', { exact: true }).fill('100');
  await expectEstimate(page, '1 user (exact count)');

  // OR, then NOT, change the count; back to AND.
  const root = page.getByRole('group', { name: 'All conditions: match' });
  await root.getByRole('button', { name: 'Any (OR)' }).click();
  await expectEstimate(page, '2 users (exact count)');
  await page.getByRole('group', { name: 'All conditions', exact: true }).getByRole('button', { name: 'NOT', exact: true }).first().click();
  await expectEstimate(page, '3 users (exact count)');
  await page.getByRole('group', { name: 'All conditions', exact: true }).getByRole('button', { name: 'NOT', exact: true }).first().click();
  await root.getByRole('button', { name: 'All (AND)' }).click();
  await expectEstimate(page, '1 user (exact count)');

  // 3. A nested group: (age < 30 OR age > 40) — u1 is 34, so nobody; then reorder and remove it.
  await page.getByRole('button', { name: 'Add group', exact: true }).click();
  const group = page.getByRole('group', { name: 'Group 3', exact: true });
  await group.getByRole('button', { name: 'Add condition to Group 3' }).click();
  await condition(page, '3.1').getByLabel('Operator').selectOption('lessThan');
  await condition(page, '3.1').getByLabel('Value').fill('30');
  await expectEstimate(page, '0 users (exact count)');
  await page.getByRole('button', { name: 'Move group 3 up' }).click();
  await expect(page.getByRole('group', { name: 'Group 2', exact: true }).isVisible()).resolves.toBe(true);
  await expectEstimate(page, '0 users (exact count)');
  await page.getByRole('button', { name: 'Remove group 2' }).click();
  await expectEstimate(page, '1 user (exact count)');

  // The sample users link to their pages.
  const sample = page.getByRole('list', { name: 'Sample users' });
  await expect(sample.getByRole('link').allTextContents()).resolves.toEqual(['u1']);
  await expect(sample.getByRole('link').getAttribute('href')).resolves.toMatch(/^\/users\/[0-9a-f-]{36}$/);
  await page.screenshot({ path: artifactPath('segment-builder.png'), fullPage: true });

  await page.getByRole('button', { name: 'Create segment' }).click();
  await page.waitForURL(/\/segments\/[0-9a-f-]{36}$/);
  const segmentId = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('heading', { name: 'Big repeat buyers' }).waitFor();
  await page.getByRole('tab', { name: /Members \(1\)/ }).click();
  const members = page.getByRole('tabpanel').getByRole('table');
  await members.getByRole('link', { name: 'u1' }).waitFor();
  await expect(members.getByRole('link').allTextContents()).resolves.toEqual(['u1']);

  // Saved as the builder showed it.
  const saved = await gql(`query($id: ID!) { segment(id: $id) { definition } }`, { id: segmentId });
  expect(saved.segment.definition.root.children).toEqual([
    { type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' },
    { type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, did: true, filters: [{ property: 'total', operator: 'gte', value: 100 }], count: { rule: 'atLeast', times: 2 }, window: { kind: 'ever' } },
  ]);
});

it('shows the API’s field errors when saving, and the journeys and segments that block a delete', async () => {
  const page = await newPage();
  await signInAs(page, web.url, editor.email, editor.password, '/segments/new');
  await page.getByLabel('Name', { exact: true }).fill('Pro plan');
  await page.getByRole('button', { name: 'Create segment' }).click();
  await page.getByText('A segment named "Pro plan" already exists').waitFor();

  await page.goto(`${web.url}/segments`);
  await page.getByRole('button', { name: 'Delete Pro plan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Segment “Pro buyers”').waitFor();
  await dialog.getByRole('button', { name: 'Delete segment' }).click();
  await dialog.getByText(/is used by segment "Pro buyers"/).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Delete Pro buyers' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete segment' }).click();
  await page.getByRole('link', { name: 'Pro buyers' }).waitFor({ state: 'detached' });
});

it('uploads a CSV to a static segment and reports the rows that matched nobody', async () => {
  const page = await newPage();
  await signInAs(page, web.url, editor.email, editor.password, `/segments/${ids.vip}?tab=upload`);
  await page.getByRole('heading', { name: 'Upload a CSV' }).waitFor();
  await page.getByLabel('CSV file').setInputFiles({ name: 'vip.csv', mimeType: 'text/csv', buffer: Buffer.from(['userId', 'u1', 'u3', 'nobody', 'not-an-email@', 'u4'].join('\n')) });
  await page.getByLabel('Rows identify users by').selectOption('AUTO');
  await page.getByRole('button', { name: 'Upload', exact: true }).click();

  const report = page.locator('[data-testid="upload-report"][data-status="DONE"]');
  await report.waitFor({ timeout: 30_000 });
  await expect(report.getByRole('progressbar', { name: 'Matching rows' }).getAttribute('aria-valuenow')).resolves.toBe('100');
  await expect(report.getByRole('group', { name: 'Upload counts' }).textContent()).resolves.toMatch(/Matched\s*3\s*Unmatched\s*2\s*Rows\s*5/);
  const rows = report.getByRole('table').getByRole('row');
  await rows.nth(2).waitFor();
  await expect(rows.allTextContents()).resolves.toEqual(['RowValueReason', '3nobodyno user with this userId', '4not-an-email@not a userId, email or phone number']);
  // The segment's size follows.
  await page.getByRole('tab', { name: 'Members (3)' }).waitFor();
  await page.screenshot({ path: artifactPath('segment-upload-report.png'), fullPage: true });
});

it('lets a viewer read segments but change nothing', async () => {
  const page = await newPage();
  await signInAs(page, web.url, viewer.email, viewer.password, '/segments');
  await page.getByText('You have view access').waitFor();
  await page.getByRole('link', { name: 'Pro plan' }).waitFor();
  await expect(page.getByRole('link', { name: 'New live segment' }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: /^Delete / }).count()).resolves.toBe(0);

  await page.getByRole('link', { name: 'Pro plan' }).click();
  await page.getByRole('heading', { name: 'Pro plan' }).waitFor();
  await page.getByText('You have view access').waitFor();
  await expectEstimate(page, '2 users (exact count)');
  await expect(condition(page, '1').getByLabel('Operator').isDisabled()).resolves.toBe(true);
  await expect(page.getByLabel('Name', { exact: true }).isDisabled()).resolves.toBe(true);
  for (const name of ['Add condition', 'Save changes', 'Recompute now', 'Delete']) await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);

  await page.goto(`${web.url}/segments/${ids.vip}?tab=upload`);
  await page.getByRole('heading', { name: 'Uploads' }).waitFor();
  await expect(page.getByLabel('CSV file').count()).resolves.toBe(0);
  await page.goto(`${web.url}/segments/new`);
  await page.getByText('creating segments needs an editor or admin role').waitFor();
});
