import type { JsonObject } from '../json/json';
import type { SegmentCallType } from './segmentCall';

/** A validated Segment call, normalised: the shape ingestion stores. */
export interface IngestMessage {
  type: SegmentCallType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** alias: the id being folded into userId. */
  previousId: string | null;
  /** group: the account id. */
  groupId: string | null;
  /** The stored event's name: the track event, or the system name of other calls. */
  eventName: string;
  properties: JsonObject;
  /** identify: user traits to merge into the profile. */
  traits: JsonObject | null;
  context: JsonObject;
  /** When it happened, corrected for client clock skew. */
  timestamp: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
  receivedAt: Date;
}

/** Names under which non-track calls appear in timelines and the event catalog. */
export const systemEventNames = {
  page: 'Page Viewed',
  screen: 'Screen Viewed',
  identify: 'User Identified',
  group: 'Group Joined',
  alias: 'User Aliased',
} as const satisfies Record<Exclude<SegmentCallType, 'track'>, string>;
