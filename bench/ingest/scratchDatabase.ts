import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DatabaseConfig, openDatabase } from '@tideflow/db';
import { Client } from 'pg';
import type { BenchDb } from './options';

/** A fresh, migrated database for one run, dropped afterwards. */
export interface ScratchDatabase {
  config: DatabaseConfig;
  /** For the report: the database name or PGlite directory. */
  label: string;
  drop(): Promise<void>;
}

async function withAdminClient<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Postgres: a new database on the server in `serverUrl`. PGlite: a new data
 * directory under the OS temp dir (on disk, as embedded mode runs). Migrated
 * here with `db.migrate()` and closed again, so the process that later opens
 * it (the API child) does not carry the schema engine in its memory.
 */
export async function createScratchDatabase(kind: BenchDb, serverUrl: string, tag: string): Promise<ScratchDatabase> {
  let scratch: ScratchDatabase;
  if (kind === 'postgres') {
    const name = `tideflow_bench_${tag}_${process.pid}_${randomBytes(3).toString('hex')}`;
    await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    scratch = {
      config: { kind: 'postgres', url: url.toString() },
      label: name,
      drop: async () => void (await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
    };
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), `tideflow-bench-${tag}-`));
    scratch = { config: { kind: 'pglite', dataDir }, label: dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  try {
    const db = await openDatabase(scratch.config, { poolSize: 2 });
    try {
      await db.migrate();
    } finally {
      await db.close();
    }
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return scratch;
}
