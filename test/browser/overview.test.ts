import { addMember } from '@tideflow/api';
import type { Browser } from 'playwright-core';
import { startTestApi, type TestApi } from '../support';
import { artifactPath, launchChromium } from '../support/browser/chromium';
import { signInAs } from '../support/browser/signIn';
import { type RunningWebApp, startWebApp } from '../support/browser/webApp';

let api: TestApi;
let web: RunningWebApp;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  const workspace = await api.createTestWorkspace('browser-overview');
  const batch = await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'u1', traits: { email: 'u1@example.com' } },
      { type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 10 } },
      { type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 12 } },
      { type: 'track', anonymousId: 'anon-1', event: 'Product Viewed' },
    ],
  });
  expect(batch.status).toBe(200);
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'marketer@example.com', name: 'Mara', password: 'a good password', role: 'VIEWER' });
  [web, browser] = await Promise.all([startWebApp({ apiUrl: api.baseUrl }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await api?.close();
});

it('sends visitors to sign in, then shows the workspace overview from GraphQL', async () => {
  const page = await browser.newPage();
  await signInAs(page, web.url, 'marketer@example.com', 'a good password');
  await page.getByRole('heading', { name: 'browser-overview' }).waitFor();
  const stats = page.getByRole('region', { name: 'Headline counts' });
  await expect(stats.textContent()).resolves.toMatch(/Users\s*2/);
  await expect(stats.textContent()).resolves.toMatch(/Known users\s*1/);
  await expect(page.getByRole('table').textContent()).resolves.toContain('Order Completed');
  await page.screenshot({ path: artifactPath('overview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await page.goto(web.url);
  await page.waitForURL(/\/sign-in/);
});

it('says so when the email or password is wrong', async () => {
  const page = await browser.newPage();
  await page.goto(`${web.url}/sign-in`);
  await page.getByLabel('Email').fill('marketer@example.com');
  await page.getByLabel('Password').fill('not it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Wrong email or password').waitFor();
  expect(page.url()).toContain('/sign-in');
});
