import type { Event } from '@tideflow/db';
import type { JsonObject } from '@tideflow/domain';
import type { JourneyEvent } from './journeyRunTypes';

/** A stored event as journeys see it (trigger, signal, goal). */
export function journeyEventOf(event: Pick<Event, 'messageId' | 'name' | 'properties' | 'timestamp'>): JourneyEvent {
  return { messageId: event.messageId, name: event.name, properties: event.properties as JsonObject, timestamp: event.timestamp.toISOString() };
}
