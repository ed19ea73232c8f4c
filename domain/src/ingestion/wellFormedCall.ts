import { isJsonObject } from '../json/json';
import { ingestionLimits } from './ingestionLimits';
import { parseIsoDateTime, type SegmentCall, type SegmentCallType } from './segmentCall';

/** Nothing this fast path can vouch for: the caller asks the zod schema, which also explains what is wrong. */
const unsure = Symbol('unsure');
type Unsure = typeof unsure;

const absent = (value: unknown) => value === undefined || value === null;

/** As `Identifier` in segmentCall.ts: a string or finite number, trimmed, blank meaning absent. */
function identifier(value: unknown): string | undefined | Unsure {
  if (absent(value)) return undefined;
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return unsure;
  const text = String(value).trim();
  if (text.length > ingestionLimits.maxIdLength) return unsure;
  return text === '' ? undefined : text;
}

function requiredIdentifier(value: unknown): string | Unsure {
  const id = identifier(value);
  return id === undefined ? unsure : id;
}

function dateTime(value: unknown): Date | undefined | Unsure {
  if (absent(value)) return undefined;
  if (typeof value !== 'string') return unsure;
  return parseIsoDateTime(value) ?? unsure;
}

function object(value: unknown): Record<string, unknown> | undefined | Unsure {
  if (absent(value)) return undefined;
  return isJsonObject(value) ? value : unsure;
}

function requiredText(value: unknown): string | Unsure {
  if (typeof value !== 'string') return unsure;
  const text = value.trim();
  return text.length >= 1 && text.length <= ingestionLimits.maxEventNameLength ? text : unsure;
}

function optionalText(value: unknown): string | undefined | Unsure {
  if (absent(value)) return undefined;
  return typeof value === 'string' && value.length <= ingestionLimits.maxEventNameLength ? value : unsure;
}

/**
 * The output of `segmentCallSchemas[type].safeParse(raw)` for a well-formed
 * call, built by hand: the zod schemas cost more than anything else in
 * validating a batch. Returns null whenever a field is not plainly valid; the
 * schema then decides, and names every problem. A unit test holds the two to
 * the same answers.
 */
export function parseWellFormedCall(type: SegmentCallType, raw: Record<string, unknown>): SegmentCall | null {
  // Built in one object (no spreads): this runs for every message of every batch.
  const call: Record<string, unknown> = {
    type,
    userId: type === 'alias' ? requiredIdentifier(raw.userId) : identifier(raw.userId),
    anonymousId: identifier(raw.anonymousId),
    messageId: identifier(raw.messageId),
    timestamp: dateTime(raw.timestamp),
    originalTimestamp: dateTime(raw.originalTimestamp),
    sentAt: dateTime(raw.sentAt),
    context: object(raw.context),
    integrations: object(raw.integrations),
  };
  if (type === 'track') {
    call.event = requiredText(raw.event);
    call.properties = object(raw.properties);
  } else if (type === 'identify') {
    call.traits = object(raw.traits);
  } else if (type === 'page' || type === 'screen') {
    call.name = optionalText(raw.name);
    call.category = optionalText(raw.category);
    call.properties = object(raw.properties);
  } else if (type === 'group') {
    call.groupId = requiredIdentifier(raw.groupId);
    call.traits = object(raw.traits);
  } else {
    call.previousId = requiredIdentifier(raw.previousId);
  }
  for (const key in call) if (call[key] === unsure) return null;
  // Every call but alias needs one of the two ids (alias requires userId itself).
  if (!call.userId && !call.anonymousId) return null;
  return call as SegmentCall;
}
