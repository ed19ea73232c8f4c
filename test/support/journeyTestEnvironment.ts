import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { type ApiServer, createApiKey, createApiServer, createWorkspace } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { createTideflowWorker, JourneyInboxProcessor, JourneyVersionCache, SecretBox, SegmentInboxProcessor, type TemporalTarget, workflowBundlerOptions, workflowsPath } from '@tideflow/workflows';
import { startTemporalTestEnvironment } from './temporalTestEnvironment';
import { openTestDatabase } from './testDatabase';

let bundle: Promise<WorkflowBundleWithSourceMap> | null = null;

/** The workflow code, bundled once per test process, as the worker bundles it. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never });
  return bundle;
}

/**
 * Everything a journey needs, real: a database, a Temporal server, a worker,
 * the journey processor and the HTTP API (ingestion + GraphQL) wired as in
 * `api/src/main.ts`.
 */
export interface JourneyTestEnvironment {
  db: Database;
  temporalEnv: TestWorkflowEnvironment;
  temporal: TemporalTarget;
  secrets: SecretBox;
  /** The SecretBox key (base64), for a worker in another process (TIDEFLOW_ENCRYPTION_KEY). */
  encryptionKey: string;
  taskQueue: string;
  processor: JourneyInboxProcessor;
  segmentProcessor: SegmentInboxProcessor;
  api: ApiServer;
  baseUrl: string;
  worker: Worker;
  /** Stops the worker (as a crash would) and starts a new one. */
  restartWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  createWorkspace(slug: string): Promise<{ workspaceId: string; writeKey: string; secretKey: string }>;
  graphql<T = any>(secretKey: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> }>;
  ingest(writeKey: string, path: string, body: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export async function startJourneyTestEnvironment(options: { temporalEnv?: TestWorkflowEnvironment } = {}): Promise<JourneyTestEnvironment> {
  const [temporalEnv, db, workflows] = await Promise.all([options.temporalEnv ?? startTemporalTestEnvironment(), openTestDatabase(), workflowBundle()]);
  const taskQueue = `journeys-${randomBytes(4).toString('hex')}`;
  const temporal: TemporalTarget = { client: temporalEnv.client, taskQueue };
  const encryptionKey = randomBytes(32).toString('base64');
  const secrets = new SecretBox(Buffer.from(encryptionKey, 'base64'));
  const versions = new JourneyVersionCache(db.prisma);
  const processor = new JourneyInboxProcessor({ prisma: db.prisma, temporal: () => temporal, versions, onError: (error) => console.error('[journey processor]', error) });
  const segmentProcessor = new SegmentInboxProcessor({ prisma: db.prisma, sql: db.sql, onMembershipChanged: () => processor.wake(), onError: (error) => console.error('[segment processor]', error) });
  const api = createApiServer({ db, secrets, journeyVersions: versions, journeyProcessor: processor, segmentProcessor, temporal: () => temporal, logError: (error) => console.error('[api]', error) });
  const port = await api.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;

  let worker!: Worker;
  let running: Promise<void> | null = null;
  const startWorker = async () => {
    worker = await createTideflowWorker({ prisma: db.prisma, secrets, connection: temporalEnv.nativeConnection, temporal: { address: '', namespace: temporalEnv.namespace ?? 'default', taskQueue }, workflowBundle: workflows });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    running = null;
  };
  await startWorker();

  const env: JourneyTestEnvironment = {
    db,
    temporalEnv,
    temporal,
    secrets,
    encryptionKey,
    taskQueue,
    processor,
    segmentProcessor,
    api,
    baseUrl,
    get worker() {
      return worker;
    },
    startWorker,
    stopWorker,
    async restartWorker() {
      await stopWorker();
      await startWorker();
    },
    async createWorkspace(slug) {
      const workspace = await createWorkspace(db.prisma, { name: slug, slug });
      const write = await createApiKey(db.prisma, workspace.id, 'WRITE', 'test write key');
      const secret = await createApiKey(db.prisma, workspace.id, 'SECRET', 'test secret key');
      return { workspaceId: workspace.id, writeKey: write.key, secretKey: secret.key };
    },
    async graphql(secretKey, query, variables) {
      const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secretKey}` }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as never;
    },
    async ingest(writeKey, path, body) {
      const response = await fetch(`${baseUrl}/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await api.close();
      await segmentProcessor.stop();
      await processor.stop();
      await stopWorker().catch(() => undefined);
      if (!options.temporalEnv) await temporalEnv.teardown();
      await db.close();
    },
  };
  return env;
}
