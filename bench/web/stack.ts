import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { repositoryRoot } from '@tideflow/db';
import { buildWebApp, type RunningWebApp, startWebApp, webAppBuilt } from '@tideflow/test/browser';
import { freePort, type Service, startApi } from '../segments/services';

/**
 * bench/web builds a snapshot of web/ as committed (`git archive HEAD:web`) in a directory of its own:
 * the checkout is shared, so neither work in progress in web/ nor a browser test rebuilding web/.next
 * can change what is measured. Dependencies resolve from the repository's node_modules as web/'s do.
 */
export const snapshotDir = path.join(repositoryRoot, '.web-bench');
const commitFile = path.join(snapshotDir, '.bench-commit');

const git = (...args: string[]) => execFileSync('git', args, { cwd: repositoryRoot, encoding: 'utf8' }).trim();

function extractSnapshot(commit: string): void {
  mkdirSync(snapshotDir, { recursive: true });
  // Everything but the build cache goes, so files deleted since the last snapshot do not linger.
  for (const entry of readdirSync(snapshotDir)) if (entry !== '.next') rmSync(path.join(snapshotDir, entry), { recursive: true, force: true });
  execFileSync('sh', ['-c', `git archive ${commit}:web | tar -x -C "${snapshotDir}"`], { cwd: repositoryRoot });
  // Another package named @tideflow/web in the tree would collide in jest's module map.
  const manifest = path.join(snapshotDir, 'package.json');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"name": "@tideflow/web"', '"name": "@tideflow/web-bench-snapshot"'));
}

/** Builds the snapshot of HEAD when asked, or (`auto`) when the last build is of another commit. */
export async function ensureWebBuild(mode: 'auto' | 'always' | 'never', log: (message: string) => void): Promise<{ built: boolean; seconds: number; commit: string }> {
  const commit = git('rev-parse', 'HEAD');
  const builtCommit = existsSync(commitFile) ? readFileSync(commitFile, 'utf8').trim() : null;
  if (mode === 'never' || (mode === 'auto' && builtCommit === commit && webAppBuilt({ dir: snapshotDir }))) {
    if (!builtCommit || !webAppBuilt({ dir: snapshotDir })) throw new Error(`--build=never, but there is no build in ${snapshotDir}: run once with --build=auto`);
    return { built: false, seconds: 0, commit: builtCommit };
  }
  log(`next build of web/ at ${commit.slice(0, 7)} in ${path.relative(repositoryRoot, snapshotDir)}/ (production; about a minute on 2 cores)…`);
  const started = performance.now();
  rmSync(commitFile, { force: true });
  extractSnapshot(commit);
  await buildWebApp({ dir: snapshotDir });
  writeFileSync(commitFile, `${commit}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return { built: true, seconds, commit };
}

/** domain/ is not snapshotted (web/ imports it from the working tree): its uncommitted files, for the record. */
export function uncommittedDomain(): string[] {
  return git('status', '--porcelain', '--', 'domain').split('\n').filter(Boolean);
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
    web = await startWebApp({ apiUrl, dir: snapshotDir });
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
