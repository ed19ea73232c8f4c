import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/workflow';

export interface StepFailure {
  /** The provider's or template's error, as the step log shows it. */
  message: string;
  /** Failed without using its retries (a 4xx, a template error). */
  nonRetryable: boolean;
}

/**
 * How a send or webhook call failed, once Temporal has given up on it. An ordinary activity
 * (journeyRunV2) fails with an `ActivityFailure` around the cause; a local activity (journeyRunV3)
 * with the cause itself. Null: not an activity's failure (a bug in the workflow), to be rethrown.
 */
export function stepFailureOf(error: unknown): StepFailure | null {
  if (error instanceof ActivityFailure) return { message: error.cause?.message ?? error.message, nonRetryable: error.retryState === 'NON_RETRYABLE_FAILURE' };
  if (error instanceof ApplicationFailure) return { message: error.message, nonRetryable: error.nonRetryable === true };
  if (error instanceof TemporalFailure) return { message: error.message, nonRetryable: false };
  return null;
}
