import { z } from 'zod';
import { ComparisonOperator, ComparisonValue, comparisonValueProblem } from '../conditions/comparison';
import { Duration } from '../conditions/duration';
import { PropertyFilters } from '../conditions/propertyFilter';

const withValueCheck = <T extends z.ZodType<{ operator: ComparisonOperator; value?: ComparisonValue }>>(schema: T) =>
  schema.superRefine((condition, ctx) => {
    const problem = comparisonValueProblem(condition.operator, condition.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

const Path = z.string().trim().min(1, 'must not be empty').max(255);

/** A user attribute: a system attribute (email, country, …) or a custom trait ("plan", "address.city"). */
export const AttributeCondition = withValueCheck(z.object({ kind: z.literal('attribute'), attribute: Path, operator: ComparisonOperator, value: ComparisonValue.optional() }));

/** A property of the event that started the run. */
export const TriggerPropertyCondition = withValueCheck(z.object({ kind: z.literal('triggerProperty'), property: Path, operator: ComparisonOperator, value: ComparisonValue.optional() }));

/** A value the journey saved on the way, e.g. a webhook response (`scoring.body.tier`). */
export const ContextCondition = withValueCheck(z.object({ kind: z.literal('context'), path: Path, operator: ComparisonOperator, value: ComparisonValue.optional() }));

/** Did (or did not) do event E at least N times in the last X. */
export const BehaviourCondition = z.object({
  kind: z.literal('behaviour'),
  eventName: z.string().trim().min(1, 'must name an event').max(255),
  filters: PropertyFilters,
  did: z.boolean().default(true),
  atLeast: z.number().int().min(1, 'must be at least 1').max(1_000_000).default(1),
  within: Duration,
});

/** Member (or not) of a segment: evaluated once segments exist (see the segments issue). */
export const InSegmentCondition = z.object({ kind: z.literal('segment'), segmentId: z.string().min(1), member: z.boolean().default(true) });

export const JourneyCondition = z.discriminatedUnion('kind', [AttributeCondition, TriggerPropertyCondition, ContextCondition, BehaviourCondition, InSegmentCondition]);
export type JourneyCondition = z.infer<typeof JourneyCondition>;
export type BehaviourCondition = z.infer<typeof BehaviourCondition>;

/** Conditions joined by AND (`all`) or OR (`any`). */
export const ConditionGroup = z.object({
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(JourneyCondition).min(1, 'needs at least one condition').max(50, 'may have at most 50 conditions'),
});
export type ConditionGroup = z.infer<typeof ConditionGroup>;
