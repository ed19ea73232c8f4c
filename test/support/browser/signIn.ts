import type { Page } from 'playwright-core';

/** Signs in through the sign-in page, as a marketer does, and waits for the app shell. */
export async function signInAs(page: Page, webUrl: string, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${webUrl}${next}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}
