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

export interface FieldErrors {
  /** Messages by input path (`input.smtpPort`, `filter.attributes.0.value`), from `extensions.problems` or `extensions.field`. */
  byField: Record<string, string>;
  /** What to show above the submit button: the message of an error no field in `known` claims (null when every problem has its field). */
  general: string | null;
}

/**
 * Splits a mutation's error into messages next to fields and one general message.
 * `known` are the input paths the form shows (a prefix matches deeper paths too:
 * `input.headers` claims `input.headers.0.value`).
 */
export function fieldErrors(error: unknown, known: readonly string[] = []): FieldErrors {
  if (!error) return { byField: {}, general: null };
  const byField: Record<string, string> = {};
  let unclaimed = false;
  const claims = (field: string) => known.some((k) => field === k || field.startsWith(`${k}.`));
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const problems = e.extensions?.problems;
      const field = e.extensions?.field;
      if (Array.isArray(problems) && problems.length) {
        for (const problem of problems as Array<{ field?: unknown; message?: unknown }>) {
          if (typeof problem.field !== 'string' || typeof problem.message !== 'string') continue;
          byField[problem.field] ??= problem.message;
          if (!claims(problem.field)) unclaimed = true;
        }
      } else if (typeof field === 'string') {
        byField[field] ??= e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
        if (!claims(field)) unclaimed = true;
      } else {
        unclaimed = true;
      }
    }
  } else {
    unclaimed = true;
  }
  return { byField, general: unclaimed ? errorDetails(error).message : null };
}
