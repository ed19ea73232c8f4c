import { z } from 'zod';
import { Duration } from '../conditions/duration';
import { PropertyFilters } from '../conditions/propertyFilter';
import { isValidTimeZone } from '../conditions/timeZones';
import { ConditionGroup } from './journeyCondition';

/**
 * The node types a marketer can draw. Each node: `id`, `type`, optional
 * `label` and canvas `position`, and `settings` typed by `type`. Edges leave
 * a node from a named branch handle (see journeyBranches.ts).
 */

const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const Name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const Key = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -');
/** A Liquid template, checked when a journey is validated. */
const Template = (max: number) => Text(max);
const HttpUrlTemplate = z.string().trim().min(1, 'must not be empty').max(2048);

const base = {
  id: Key,
  label: Text(120).optional(),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).optional(),
};

const node = <T extends string, S extends z.ZodType>(type: T, settings: S) => z.object({ ...base, type: z.literal(type), settings });

// Entry triggers -------------------------------------------------------------

/** "viewed /pricing 2 times within 1 day": enter on the Nth matching event within the window. */
export const OccurrenceRule = z.object({ count: z.number().int().min(2, 'must be at least 2 (1 is the plain trigger)').max(1000), within: Duration });

export const EventTriggerNode = node(
  'eventTrigger',
  z.object({ eventName: Name, filters: PropertyFilters, occurrence: OccurrenceRule.optional() }),
);

/** Entered through the `triggerJourney` GraphQL mutation, with a payload. */
export const ApiTriggerNode = node('apiTrigger', z.object({ description: Text(500).optional() }).default({}));

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24h)');
/** An IANA time zone: an unknown one would only fail when a run reaches the node. */
const TimeZone = z.string().trim().min(1).max(64).refine(isValidTimeZone, 'must be a time zone such as "Europe/Berlin"');

export const AudienceSchedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once'), at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }) }),
  z.object({ kind: z.literal('daily'), time: TimeOfDay }),
  z.object({ kind: z.literal('weekly'), time: TimeOfDay, weekdays: z.array(Weekday).min(1, 'pick at least one weekday') }),
  z.object({ kind: z.literal('monthly'), time: TimeOfDay, dayOfMonth: z.number().int().min(1).max(31) }),
]);
export type AudienceSchedule = z.infer<typeof AudienceSchedule>;

/** Everyone matching a filter enters, once or on a schedule in a time zone (a Temporal Schedule). */
export const ScheduleTriggerNode = node(
  'scheduleTrigger',
  z.object({
    audience: z.object({ match: z.enum(['all', 'any']).default('all'), conditions: ConditionGroup.shape.conditions.optional() }).default({ match: 'all' }),
    schedule: AudienceSchedule,
    timezone: TimeZone.default('UTC'),
  }),
);

/** A user entering a segment (wired in the segments issue). */
export const SegmentTriggerNode = node('segmentTrigger', z.object({ segmentId: z.string().min(1, 'must pick a segment') }));

// Flow ---------------------------------------------------------------------

export const WaitNode = node('wait', z.object({ duration: Duration }));

export const WaitUntilSettings = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('absolute'), at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }) }),
  /** A date taken from the user (`renewalDate`) or the trigger event (`properties.checkIn`), optionally shifted. */
  z.object({
    mode: z.literal('attribute'),
    source: z.enum(['user', 'triggerEvent']),
    path: Name,
    offset: z.object({ direction: z.enum(['before', 'after']), duration: Duration }).optional(),
  }),
  /** The next allowed time of day on allowed weekdays, in the user's time zone. */
  z.object({ mode: z.literal('timeOfDay'), time: TimeOfDay, weekdays: z.array(Weekday).min(1, 'pick at least one weekday').default(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), fallbackTimezone: TimeZone.default('UTC') }),
]);
export type WaitUntilSettings = z.infer<typeof WaitUntilSettings>;
export const WaitUntilNode = node('waitUntil', WaitUntilSettings);

/** Waits for an event, optionally the one with the same key as the trigger (same cartId); branches `matched` and `timeout`. */
export const WaitForEventNode = node(
  'waitForEvent',
  z.object({
    eventName: Name,
    filters: PropertyFilters,
    matchTrigger: z.object({ eventProperty: Name, triggerProperty: Name }).optional(),
    timeout: Duration,
  }),
);

/** Waits until the user is (or is no longer) in a segment; branches `matched` and `timeout`. */
export const WaitForSegmentNode = node(
  'waitForSegment',
  z.object({ segmentId: z.string().min(1, 'must pick a segment'), member: z.boolean().default(true), timeout: Duration }),
);

export const ConditionSplitNode = node(
  'conditionSplit',
  z.object({
    /** Checked in order; the first that holds wins, otherwise `else`. */
    branches: z.array(z.object({ key: Key, label: Text(120).optional(), when: ConditionGroup })).min(1, 'needs at least one branch').max(20, 'may have at most 20 branches'),
  }),
);

export const RandomSplitNode = node(
  'randomSplit',
  z.object({
    branches: z.array(z.object({ key: Key, label: Text(120).optional(), percent: z.number().min(0).max(100) })).min(1, 'needs at least one branch').max(10, 'may have at most 10 branches'),
    /** Users drawn into the control group leave the journey without messages and are reported. */
    controlPercent: z.number().min(0).max(100).default(0),
  }),
);

// Actions ------------------------------------------------------------------

const Header = z.object({ name: z.string().trim().min(1).max(128).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a valid HTTP header name'), value: Template(4096) });
export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Body fields built from user and event data: `{ "email": "{{ user.email }}" }`. */
const FieldMapping = z.array(z.object({ key: Name, value: Template(4096) })).max(100);

export const EmailMessage = z.object({
  channel: z.literal('email'),
  subject: Template(998).pipe(z.string().trim().min(1, 'must not be empty')),
  html: Template(500_000).pipe(z.string().trim().min(1, 'must not be empty')),
  text: Template(500_000).optional(),
  fromName: Template(255).optional(),
  fromEmail: z.email('must be an email address').optional(),
  replyTo: z.email('must be an email address').optional(),
});

export const WebhookMessage = z.object({
  channel: z.literal('webhook'),
  url: HttpUrlTemplate,
  method: HttpMethod.default('POST'),
  headers: z.array(Header).max(50).default([]),
  body: Template(500_000).optional(),
  fields: FieldMapping.optional(),
});

export const MessageSettings = z.discriminatedUnion('channel', [EmailMessage, WebhookMessage]);
export type MessageSettings = z.infer<typeof MessageSettings>;
/** Branches `sent` and `failed`. */
export const SendMessageNode = node('sendMessage', MessageSettings);

const AttributeName = Name.refine((name) => !name.startsWith('$'), 'must not start with $');
export const UserUpdate = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), attribute: AttributeName, value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]) }),
  z.object({ op: z.literal('unset'), attribute: AttributeName }),
  z.object({ op: z.literal('increment'), attribute: AttributeName, by: z.number().finite().default(1) }),
  z.object({ op: z.literal('addTag'), tag: Name }),
  z.object({ op: z.literal('removeTag'), tag: Name }),
  /** Static segments only: live ones follow their definition. */
  z.object({ op: z.literal('addToSegment'), segmentId: z.string().min(1, 'must pick a static segment') }),
  z.object({ op: z.literal('removeFromSegment'), segmentId: z.string().min(1, 'must pick a static segment') }),
]);
export type UserUpdate = z.infer<typeof UserUpdate>;
export const UpdateUserNode = node('updateUser', z.object({ updates: z.array(UserUpdate).min(1, 'needs at least one update').max(50) }));

/** Calls an HTTP endpoint; the response is saved in the journey context; branches `ok` / `failed`. */
export const WebhookNode = node(
  'webhook',
  z.object({
    url: HttpUrlTemplate,
    method: HttpMethod.default('POST'),
    headers: z.array(Header).max(50).default([]),
    body: Template(500_000).optional(),
    fields: FieldMapping.optional(),
    saveResponseAs: Key.optional(),
    timeoutSeconds: z.number().int().min(1).max(60).default(10),
    retry: z.object({ maximumAttempts: z.number().int().min(1).max(10).default(3), initialIntervalSeconds: z.number().min(0.1).max(600).default(1) }).default({ maximumAttempts: 3, initialIntervalSeconds: 1 }),
  }),
);

export const EndNode = node('end', z.object({}).default({}));

export const JourneyNode = z.discriminatedUnion('type', [
  EventTriggerNode,
  ApiTriggerNode,
  ScheduleTriggerNode,
  SegmentTriggerNode,
  WaitNode,
  WaitUntilNode,
  WaitForEventNode,
  WaitForSegmentNode,
  ConditionSplitNode,
  RandomSplitNode,
  SendMessageNode,
  UpdateUserNode,
  WebhookNode,
  EndNode,
]);
export type JourneyNode = z.infer<typeof JourneyNode>;
export type JourneyNodeType = JourneyNode['type'];
export type JourneyNodeOf<T extends JourneyNodeType> = Extract<JourneyNode, { type: T }>;

export const triggerNodeTypes = ['eventTrigger', 'apiTrigger', 'scheduleTrigger', 'segmentTrigger'] as const satisfies readonly JourneyNodeType[];
export type TriggerNode = JourneyNodeOf<(typeof triggerNodeTypes)[number]>;
export function isTriggerNode(node: JourneyNode): node is TriggerNode {
  return (triggerNodeTypes as readonly string[]).includes(node.type);
}
/** Nodes a run may sit in for a while (every loop must pass through one). */
export const waitingNodeTypes: ReadonlySet<JourneyNodeType> = new Set(['wait', 'waitUntil', 'waitForEvent', 'waitForSegment']);

/** Every segment a journey node refers to (triggers, conditions, waits, updates). */
export function segmentIdsOfNode(node: JourneyNode): string[] {
  switch (node.type) {
    case 'segmentTrigger':
    case 'waitForSegment':
      return [node.settings.segmentId];
    case 'conditionSplit':
      return node.settings.branches.flatMap((b) => b.when.conditions.flatMap((c) => (c.kind === 'segment' ? [c.segmentId] : [])));
    case 'scheduleTrigger':
      return (node.settings.audience.conditions ?? []).flatMap((c) => (c.kind === 'segment' ? [c.segmentId] : []));
    case 'updateUser':
      return node.settings.updates.flatMap((u) => (u.op === 'addToSegment' || u.op === 'removeFromSegment' ? [u.segmentId] : []));
    default:
      return [];
  }
}
