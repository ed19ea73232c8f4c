import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface ErrorDetails {
  message: string;
  /** `extensions.code` of a GraphQL error (UNAUTHENTICATED, API_UNAVAILABLE, …), or the HTTP status. */
  code?: string;
}

/** What to show for an error from Apollo Client (or anything else thrown). */
export function errorDetails(error: unknown): ErrorDetails {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors.map((e) => e.extensions?.code).find((c): c is string => typeof c === 'string');
    return { message: error.message, code };
  }
  if (ServerError.is(error)) return { message: error.message, code: `HTTP ${error.statusCode}` };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}
