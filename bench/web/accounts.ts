import { addMember, createApiKey } from '@tideflow/api';
import { openDatabase } from '@tideflow/db';
import { Client } from 'pg';

export interface BenchAccount {
  email: string;
  password: string;
}

export const benchEditor: BenchAccount = { email: 'bench-web-editor@example.com', password: 'bench web editor password' };

/** Adds the benchmark's editor to a workspace (and, when asked, a secret key for setting things up over GraphQL). */
export async function addBenchEditor(databaseUrl: string, workspaceId: string, options: { secretKey: boolean }): Promise<{ secretKey: string | null }> {
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl }, { poolSize: 1 });
  try {
    await addMember(db.prisma, { workspaceId, email: benchEditor.email, name: 'Bench Editor', password: benchEditor.password, role: 'EDITOR' });
    return { secretKey: options.secretKey ? (await createApiKey(db.prisma, workspaceId, 'SECRET', 'web benchmark')).key : null };
  } finally {
    await db.close();
  }
}

/** Removes the editor again (its membership and sessions go with it). */
export async function removeBenchEditor(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "Account" WHERE email = $1`, [benchEditor.email]);
  } finally {
    await client.end();
  }
}

/** The first workspace of a database (the demo workspace the API creates in an empty one). */
export async function firstWorkspaceId(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Workspace" ORDER BY "createdAt" LIMIT 1`);
    if (!rows[0]) throw new Error('the database has no workspace');
    return rows[0].id;
  } finally {
    await client.end();
  }
}
