import { systemEventNames } from '../ingestion/ingestMessage';
import type { JourneyDefinition } from './journeyDefinition';

/** Stands for "this run's user profile changed": runs with attribute exit criteria listen to it. */
export const profileChangeToken = '$profile';

/** Membership changes, as segments record them (workflows' segmentMembership.ts writes these events). */
export const segmentChangeEvents = { entered: 'Segment Entered', exited: 'Segment Exited' } as const;

/** What every run of a definition listens to for its whole life: exit events, the goal, profile and segment changes. */
export function alwaysListenedEvents(definition: Pick<JourneyDefinition, 'exitCriteria' | 'goal'>): string[] {
  const names = new Set<string>();
  for (const criterion of definition.exitCriteria) {
    if (criterion.kind === 'event') names.add(criterion.eventName);
    else if (criterion.kind === 'attribute') names.add(profileChangeToken);
    else {
      names.add(segmentChangeEvents.entered);
      names.add(segmentChangeEvents.exited);
    }
  }
  if (definition.goal) names.add(definition.goal.eventName);
  return [...names];
}

/** Everything a run of this definition may listen to at some point (adds wait-for-event names). */
export function listenedEvents(definition: Pick<JourneyDefinition, 'exitCriteria' | 'goal' | 'nodes'>): string[] {
  const names = new Set(alwaysListenedEvents(definition));
  for (const node of definition.nodes) {
    if (node.type === 'waitForEvent') names.add(node.settings.eventName);
    if (node.type === 'waitForSegment') {
      names.add(segmentChangeEvents.entered);
      names.add(segmentChangeEvents.exited);
    }
  }
  return [...names];
}

/** Stored event names the journey processor must see for this definition: triggers and listened events. */
export function interestingEventNames(definition: Pick<JourneyDefinition, 'exitCriteria' | 'goal' | 'nodes'>): string[] {
  const names = new Set<string>();
  for (const node of definition.nodes) {
    if (node.type === 'eventTrigger') names.add(node.settings.eventName);
    if (node.type === 'segmentTrigger') names.add(segmentChangeEvents.entered);
  }
  for (const name of listenedEvents(definition)) names.add(name === profileChangeToken ? systemEventNames.identify : name);
  return [...names];
}
