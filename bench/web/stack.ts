import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repositoryRoot } from '@tideflow/db';
import { buildWebApp, type RunningWebApp, startWebApp, webAppBuilt } from '@tideflow/test/browser';
import { freePort, type Service, startApi } from '../segments/services';

/** bench/web's own production build of web/ (`next build` with this distDir), so browser tests rebuilding `.next` never swap files under it. */
export const benchDistDir = '.next-bench';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'next-env.d.ts') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/ when asked, or (`auto`) when the build is missing or older than a source file of web/ or domain/. */
export async function ensureWebBuild(mode: 'auto' | 'always' | 'never', log: (message: string) => void): Promise<{ built: boolean; seconds: number }> {
  const buildId = path.join(repositoryRoot, 'web', benchDistDir, 'BUILD_ID');
  const stale = () => !webAppBuilt({ distDir: benchDistDir }) || statSync(buildId).mtimeMs < Math.max(newestSource(path.join(repositoryRoot, 'web')), newestSource(path.join(repositoryRoot, 'domain', 'src')));
  if (mode === 'never' || (mode === 'auto' && !stale())) {
    if (!webAppBuilt({ distDir: benchDistDir })) throw new Error(`--build=never, but there is no build in web/${benchDistDir}: run once with --build=auto`);
    return { built: false, seconds: 0 };
  }
  log(`next build → web/${benchDistDir} (production; a few minutes on 2 cores)…`);
  const started = performance.now();
  // `next build` points web/next-env.d.ts at its distDir's types; put back what the usual build wrote.
  const nextEnv = path.join(repositoryRoot, 'web', 'next-env.d.ts');
  let nextEnvBefore: string | null = null;
  try {
    nextEnvBefore = readFileSync(nextEnv, 'utf8');
  } catch {}
  try {
    await buildWebApp({ distDir: benchDistDir });
  } finally {
    if (nextEnvBefore !== null) writeFileSync(nextEnv, nextEnvBefore);
  }
  const seconds = (performance.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return { built: true, seconds };
}

/** The commit the build is of, and files of web/ and domain/ changed since (the checkout is shared). */
export function sourceState(): { commit: string; uncommitted: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();
  return { commit: git('rev-parse', '--short', 'HEAD'), uncommitted: git('status', '--porcelain', '--', 'web', 'domain').split('\n').filter(Boolean) };
}

/** The API (worker in process) on one database, and `next start` of the bench build talking to it. */
export interface Stack {
  apiUrl: string;
  webUrl: string;
  api: Service;
  web: RunningWebApp;
  stop(): Promise<void>;
}

export async function startStack(options: { databaseUrl: string; temporalAddress: string; taskQueue: string }): Promise<Stack> {
  const port = await freePort();
  const api = await startApi({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    API_PORT: String(port),
    TIDEFLOW_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tideflow-bench-web-')),
    TIDEFLOW_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // The periodic sweep recomputes time-sensitive segments in full; daily keeps it out of the measurements.
    SEGMENT_SWEEP_MINUTES: '1440',
  });
  const apiUrl = `http://127.0.0.1:${port}`;
  let web: RunningWebApp;
  try {
    web = await startWebApp({ apiUrl, distDir: benchDistDir });
  } catch (error) {
    await api.stop();
    throw error;
  }
  return {
    apiUrl,
    webUrl: web.url,
    api,
    web,
    async stop() {
      await web.close();
      await api.stop();
    },
  };
}
