import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorDetails } from '@/lib/errors';

export interface MutationFailure {
  code?: string;
  message: string;
  /** `extensions.problems` of a BAD_USER_INPUT, or the single `extensions.field`. */
  problems: Array<{ field: string; message: string }>;
}

/** What a failed mutation says, with the input fields it names. */
export function mutationFailure(error: unknown): MutationFailure {
  const { message, code } = errorDetails(error);
  if (!CombinedGraphQLErrors.is(error)) return { code, message, problems: [] };
  const problems: MutationFailure['problems'] = [];
  for (const e of error.errors) {
    const listed = e.extensions?.problems;
    if (Array.isArray(listed)) {
      for (const p of listed) if (p && typeof p.field === 'string' && typeof p.message === 'string') problems.push({ field: p.field, message: p.message });
    } else if (typeof e.extensions?.field === 'string') {
      problems.push({ field: e.extensions.field, message: e.message });
    }
  }
  return { code, message: error.errors[0]?.message ?? message, problems };
}
