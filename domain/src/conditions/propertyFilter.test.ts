import { PropertyFilter, PropertyFilters, describePropertyFilter, matchesPropertyFilters } from './propertyFilter';

const issuesOf = (input: unknown) => {
  const result = PropertyFilter.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('PropertyFilter schema', () => {
  it('accepts a filter and trims the property name', () => {
    expect(PropertyFilter.parse({ property: ' amount ', operator: 'gte', value: 100 })).toEqual({ property: 'amount', operator: 'gte', value: 100 });
    expect(PropertyFilter.parse({ property: 'coupon', operator: 'exists' })).toEqual({ property: 'coupon', operator: 'exists' });
    expect(PropertyFilter.parse({ property: 'plan', operator: 'in', value: ['pro', 'team'] })).toEqual({ property: 'plan', operator: 'in', value: ['pro', 'team'] });
  });

  it('reports a missing value at `value`', () => {
    expect(issuesOf({ property: 'path', operator: 'eq' })).toEqual([{ path: 'value', message: 'is required for operator "eq"' }]);
  });

  it('requires a list for `in` and `notIn`', () => {
    expect(issuesOf({ property: 'plan', operator: 'in', value: 'pro' })).toEqual([{ path: 'value', message: 'must be a non-empty list for operator "in"' }]);
    expect(issuesOf({ property: 'plan', operator: 'notIn', value: [] })).toEqual([{ path: 'value', message: 'must be a non-empty list for operator "notIn"' }]);
  });

  it('refuses a list for single-value operators and text for ordering ones', () => {
    expect(issuesOf({ property: 'plan', operator: 'eq', value: ['pro'] })).toEqual([{ path: 'value', message: 'must be a single value for operator "eq" (use "in" for a list)' }]);
    expect(issuesOf({ property: 'amount', operator: 'gt', value: 'lots' })).toEqual([{ path: 'value', message: 'must be a number or a date for operator "gt"' }]);
  });

  it('refuses an empty property, an unknown operator and an object value', () => {
    expect(issuesOf({ property: '  ', operator: 'exists' })).toEqual([{ path: 'property', message: 'must name a property' }]);
    expect(issuesOf({ property: 'a', operator: 'like', value: 'x' }).map((i) => i.path)).toEqual(['operator']);
    expect(issuesOf({ property: 'a', operator: 'eq', value: { x: 1 } }).map((i) => i.path)).toEqual(['value']);
  });

  it('PropertyFilters defaults to none and allows at most 50', () => {
    expect(PropertyFilters.parse(undefined)).toEqual([]);
    const filter = { property: 'a', operator: 'exists' };
    expect(PropertyFilters.safeParse(Array(50).fill(filter)).success).toBe(true);
    const tooMany = PropertyFilters.safeParse(Array(51).fill(filter));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toBe('may have at most 50 filters');
  });
});

describe('matchesPropertyFilters', () => {
  const properties = { path: '/pricing', amount: '120', coupon: 'SPRING', cart: { items: [{ sku: 'A-1' }] }, 'utm.source': 'ads' };
  const filter = (input: unknown) => PropertyFilter.parse(input);

  it('matches everything with no filters', () => {
    expect(matchesPropertyFilters(properties, [])).toBe(true);
    expect(matchesPropertyFilters({}, [])).toBe(true);
  });

  it('needs every filter to hold (AND)', () => {
    const path = filter({ property: 'path', operator: 'eq', value: '/pricing' });
    const amount = filter({ property: 'amount', operator: 'gte', value: 100 });
    const big = filter({ property: 'amount', operator: 'gt', value: 500 });
    expect(matchesPropertyFilters(properties, [path, amount])).toBe(true);
    expect(matchesPropertyFilters(properties, [path, big])).toBe(false);
    expect(matchesPropertyFilters(properties, [big, path])).toBe(false);
  });

  it('reads nested paths, flat dotted keys and missing properties', () => {
    expect(matchesPropertyFilters(properties, [filter({ property: 'cart.items.0.sku', operator: 'eq', value: 'a-1' })])).toBe(true);
    expect(matchesPropertyFilters(properties, [filter({ property: 'utm.source', operator: 'in', value: ['ads', 'social'] })])).toBe(true);
    expect(matchesPropertyFilters(properties, [filter({ property: 'referrer', operator: 'notExists' })])).toBe(true);
    expect(matchesPropertyFilters(properties, [filter({ property: 'referrer', operator: 'eq', value: 'x' })])).toBe(false);
  });

  it('describes a filter', () => {
    expect(describePropertyFilter(filter({ property: 'amount', operator: 'gte', value: 100 }))).toBe('amount ≥ 100');
    expect(describePropertyFilter(filter({ property: 'coupon', operator: 'exists' }))).toBe('coupon exists');
  });
});
