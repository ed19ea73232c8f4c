import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '@tideflow/db';
import { Client } from 'pg';

/**
 * A fresh, migrated database for one test file, on the same backend users get:
 * an in-memory PGlite by default, or a new database on the Postgres server in
 * `DATABASE_URL` (dropped again on close).
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await db.migrate();
    return db;
  }
  const name = `tideflow_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await db.migrate();
  return {
    ...db,
    close: async () => {
      await db.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
