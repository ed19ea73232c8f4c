import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Errors graphql-js raises before any resolver runs carry no code; give them
 * Apollo's codes so every error a client sees has `extensions.code`.
 */
export function codeOf(error: GraphQLError): string | null {
  if (error.extensions?.code) return null;
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (error.message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  if (!error.originalError) return 'GRAPHQL_VALIDATION_FAILED';
  return null;
}

function withCode(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const code = codeOf(error);
  if (!code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result) || !result.errors?.length) return;
      setResult({ ...result, errors: result.errors.map(withCode) as GraphQLError[] });
    },
  };
}
