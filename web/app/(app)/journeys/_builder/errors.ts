import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorDetails } from '@/lib/errors';
import type { Problem } from './queries';

export interface ApiError {
  message: string;
  code?: string;
  /** The input field named by `extensions.field`. */
  field?: string;
  /** `extensions.problems` of JOURNEY_INVALID (with node and path) or BAD_USER_INPUT. */
  problems: Problem[];
}

/** The first GraphQL error's code, field and problems (what the builder acts on), else the message. */
export function apiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error) && error.errors[0]) {
    const first = error.errors[0];
    const extensions = (first.extensions ?? {}) as { code?: unknown; field?: unknown; problems?: unknown };
    const problems = Array.isArray(extensions.problems)
      ? extensions.problems.flatMap((p): Problem[] =>
          typeof p === 'object' && p !== null && typeof (p as Problem).message === 'string'
            ? [{ nodeId: (p as Problem).nodeId ?? null, path: String((p as Problem).path ?? ''), message: (p as Problem).message, severity: (p as Problem).severity === 'warning' ? 'warning' : 'error' }]
            : [],
        )
      : [];
    return { message: first.message, code: typeof extensions.code === 'string' ? extensions.code : undefined, field: typeof extensions.field === 'string' ? extensions.field : undefined, problems };
  }
  const details = errorDetails(error);
  return { message: details.message, code: details.code, problems: [] };
}
