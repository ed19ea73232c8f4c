import type { PrismaClient } from '@tideflow/db';
import { GraphQLError } from 'graphql';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { ApiKeyAuthenticator } from '../auth/apiKeys';
import type { GraphQLContext } from './context';
import { UnauthenticatedError } from './errors';
import { useDocumentLimits } from './documentLimits';
import { useErrorCodes } from './errorCodes';
import { responseCookiesOf, useResponseCookies } from './responseCookies';
import { findSession, readCookie, sessionCookieName } from '../auth/sessions';
import { schema } from './schema';

export interface GraphQLServerOptions {
  prisma: PrismaClient;
  authenticator: ApiKeyAuthenticator;
  ingest: GraphQLContext['ingest'];
  temporal?: GraphQLContext['temporal'];
  secrets: GraphQLContext['secrets'];
  journeyVersions: GraphQLContext['journeyVersions'];
  sql: GraphQLContext['sql'];
  dataDir: string;
  /** Serve GraphiQL at /graphql for browsers (development). */
  graphiql?: boolean;
  /** Origins allowed to call with credentials (the web app). */
  allowedOrigins?: string[];
  logError?: (error: unknown) => void;
}

function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** GraphQL over HTTP at /graphql; tests call `yoga.fetch` directly. */
export function createGraphQLServer(options: GraphQLServerOptions) {
  const logError = options.logError ?? ((error: unknown) => console.error('[graphql] unexpected error', error));
  return createYoga<object, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The bundled GraphiQL: the default page loads its code from a CDN, which offline machines cannot reach.
    renderGraphiQL,
    // Unexpected errors are logged by maskError below; expected ones are the client's business.
    logging: false,
    graphiql: options.graphiql ? { title: 'Tideflow GraphQL', defaultQuery: '{\n  workspace {\n    name\n    stats { users events }\n  }\n}\n' } : false,
    cors: { origin: options.allowedOrigins ?? ['http://localhost:3000'], credentials: true, allowedHeaders: ['content-type', 'authorization', 'graphql-require-preflight'] },
    maskedErrors: {
      maskError: (error) => {
        // Errors raised on purpose (typed, with a code) and graphql-js' own errors reach the client as they are.
        if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) return error;
        logError(error instanceof GraphQLError ? error.originalError : error);
        return new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    plugins: [useDocumentLimits(), useErrorCodes(), useResponseCookies()],
    // CSV uploads for static segments (graphql-multipart-request-spec).
    multipart: true,
    context: async ({ request }): Promise<GraphQLContext> => {
      // A secret key (integrators) wins over a session cookie (the app).
      const token = bearerToken(request.headers.get('authorization'));
      const principal = token ? await options.authenticator.authenticate(token, 'SECRET') : null;
      if (request.headers.get('authorization') && !principal) throw new UnauthenticatedError('Invalid or revoked secret key');
      const sessionToken = principal ? null : readCookie(request.headers.get('cookie'), sessionCookieName);
      const session = sessionToken ? await findSession(options.prisma, sessionToken) : null;
      return {
        prisma: options.prisma,
        workspaceId: principal?.workspaceId ?? session?.workspaceId ?? null,
        apiKeyId: principal?.apiKeyId ?? null,
        session,
        role: principal ? 'ADMIN' : (session?.role ?? null),
        setCookie: (cookie) => responseCookiesOf(request).push(cookie),
        secureRequest: new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
        authenticator: options.authenticator,
        ingest: options.ingest,
        temporal: options.temporal ?? (() => null),
        secrets: options.secrets,
        journeyVersions: options.journeyVersions,
        sql: options.sql,
        dataDir: options.dataDir,
        logError,
      };
    },
  });
}
