import { z } from 'zod';
import type { JsonObject } from '../json/json';
import { ComparisonOperator, ComparisonValue, comparisonValueProblem, describeComparison } from './comparison';

export { matchesPropertyFilters } from './propertyMatching';

/** A filter on an event's properties, e.g. `path eq "/pricing"`, `amount gte 100`, `coupon exists`. */
export const PropertyFilter = z
  .object({
    property: z.string().trim().min(1, 'must name a property').max(255),
    operator: ComparisonOperator,
    value: ComparisonValue.optional(),
  })
  .superRefine((filter, ctx) => {
    const problem = comparisonValueProblem(filter.operator, filter.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type PropertyFilter = z.infer<typeof PropertyFilter>;

export const PropertyFilters = z.array(PropertyFilter).max(50, 'may have at most 50 filters').default([]);

export function describePropertyFilter(filter: PropertyFilter): string {
  return describeComparison(filter.property, filter.operator, filter.value);
}
