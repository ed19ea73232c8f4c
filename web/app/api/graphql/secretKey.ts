import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the proxy's workspace secret key comes from. Server-only: this module
 * is imported by the route handler alone and must never reach a client bundle.
 */
export type SecretKeyLookup =
  | { ok: true; key: string; source: 'env' | 'credentials' }
  | { ok: false; reason: string };

/** `{ "secretKey": "tfs_...", ... }`, written by `npm run up` (api/src/seed/demoWorkspace.ts). */
interface CredentialsFile {
  secretKey?: unknown;
}

function isWebPackageDir(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === '@tideflow/web';
  } catch {
    return false;
  }
}

/**
 * The repository root: the parent of web/. Next runs with web/ as the working
 * directory (npm --workspace, or `cd web`); `next start web` from the root is
 * handled too.
 */
export function repoRoot(cwd = process.cwd()): string {
  if (isWebPackageDir(cwd)) return path.dirname(cwd);
  if (isWebPackageDir(path.join(cwd, 'web'))) return cwd;
  return path.dirname(cwd);
}

/**
 * `<TIDEFLOW_DATA_DIR>/credentials.json`, else `<repo root>/.data/credentials.json`,
 * as the API and scripts/ resolve it (a relative TIDEFLOW_DATA_DIR is taken
 * from the repo root, where they run).
 */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const root = repoRoot();
  const dataDir = env.TIDEFLOW_DATA_DIR ? path.resolve(root, env.TIDEFLOW_DATA_DIR) : path.join(root, '.data');
  return path.join(dataDir, 'credentials.json');
}

/**
 * TIDEFLOW_SECRET_KEY, else `secretKey` from the data directory's
 * credentials.json. Read on every call (the file is tiny) so a key created or
 * rotated while the web app runs is picked up without a restart.
 */
export function findSecretKey(env: NodeJS.ProcessEnv = process.env): SecretKeyLookup {
  const fromEnv = env.TIDEFLOW_SECRET_KEY?.trim();
  if (fromEnv) return { ok: true, key: fromEnv, source: 'env' };

  const file = credentialsPath(env);
  if (!existsSync(file)) {
    return { ok: false, reason: `No workspace secret key: set TIDEFLOW_SECRET_KEY, or run "npm run up" to create ${file}.` };
  }
  let credentials: CredentialsFile;
  try {
    credentials = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
  } catch (error) {
    return { ok: false, reason: `No workspace secret key: ${file} could not be read (${(error as Error).message}).` };
  }
  const key = typeof credentials?.secretKey === 'string' ? credentials.secretKey.trim() : '';
  if (!key) return { ok: false, reason: `No workspace secret key: ${file} has no "secretKey".` };
  return { ok: true, key, source: 'credentials' };
}
