import { randomBytes } from 'node:crypto';
import { type ApiServer, createApiKey, createApiServer, createWorkspace } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { SecretBox, SegmentInboxProcessor } from '@tideflow/workflows';
import { openTestDatabase } from './testDatabase';

export interface TestWorkspace {
  workspaceId: string;
  writeKey: string;
  secretKey: string;
}

export interface TestApi {
  db: Database;
  api: ApiServer;
  baseUrl: string;
  createTestWorkspace(slug: string): Promise<TestWorkspace>;
  /** POSTs a GraphQL operation through the real HTTP server. */
  graphql<T = any>(secretKey: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> } }>;
  /** POSTs JSON to /v1/{path} with the write key as Basic auth user. */
  ingest(writeKey: string | null, path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** The live segment processor (drain it to wait for membership updates). */
  segmentProcessor: SegmentInboxProcessor;
  close(): Promise<void>;
}

/** A migrated database, a real HTTP API server on a free port, and helpers to call it. */
export async function startTestApi(): Promise<TestApi> {
  const db = await openTestDatabase();
  // Live segments are kept current as in the API process (journeys need Temporal: see startJourneyTestEnvironment).
  const segmentProcessor = new SegmentInboxProcessor({ prisma: db.prisma, sql: db.sql, onError: (error) => console.error('[segment processor]', error) });
  const api = createApiServer({ db, secrets: new SecretBox(randomBytes(32)), segmentProcessor, logError: process.env.TIDEFLOW_TEST_LOG_ERRORS ? (error) => console.error(error) : () => undefined });
  const port = await api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    db,
    api,
    baseUrl,
    async createTestWorkspace(slug) {
      const workspace = await createWorkspace(db.prisma, { name: slug, slug });
      const write = await createApiKey(db.prisma, workspace.id, 'WRITE', 'test write key');
      const secret = await createApiKey(db.prisma, workspace.id, 'SECRET', 'test secret key');
      return { workspaceId: workspace.id, writeKey: write.key, secretKey: secret.key };
    },
    async graphql(secretKey, query, variables) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secretKey ? { authorization: `Bearer ${secretKey}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
    async ingest(writeKey, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(writeKey ? { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` } : {}), ...headers },
        body: typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, body: parsed };
    },
    segmentProcessor,
    async close() {
      await api.close();
      await segmentProcessor.stop();
      await db.close();
    },
  };
}
