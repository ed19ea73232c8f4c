import { z } from 'zod';
import { PropertyFilters } from '../conditions/propertyFilter';
import { RfmBucket } from './rfm';
import { SegmentWindow } from './segmentWindow';

/**
 * The segment language: a tree of AND / OR groups (each may be negated: NOT)
 * over conditions on users' attributes and behaviour. Compiled to one SQL
 * query (compileSegment) for full computation, one-user checks and estimates.
 */

const Name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const Scalar = z.union([z.string().max(10_000), z.number().finite(), z.boolean()]);
const NumberOrDate = z.union([z.number().finite(), z.iso.datetime({ offset: true, message: 'must be a number or an ISO 8601 date-time' }), z.iso.date({ message: 'must be a number or an ISO 8601 date' })]);

/** An event by name, or an event group (several names reported as one, e.g. Purchase). */
export const EventRef = z.discriminatedUnion('kind', [z.object({ kind: z.literal('event'), name: Name }), z.object({ kind: z.literal('group'), name: Name })]);
export type EventRef = z.infer<typeof EventRef>;

export const AttributeOperator = z.enum([
  'equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn', 'exists', 'notExists',
  'greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'between',
  'before', 'after', 'withinLastDays', 'moreThanDaysAgo',
  'isTrue', 'isFalse',
]);
export type AttributeOperator = z.infer<typeof AttributeOperator>;

/** What value each operator needs: the shape checked by validation and used by the builder's forms. */
export const attributeOperatorValue: Record<AttributeOperator, 'none' | 'scalar' | 'list' | 'numberOrDate' | 'range' | 'date' | 'days'> = {
  equals: 'scalar', notEquals: 'scalar', contains: 'scalar', notContains: 'scalar', startsWith: 'scalar', endsWith: 'scalar',
  in: 'list', notIn: 'list', exists: 'none', notExists: 'none',
  greaterThan: 'numberOrDate', greaterOrEqual: 'numberOrDate', lessThan: 'numberOrDate', lessOrEqual: 'numberOrDate', between: 'range',
  before: 'date', after: 'date', withinLastDays: 'days', moreThanDaysAgo: 'days',
  isTrue: 'none', isFalse: 'none',
};

const attributeComparison = {
  operator: AttributeOperator,
  value: Scalar.optional(),
  values: z.array(z.union([z.string().max(10_000), z.number().finite()])).max(10_000, 'may list at most 10,000 values').optional(),
  from: NumberOrDate.optional(),
  to: NumberOrDate.optional(),
  days: z.number().int().min(0).max(36_500).optional(),
};

function checkAttributeValue(condition: { operator: AttributeOperator; value?: unknown; values?: unknown[]; from?: unknown; to?: unknown; days?: number }, ctx: z.RefinementCtx) {
  const need = attributeOperatorValue[condition.operator];
  const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (need === 'scalar' && condition.value === undefined) missing('value', `is required for "${condition.operator}"`);
  if (need === 'list' && !condition.values?.length) missing('values', `must be a non-empty list for "${condition.operator}"`);
  if (need === 'numberOrDate' && (condition.value === undefined || !NumberOrDate.safeParse(condition.value).success)) missing('value', `must be a number or a date for "${condition.operator}"`);
  if (need === 'date' && (typeof condition.value !== 'string' || !NumberOrDate.safeParse(condition.value).success)) missing('value', `must be a date for "${condition.operator}"`);
  if (need === 'days' && condition.days === undefined) missing('days', `is required for "${condition.operator}"`);
  if (need === 'range') {
    if (condition.from === undefined) missing('from', 'is required for "between"');
    if (condition.to === undefined) missing('to', 'is required for "between"');
    if (condition.from !== undefined && condition.to !== undefined && typeof condition.from !== typeof condition.to) missing('to', 'must be of the same kind as from (two numbers or two dates)');
  }
}

/** A system attribute (email, country, lastSeenAt, …) or a custom trait (`plan`, `address.city`). */
export const SegmentAttributeCondition = z.object({ type: z.literal('attribute'), attribute: Name, ...attributeComparison }).superRefine(checkAttributeValue);

export const technologyAttributes = ['platform', 'os', 'browser', 'deviceType', 'deviceModel', 'appVersion'] as const;
/** The device and software a user was last seen with. */
export const SegmentTechnologyCondition = z.object({ type: z.literal('technology'), attribute: z.enum(technologyAttributes), ...attributeComparison }).superRefine(checkAttributeValue);

export const CountRule = z.object({ rule: z.enum(['atLeast', 'exactly', 'atMost']), times: z.number().int().min(0, 'must not be negative').max(1_000_000) });
export type CountRule = z.infer<typeof CountRule>;

/** Did (or did not) do E, with property filters, a count rule and a time window. */
export const SegmentBehaviourCondition = z.object({
  type: z.literal('behaviour'),
  event: EventRef,
  filters: PropertyFilters,
  did: z.boolean().default(true),
  count: CountRule.default({ rule: 'atLeast', times: 1 }),
  window: SegmentWindow.default({ kind: 'ever' }),
});

/** The first (or last) time E happened falls in the window: "first purchase in the last 30 days". */
export const SegmentEventTimeCondition = z.object({ type: z.literal('eventTime'), event: EventRef, filters: PropertyFilters, which: z.enum(['first', 'last']), window: SegmentWindow });

export const AggregateComparison = z.enum(['greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'equals', 'between']);
/** The sum / average / min / max of a numeric property of E in the window: "total Purchase amount ≥ 10,000,000". */
export const SegmentAggregateCondition = z
  .object({
    type: z.literal('aggregate'),
    event: EventRef,
    filters: PropertyFilters,
    property: Name,
    aggregate: z.enum(['sum', 'avg', 'min', 'max']),
    operator: AggregateComparison,
    value: z.number().finite().optional(),
    to: z.number().finite().optional(),
    window: SegmentWindow.default({ kind: 'ever' }),
  })
  .superRefine((c, ctx) => {
    if (c.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'is required' });
    if (c.operator === 'between' && c.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for "between"' });
  });

/** Can be reached on a channel: a usable address or token, and not unsubscribed from it. */
export const SegmentReachabilityCondition = z.object({ type: z.literal('reachability'), channel: z.enum(['email', 'sms', 'push']), reachable: z.boolean().default(true) });

/** Member (or not) of another segment; references may not form a cycle. */
export const SegmentMembershipCondition = z.object({ type: z.literal('segment'), segmentId: z.string().min(1, 'must pick a segment'), member: z.boolean().default(true) });

/** The RFM template: users of a bucket by recency, frequency and monetary value of E. */
export const SegmentRfmCondition = z.object({ type: z.literal('rfm'), event: EventRef, amountProperty: Name, window: SegmentWindow.default({ kind: 'last', amount: 365, unit: 'days' }), bucket: RfmBucket });

export const SegmentCondition = z.discriminatedUnion('type', [
  SegmentAttributeCondition,
  SegmentTechnologyCondition,
  SegmentBehaviourCondition,
  SegmentEventTimeCondition,
  SegmentAggregateCondition,
  SegmentReachabilityCondition,
  SegmentMembershipCondition,
  SegmentRfmCondition,
]);
export type SegmentCondition = z.infer<typeof SegmentCondition>;
export type SegmentConditionOf<T extends SegmentCondition['type']> = Extract<SegmentCondition, { type: T }>;

export interface SegmentGroup {
  type: 'group';
  match: 'all' | 'any';
  /** NOT: users for whom the group does not hold. */
  negate: boolean;
  children: SegmentNode[];
}
export type SegmentNode = SegmentGroup | SegmentCondition;

export const SegmentGroup: z.ZodType<SegmentGroup, unknown> = z.lazy(() =>
  z.object({
    type: z.literal('group'),
    match: z.enum(['all', 'any']).default('all'),
    negate: z.boolean().default(false),
    children: z.array(SegmentNode).max(100, 'may have at most 100 conditions'),
  }),
);
export const SegmentNode: z.ZodType<SegmentNode, unknown> = z.lazy(() => z.union([SegmentGroup, SegmentCondition]));

export const SegmentDefinition = z.object({ root: SegmentGroup });
export type SegmentDefinition = z.infer<typeof SegmentDefinition>;

export const maxSegmentDepth = 8;
export const maxSegmentConditions = 200;
