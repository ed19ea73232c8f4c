import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { JourneyEvent } from './journeyRunTypes';

/** Events for a running journey: what it waits for, exit criteria, the goal. Routed only to runs that listen to the name. */
export const journeyEventsSignal = defineSignal<[JourneyEvent[]]>('journeyEvents');

/** Ends the run at once, even mid-wait (an attribute exit criterion matched, found by the processor). */
export const exitJourneySignal = defineSignal<[{ reason: string }]>('exitJourney');

export interface JourneyRunSnapshot {
  nodeId: string;
  waiting: string | null;
  context: Record<string, unknown>;
  convertedAt: string | null;
}

export const journeyRunSnapshotQuery = defineQuery<JourneyRunSnapshot>('journeyRunSnapshot');
