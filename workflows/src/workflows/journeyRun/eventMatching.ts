import type { ExitCriterion, JourneyGoal, JourneyNodeOf, JsonObject } from '@tideflow/domain';
import { compare, durationMs, matchesPropertyFilters, segmentChangeEvents, valueAtPath } from '@tideflow/domain/journeyRuntime';
import type { JourneyEvent } from '../../journeys/journeyRunTypes';

/** Pure matching of signalled events against what a run waits for (safe in workflow code). */

export function matchesWait(event: JourneyEvent, settings: JourneyNodeOf<'waitForEvent'>['settings'], triggerProperties: JsonObject, countsFromMs: number): boolean {
  if (event.name !== settings.eventName) return false;
  if (Date.parse(event.timestamp) < countsFromMs) return false;
  if (!matchesPropertyFilters(event.properties, settings.filters)) return false;
  if (!settings.matchTrigger) return true;
  const expected = valueAtPath(triggerProperties, settings.matchTrigger.triggerProperty);
  const actual = valueAtPath(event.properties, settings.matchTrigger.eventProperty);
  return expected !== undefined && expected !== null && !Array.isArray(expected) && typeof expected !== 'object' && compare(actual, 'eq', expected);
}

export function matchingExitCriterion(event: JourneyEvent, criteria: readonly ExitCriterion[]): ExitCriterion | undefined {
  return criteria.find((criterion) => criterion.kind === 'event' && criterion.eventName === event.name && matchesPropertyFilters(event.properties, criterion.filters));
}

export function convertsGoal(event: JourneyEvent, goal: JourneyGoal | undefined, enteredAtMs: number): boolean {
  if (!goal || event.name !== goal.eventName) return false;
  const at = Date.parse(event.timestamp);
  return at >= enteredAtMs - 1000 && at <= enteredAtMs + durationMs(goal.within) && matchesPropertyFilters(event.properties, goal.filters);
}

/** A `Segment Entered` / `Segment Exited` event about `segmentId` that makes the user's membership `member`. */
export function segmentChangeMatches(event: JourneyEvent, segmentId: string, member: boolean): boolean {
  return event.properties.segmentId === segmentId && event.name === (member ? segmentChangeEvents.entered : segmentChangeEvents.exited);
}

export function matchingSegmentExit(event: JourneyEvent, criteria: readonly ExitCriterion[]): Extract<ExitCriterion, { kind: 'segment' }> | undefined {
  return criteria.find((c): c is Extract<ExitCriterion, { kind: 'segment' }> => c.kind === 'segment' && segmentChangeMatches(event, c.segmentId, c.member));
}
