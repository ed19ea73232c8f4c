import { findUnstorableText, unstorableTextProblem } from '@tideflow/domain';
import type { z } from 'zod';
import { inputError } from '../errors';

/**
 * A zod refinement refusing text Postgres cannot store or compare (a NUL
 * character, an unpaired surrogate), so the field is named in a
 * BAD_USER_INPUT error instead of failing as a database error.
 */
export function storableText(text: string, ctx: z.RefinementCtx): void {
  const problem = unstorableTextProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/** The same for a JSON value given to a resolver: throws an InputError naming `field` (and the path below it). */
export function requireStorable(value: unknown, field: string): void {
  const found = findUnstorableText(value);
  if (found) throw inputError(found.path ? `${field}.${found.path}` : field, found.message);
}
