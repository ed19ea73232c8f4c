import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '@tideflow/db';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (installed by `.ci/run`; `apt-get install chromium` locally). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The machine has no network beyond localhost: background services would only fail and retry.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Where browser tests leave screenshots (a CI artifact). */
export function artifactPath(name: string): string {
  const dir = path.join(repositoryRoot, 'test', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
