import { patched } from '@temporalio/workflow';
import type { JourneyRunInput } from '../../journeys/journeyRunTypes';
import { interpretJourney, type JourneyRunResult } from './interpretJourney';

export type { JourneyRunResult } from './interpretJourney';

/**
 * Generations of the journey run workflow. A run replays on the code of the
 * type it started as, so changes that would break runs in flight go either
 * behind `patched()` in the newest type or into a new type; old types stay
 * registered until no run of theirs can be in flight, and the replay test
 * (test/workflows/journeyReplay.test.ts) keeps recorded histories of each.
 *
 * Why a new type rather than more patches: every `patched()` call writes a
 * marker and an upsert of the `TemporalChangeVersion` search attribute into
 * each new run's history, for the life of the patch — on a short run, two
 * patches were 4 of ~22 history events and a visibility write.
 */

/** Current generation: what the ingestion path starts. Sends and webhook calls are local activities. */
export async function journeyRunV3(input: JourneyRunInput): Promise<JourneyRunResult> {
  return interpretJourney(input, { localBookkeeping: true, localSends: true, finalEventCheck: () => true });
}

/** Second generation: sends and webhook calls as ordinary activities. */
export async function journeyRunV2(input: JourneyRunInput): Promise<JourneyRunResult> {
  return interpretJourney(input, { localBookkeeping: true, localSends: false, finalEventCheck: () => true });
}

/** First generation (runs started before journeyRunV2 existed): its patches decide, as when it ran. */
export async function journeyRun(input: JourneyRunInput): Promise<JourneyRunResult> {
  return interpretJourney(input, { localBookkeeping: patched('local-bookkeeping'), localSends: false, finalEventCheck: () => patched('wait-for-event-final-check') });
}
