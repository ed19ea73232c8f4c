import { GraphQLError } from 'graphql';

/** One problem with one input field; `field` is the dotted input path, e.g. `input.eventNames.2`. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Every error a client can act on is a GraphQLError with `extensions.code`
 * (Apollo's vocabulary, so clients already know it). Anything else is a bug:
 * Yoga masks it as "Unexpected error." and logs it.
 */
export const errorCodes = {
  badUserInput: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  queryTooComplex: 'QUERY_TOO_COMPLEX',
  temporalUnavailable: 'TEMPORAL_UNAVAILABLE',
  journeyInvalid: 'JOURNEY_INVALID',
} as const;

export class InputError extends GraphQLError {
  constructor(problems: InputProblem[]) {
    const [first] = problems;
    super(problems.length === 1 ? `${first!.field}: ${first!.message}` : `${problems.length} invalid fields: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, {
      extensions: { code: errorCodes.badUserInput, field: first?.field, problems },
    });
  }
}

export const inputError = (field: string, message: string) => new InputError([{ field, message }]);

export class NotFoundError extends GraphQLError {
  constructor(what: string, field?: string) {
    super(`${what} was not found in this workspace`, { extensions: { code: errorCodes.notFound, ...(field ? { field } : {}) } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: errorCodes.conflict, ...(field ? { field } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: sign in, or send "Authorization: Bearer <secret key>"') {
    super(message, { extensions: { code: errorCodes.unauthenticated, http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(role: string | null) {
    super(`Your role${role ? ` (${role.toLowerCase()})` : ''} does not allow this; ask an admin of the workspace`, { extensions: { code: errorCodes.forbidden, http: { status: 403 } } });
  }
}

export class TemporalUnavailableError extends GraphQLError {
  constructor() {
    super('The workflow engine (Temporal) is not reachable; retry shortly', { extensions: { code: errorCodes.temporalUnavailable, http: { status: 503 } } });
  }
}

/** A journey that cannot be published as drawn: every problem with its node and path. */
export class JourneyInvalidError extends GraphQLError {
  constructor(message: string, problems: Array<{ nodeId?: string; path: string; message: string; severity: string }>) {
    super(message, { extensions: { code: errorCodes.journeyInvalid, problems } });
  }
}
