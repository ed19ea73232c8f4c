import type { Client } from '@temporalio/client';
import type { MemberRole, PrismaClient, SqlDriver } from '@tideflow/db';
import type { SessionPrincipal } from '../auth/sessions';
import type { ApiKeyAuthenticator } from '../auth/apiKeys';
import { TemporalUnavailableError } from './errors';
import type { IngestionResult } from '../ingestion/ingestMessages';
import type { IngestMessage } from '@tideflow/domain';
import type { JourneyVersionCache, SecretBox } from '@tideflow/workflows';

/** What resolvers share: the database, the caller, and the services mutations use. */
export interface GraphQLContext {
  prisma: PrismaClient;
  /** The caller's workspace; every query and mutation is scoped to it. Null when unauthenticated. */
  workspaceId: string | null;
  apiKeyId: string | null;
  /** A signed-in marketer (the app), or null for a secret key (integrators) and the unauthenticated. */
  session: SessionPrincipal | null;
  /** What the caller may do: a secret key acts as an admin of its workspace. */
  role: MemberRole | null;
  /** Adds a Set-Cookie header to the response (sign-in, sign-out). */
  setCookie(cookie: string): void;
  /** Whether the app reached us over https (the session cookie is then Secure). */
  secureRequest: boolean;
  authenticator: ApiKeyAuthenticator;
  ingest(workspaceId: string, messages: IngestMessage[]): Promise<IngestionResult>;
  /** Temporal, once connected; null while it is unreachable. */
  temporal: () => TemporalAccess | null;
  /** Seals channel secrets (SMTP password, webhook headers). */
  secrets: SecretBox;
  /** Published journey versions (immutable), cached per process. */
  journeyVersions: JourneyVersionCache;
  /** The driver under Prisma, for multi-statement writes (segment membership). */
  sql: SqlDriver;
  /** Where uploads are kept while they are processed. */
  dataDir: string;
  /** Errors of background work started by a request (e.g. processing an upload). */
  logError(error: unknown): void;
}

export interface TemporalAccess {
  client: Client;
  taskQueue: string;
}

/** The caller's workspace id; resolvers only run once the `workspace` auth scope passed. */
export function workspaceOf(context: GraphQLContext): string {
  if (!context.workspaceId) throw new Error('resolver ran without a workspace: the auth scope is missing');
  return context.workspaceId;
}

/** Temporal, or a TEMPORAL_UNAVAILABLE error when it is not reachable. */
export function requireTemporal(context: GraphQLContext): TemporalAccess {
  const temporal = context.temporal();
  if (!temporal) throw new TemporalUnavailableError();
  return temporal;
}
