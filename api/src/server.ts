import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Database, defaultDataDir } from '@tideflow/db';
import { type JourneyInboxProcessor, JourneyVersionCache, SecretBox, type SegmentInboxProcessor } from '@tideflow/workflows';
import type { IngestMessage } from '@tideflow/domain';
import { ApiKeyAuthenticator } from './auth/apiKeys';
import type { TemporalAccess } from './graphql/context';
import { createGraphQLServer } from './graphql/yoga';
import { sendJson } from './http/jsonResponse';
import { ingestMessages, type IngestionResult } from './ingestion/ingestMessages';
import { corsHeaders, createIngestionRoute, ingestionPaths } from './ingestion/ingestionRoute';

export interface ApiServerOptions {
  db: Database;
  graphiql?: boolean;
  allowedOrigins?: string[];
  /** Called after messages are stored (journeys and segments hook in here). */
  onIngested?: (workspaceId: string, result: IngestionResult) => Promise<void> | void;
  /** Extra health checks reported at /healthz, e.g. Temporal. */
  healthChecks?: Record<string, () => Promise<void>>;
  logError?: (error: unknown) => void;
  /** Temporal, when connected (workflows are started through it). */
  temporal?: () => TemporalAccess | null;
  /** Local state (uploads in progress, the encryption key); defaults to TIDEFLOW_DATA_DIR or `.data`. */
  dataDir?: string;
  /** Seals channel secrets; defaults to the key in TIDEFLOW_ENCRYPTION_KEY or the data directory. */
  secrets?: SecretBox;
  /** Turns ingested events into journey entries and signals; woken after every ingestion. */
  journeyProcessor?: JourneyInboxProcessor;
  /** Keeps live segments current per event; woken after every ingestion. */
  segmentProcessor?: SegmentInboxProcessor;
  journeyVersions?: JourneyVersionCache;
}

export interface ApiServer {
  server: Server;
  graphql: ReturnType<typeof createGraphQLServer>;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** The HTTP API: Segment-compatible ingestion under /v1, GraphQL at /graphql, /healthz. */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const { prisma } = options.db;
  const logError = options.logError ?? ((error: unknown) => console.error('[api]', error));
  const authenticator = new ApiKeyAuthenticator(prisma);
  const ingest = async (workspaceId: string, messages: IngestMessage[]) => {
    const result = await ingestMessages(options.db.sql, workspaceId, messages);
    options.segmentProcessor?.wake();
    options.journeyProcessor?.wake();
    if (options.onIngested) await Promise.resolve(options.onIngested(workspaceId, result)).catch(logError);
    return result;
  };
  const dataDir = options.dataDir ?? process.env.TIDEFLOW_DATA_DIR ?? defaultDataDir;
  const secrets = options.secrets ?? SecretBox.fromEnv(dataDir);
  const journeyVersions = options.journeyVersions ?? new JourneyVersionCache(prisma);
  const graphql = createGraphQLServer({ prisma, authenticator, ingest, graphiql: options.graphiql, allowedOrigins: options.allowedOrigins, logError, temporal: options.temporal, secrets, journeyVersions, sql: options.db.sql, dataDir });
  const handleIngestion = createIngestionRoute({ authenticator, ingest, logError });

  async function health(response: ServerResponse) {
    const checks: Record<string, () => Promise<void>> = { database: async () => void (await prisma.$queryRawUnsafe('SELECT 1')), ...options.healthChecks };
    const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await check().then(() => 'ok', (error: Error) => `unavailable: ${error.message}`)] as const));
    const healthy = results.every(([, status]) => status === 'ok');
    sendJson(response, healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', checks: Object.fromEntries(results) });
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const ingestionPath = /^\/v1\/([a-z]+)\/?$/.exec(url.pathname)?.[1];
    if (ingestionPath !== undefined) {
      if (!ingestionPaths.has(ingestionPath)) return sendJson(response, 404, { error: 'not_found', message: `No such endpoint /v1/${ingestionPath}; use identify, track, page, screen, group, alias or batch` }, corsHeaders);
      if (request.method === 'OPTIONS') {
        response.writeHead(204, corsHeaders);
        return response.end();
      }
      return void handleIngestion(ingestionPath, request, response);
    }
    if (url.pathname === '/graphql') return void graphql(request, response);
    if (url.pathname === '/healthz') return void health(response).catch((error) => sendJson(response, 503, { status: 'down', message: String(error) }));
    if (url.pathname === '/') return sendJson(response, 200, { name: 'Tideflow API', graphql: '/graphql', ingestion: '/v1/{identify,track,page,screen,group,alias,batch}', health: '/healthz' });
    sendJson(response, 404, { error: 'not_found', message: `No route for ${request.method} ${url.pathname}` });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return {
    server,
    graphql,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
