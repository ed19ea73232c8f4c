import { PGlite } from '@electric-sql/pglite';
import type { DatabaseConfig } from '@tideflow/db';
import { Pool } from 'pg';
import type { SqlClient } from './baseline';

export interface BaselineClient {
  client: SqlClient;
  /** Where the baseline ran, for the report. */
  where: string;
  close(): Promise<void>;
}

/**
 * Postgres: a `pg` pool of `concurrency` connections to the run's database.
 * PGlite: the data directory opened directly (PGlite is one connection in one
 * process, so concurrent statements queue inside it, as the API's do).
 */
export async function openBaselineClient(config: DatabaseConfig, concurrency: number): Promise<BaselineClient> {
  if (config.kind === 'postgres') {
    const pool = new Pool({ connectionString: config.url, max: concurrency });
    // An idle connection closed by the server (the run's database being dropped) is no error of the run.
    pool.on('error', () => undefined);
    return { client: pool, where: `pg pool of ${concurrency}, same database as the API`, close: () => pool.end() };
  }
  const pglite = await PGlite.create(config.dataDir);
  return { client: pglite, where: 'PGlite opened directly in the bench process, its own fresh data directory', close: () => pglite.close() };
}
