import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { getPothosPrismaDatamodel, type PothosPrismaTypes, type PrismaClient } from '@tideflow/db';
import type { JsonValue } from '@tideflow/domain';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from './context';
import { errorCodes, ForbiddenError, InputError, UnauthenticatedError } from './errors';

/** A connection costs its page size times its selection. */
export const connectionComplexity = (defaultSize: number) => (args: { first?: number | null; last?: number | null }) => ({ field: 1, multiplier: Math.max(1, args.first ?? args.last ?? defaultSize) });

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PothosPrismaTypes;
  AuthScopes: { workspace: boolean; editor: boolean; admin: boolean; public: boolean };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: JsonValue; Output: unknown };
    JSONObject: { Input: Record<string, JsonValue>; Output: unknown };
    SafeInt: { Input: number; Output: number | bigint };
    File: { Input: File; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      workspace: context.workspaceId !== null,
      editor: context.role === 'ADMIN' || context.role === 'EDITOR',
      admin: context.role === 'ADMIN',
      public: true,
    }),
    // Signed in but not allowed (a viewer changing something) is FORBIDDEN, not UNAUTHENTICATED.
    unauthorizedError: (_parent, context) => (context.workspaceId ? new ForbiddenError(context.role) : new UnauthenticatedError()),
  },
  prisma: {
    client: (context) => context.prisma as PrismaClient,
    dmmf: getPothosPrismaDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // The connection field's multiplier (its page size) already counts the edges.
    edgesFieldOptions: { nullable: false, complexity: { field: 1, multiplier: 1 } },
    nodeFieldOptions: { nullable: false },
  },
  validation: {
    validationError: (result) =>
      new InputError(
        result.issues.map((issue) => ({
          field: (issue.path ?? []).map((segment) => (typeof segment === 'object' ? String(segment.key) : String(segment))).join('.'),
          message: issue.message,
        })),
      ),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 20_000, depth: 12, breadth: 300 },
    complexityError: (kind, result) => {
      const measure = String(kind).toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const max = { complexity: result.maxComplexity, depth: result.maxDepth, breadth: result.maxBreadth }[measure];
      return new GraphQLError(`Query is too ${{ complexity: 'expensive', depth: 'deep', breadth: 'broad' }[measure]}: ${measure} ${result[measure]} exceeds the limit of ${max}`, {
        extensions: { code: errorCodes.queryTooComplex, [measure]: result[measure], limit: max },
      });
    },
  },
});
