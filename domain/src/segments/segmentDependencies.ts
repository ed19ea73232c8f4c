import { systemEventNames } from '../ingestion/ingestMessage';
import { segmentChangeEvents } from '../journeys/journeyListening';
import type { SegmentCondition, SegmentDefinition, SegmentNode } from './segmentDefinition';
import { isSlidingWindow } from './segmentWindow';

/** What a live segment's membership can change on. */
export interface SegmentDependencies {
  /** Event names whose arrival re-checks the user (groups expanded; `User Identified` for profile conditions, `Segment Entered` / `Exited` for membership ones). */
  events: string[];
  /** Attributes, technology or reachability: profile changes matter. */
  profile: boolean;
  /** Sliding windows, relative dates, RFM: time alone moves users in or out (the periodic sweep). */
  timeSensitive: boolean;
  /** Segments it refers to. */
  references: string[];
  /** Conditions a one-user check cannot decide alone (RFM scores are relative): re-checked by the sweep only. */
  sweepOnly: boolean;
}

function conditionsOf(node: SegmentNode): SegmentCondition[] {
  return node.type === 'group' ? node.children.flatMap(conditionsOf) : [node];
}

export function segmentDependencies(definition: SegmentDefinition, eventGroups: ReadonlyMap<string, readonly string[]>): SegmentDependencies {
  const events = new Set<string>();
  const references = new Set<string>();
  let profile = false;
  let timeSensitive = false;
  let sweepOnly = false;
  for (const condition of conditionsOf(definition.root)) {
    switch (condition.type) {
      case 'attribute':
      case 'technology':
        profile = true;
        if (condition.operator === 'withinLastDays' || condition.operator === 'moreThanDaysAgo') timeSensitive = true;
        break;
      case 'reachability':
        profile = true;
        break;
      case 'segment':
        // Membership moved by anything (the processor, the sweep, an upload, a journey step) is recorded as these events.
        references.add(condition.segmentId);
        events.add(segmentChangeEvents.entered);
        events.add(segmentChangeEvents.exited);
        break;
      case 'behaviour':
      case 'eventTime':
      case 'aggregate':
      case 'rfm': {
        const names = condition.event.kind === 'event' ? [condition.event.name] : (eventGroups.get(condition.event.name) ?? []);
        for (const name of names) events.add(name);
        if (isSlidingWindow(condition.window)) timeSensitive = true;
        if (condition.type === 'rfm') {
          timeSensitive = true;
          sweepOnly = true;
        }
        break;
      }
    }
  }
  if (profile) events.add(systemEventNames.identify);
  return { events: [...events].sort(), profile, timeSensitive, references: [...references].sort(), sweepOnly };
}
