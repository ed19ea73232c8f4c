import type { JourneyDefinition, JsonObject } from '@tideflow/domain';

/** An event as journeys see it: the trigger, and events signalled to waiting runs. */
export interface JourneyEvent {
  messageId: string;
  name: string;
  properties: JsonObject;
  /** ISO 8601, corrected for clock skew. */
  timestamp: string;
}

export type JourneyStepKind = 'ENTERED' | 'WAITING' | 'BRANCH' | 'CONVERTED' | 'ENDED';

/** One line of a run's step log; `seq` is assigned by the workflow, so retried writes are idempotent. */
export interface JourneyStep {
  seq: number;
  nodeId: string | null;
  kind: JourneyStepKind;
  branch?: string;
  reason?: string;
  messageId?: string;
  /** ISO 8601 (workflow time). */
  at: string;
}

export type JourneyRunEnd = 'COMPLETED' | 'EXITED' | 'CANCELLED' | 'FAILED';

/** Who the run is for and what it interprets: fixed for the run's life. */
export interface JourneyRunIdentity {
  runId: string;
  workspaceId: string;
  journeyId: string;
  journeyName: string;
  version: number;
  userId: string;
  entryNumber: number;
  /** ISO 8601. */
  enteredAt: string;
}

/** What carries over when a long or looping run continues as new. */
export interface JourneyRunState {
  nodeId: string;
  seq: number;
  visits: Record<string, number>;
  context: JsonObject;
  convertedAt: string | null;
  /** Events that happened from here on count for the next wait-for-event: the trigger's time, then the end of each wait. */
  eventsCountFrom: string;
  /** Recent signalled messageIds, so a redelivered event is handled once. */
  seenMessageIds: string[];
}

export interface JourneyRunInput extends JourneyRunIdentity {
  /** The frozen, validated definition of `version`: the run interprets exactly this. */
  definition: JourneyDefinition;
  triggerNodeId: string;
  trigger: JourneyEvent;
  state?: JourneyRunState;
}
