import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@tideflow/db';
import type { ApiKeyAuthenticator } from '../auth/apiKeys';
import type { IngestionResult } from '../ingestion/ingestMessages';
import type { IngestMessage } from '@tideflow/domain';

/** What resolvers share: the database, the caller, and the services mutations use. */
export interface GraphQLContext {
  prisma: PrismaClient;
  /** The caller's workspace; every query and mutation is scoped to it. Null when unauthenticated. */
  workspaceId: string | null;
  apiKeyId: string | null;
  authenticator: ApiKeyAuthenticator;
  ingest(workspaceId: string, messages: IngestMessage[]): Promise<IngestionResult>;
  /** Temporal, once connected; null while it is unreachable. */
  temporal: () => TemporalAccess | null;
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
