import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { errorCodes } from './errors';

export interface DocumentLimits {
  /** Most `{`, `[` and `(` open at once anywhere in the document. */
  maxNesting: number;
  /** Most lexical tokens graphql-js may read before giving up. */
  maxTokens: number;
}

export const defaultDocumentLimits: DocumentLimits = { maxNesting: 64, maxTokens: 50_000 };

/**
 * Deepest bracket nesting of a GraphQL document, skipping strings and comments.
 * graphql-js parses recursively, so a document nested thousands deep overflows
 * the stack before any depth rule can run; this cheap scan refuses it first.
 */
export function nestingDepthOf(source: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (char === '{' || char === '[' || char === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** Refuses over-nested or over-long documents with a typed error instead of a stack overflow. */
export function useDocumentLimits(limits: DocumentLimits = defaultDocumentLimits): Plugin {
  return {
    onParse({ params, setParseFn, parseFn }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (nestingDepthOf(source, limits.maxNesting) > limits.maxNesting) {
        throw new GraphQLError(`The document is nested more than ${limits.maxNesting} levels deep; pass deep values as variables`, {
          extensions: { code: errorCodes.queryTooComplex, limit: limits.maxNesting },
        });
      }
      setParseFn((document, options) => parseFn(document, { ...options, maxTokens: limits.maxTokens }));
    },
  };
}
