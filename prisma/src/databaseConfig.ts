import path from 'node:path';
import { packageRoot } from './migrations/migrationsDirectory';

/** Where Tideflow keeps local state (PGlite files, Temporal's SQLite, credentials). */
export const repositoryRoot = path.resolve(packageRoot, '..');
export const defaultDataDir = path.join(repositoryRoot, '.data');

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  /** `dataDir` is a folder, or `memory://` for a throwaway in-memory database. */
  | { kind: 'pglite'; dataDir: string };

/** `DATABASE_URL=postgres://…` selects Postgres; otherwise the embedded PGlite under `.data/pglite`. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…")`);
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR ?? path.join(env.TIDEFLOW_DATA_DIR ?? defaultDataDir, 'pglite') };
}

/** A connection string with its password hidden, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === 'pglite') return `PGlite (${config.dataDir})`;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = '***';
    return `Postgres (${url.toString()})`;
  } catch {
    return 'Postgres';
  }
}
