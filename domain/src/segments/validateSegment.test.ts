import type { AttributeType } from '../attributes/attributeType';
import { attributeTypeOf, type SegmentCatalog, validateSegment } from './validateSegment';

const all = (...children: unknown[]) => ({ root: { type: 'group', match: 'all', children } });
const problemsOf = (input: unknown, catalog?: SegmentCatalog) => validateSegment(input, catalog).problems;
const exists = { type: 'attribute', attribute: 'plan', operator: 'exists' };

const catalog: SegmentCatalog = {
  attributes: new Map<string, AttributeType>([['plan', 'STRING'], ['age', 'NUMBER'], ['vip', 'BOOLEAN'], ['signup', 'DATE'], ['tags', 'ARRAY'], ['address', 'OBJECT']]),
  events: new Set(['Order Completed', 'Product Viewed']),
  eventGroups: new Set(['Purchase']),
  segments: new Map([
    ['s1', { name: 'One', references: ['s2'] }],
    ['s2', { name: 'Two', references: ['s4'] }],
    ['s3', { name: 'Three', references: [] }],
    ['s4', { name: 'Four', references: ['self'] }],
    ['s5', { name: 'Five', references: ['s6'] }],
    ['s6', { name: 'Six', references: ['s5'] }],
  ]),
  selfId: 'self',
};

describe('the shape of the tree', () => {
  it.each([
    ['nothing', null],
    ['no root', {}],
    ['a root that is not an object', { root: [] }],
  ])('%s: the root must be a group', (_name, input) => {
    expect(problemsOf(input)).toEqual([{ path: 'root', message: 'must be a group: { "type": "group", "match": "all", "children": [...] }' }]);
  });

  it('a condition as the root', () => {
    expect(problemsOf({ root: exists })).toEqual([{ path: 'root.type', message: 'the root must be a group' }]);
  });

  it('bad match, negate and children, each with its path', () => {
    expect(problemsOf({ root: { type: 'group', match: 'some', children: [] } })).toEqual([{ path: 'root.match', message: 'must be "all" (AND) or "any" (OR)' }]);
    expect(problemsOf({ root: { type: 'group', negate: 'yes', children: [] } })).toEqual([{ path: 'root.negate', message: 'must be true or false' }]);
    expect(problemsOf({ root: { type: 'group', children: 'x' } })).toEqual([{ path: 'root.children', message: 'must be a list of groups and conditions' }]);
    expect(problemsOf(all(exists, 42))).toEqual([{ path: 'root.children.1', message: 'must be a group or a condition' }]);
    expect(problemsOf(all(exists, { type: 'group', match: 'any', children: [exists, { type: 'group', match: 'xor', children: [] }] }))).toEqual([{ path: 'root.children.1.children.1.match', message: 'must be "all" (AND) or "any" (OR)' }]);
  });

  it('an unknown or missing condition type', () => {
    const expected = [{ path: 'root.children.0.type', message: expect.stringContaining("Expected 'attribute' | 'technology' | 'behaviour'") }];
    expect(problemsOf(all({ type: 'magic' }))).toEqual(expected);
    expect(problemsOf(all({ attribute: 'plan', operator: 'exists' }))).toEqual(expected);
  });

  it('nesting: 8 groups deep is allowed, the 9th is reported where it is', () => {
    let node: unknown = exists;
    for (let i = 0; i < 8; i++) node = { type: 'group', match: 'all', children: [node] };
    expect(validateSegment({ root: node }).ok).toBe(true);
    expect(problemsOf({ root: { type: 'group', children: [node] } })).toEqual([{ path: `root${'.children.0'.repeat(8)}`, message: 'nests groups more than 8 deep' }]);
  });

  it('size: at most 100 children in a group and 200 conditions in all', () => {
    expect(problemsOf(all(...Array.from({ length: 101 }, () => exists)))).toEqual([{ path: 'root.children', message: 'may have at most 100 conditions' }]);
    const half = { type: 'group', match: 'all', children: Array.from({ length: 100 }, () => exists) };
    expect(validateSegment(all(half, half)).ok).toBe(true);
    expect(problemsOf(all(half, half, exists))).toEqual([{ path: 'root', message: 'has 201 conditions; a segment may have at most 200' }]);
  });

  it('every problem is reported, not only the first', () => {
    expect(problemsOf(all({ type: 'attribute', attribute: 'plan', operator: 'equals' }, { type: 'segment', segmentId: '' }, { type: 'magic' })).map((p) => p.path)).toEqual([
      'root.children.0.value',
      'root.children.1.segmentId',
      'root.children.2.type',
    ]);
  });
});

describe('values each operator needs', () => {
  const attribute = (operator: string, rest: object = {}) => problemsOf(all({ type: 'attribute', attribute: 'plan', operator, ...rest }));

  it.each(['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'])('%s needs a value', (operator) => {
    expect(attribute(operator)).toEqual([{ path: 'root.children.0.value', message: `is required for "${operator}"` }]);
    expect(attribute(operator, { value: '' })).toEqual([]);
  });

  it.each(['in', 'notIn'])('%s needs a non-empty list', (operator) => {
    expect(attribute(operator)).toEqual([{ path: 'root.children.0.values', message: `must be a non-empty list for "${operator}"` }]);
    expect(attribute(operator, { values: [] })).toEqual([{ path: 'root.children.0.values', message: `must be a non-empty list for "${operator}"` }]);
    expect(attribute(operator, { values: ['a', 1] })).toEqual([]);
  });

  it.each(['greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual'])('%s needs a number or a date', (operator) => {
    const problem = [{ path: 'root.children.0.value', message: `must be a number or a date for "${operator}"` }];
    expect(attribute(operator)).toEqual(problem);
    expect(attribute(operator, { value: 'abc' })).toEqual(problem);
    expect(attribute(operator, { value: '42' })).toEqual(problem);
    expect(attribute(operator, { value: true })).toEqual(problem);
    for (const value of [42, -0.5, '2026-03-05', '2026-03-05T08:00:00Z', '2026-03-05T10:00:00+02:00']) expect(attribute(operator, { value })).toEqual([]);
  });

  it.each(['before', 'after'])('%s needs a date', (operator) => {
    const problem = [{ path: 'root.children.0.value', message: `must be a date for "${operator}"` }];
    expect(attribute(operator)).toEqual(problem);
    expect(attribute(operator, { value: 5 })).toEqual(problem);
    expect(attribute(operator, { value: 'yesterday' })).toEqual(problem);
    expect(attribute(operator, { value: '2026-02-30' })).toEqual(problem);
    expect(attribute(operator, { value: '2026-03-05' })).toEqual([]);
  });

  it.each(['withinLastDays', 'moreThanDaysAgo'])('%s needs whole days from 0', (operator) => {
    expect(attribute(operator)).toEqual([{ path: 'root.children.0.days', message: `is required for "${operator}"` }]);
    expect(attribute(operator, { days: -1 }).map((p) => p.path)).toEqual(['root.children.0.days']);
    expect(attribute(operator, { days: 1.5 }).map((p) => p.path)).toEqual(['root.children.0.days']);
    expect(attribute(operator, { days: 0 })).toEqual([]);
  });

  it('between needs from and to, of the same kind', () => {
    expect(attribute('between')).toEqual([
      { path: 'root.children.0.from', message: 'is required for "between"' },
      { path: 'root.children.0.to', message: 'is required for "between"' },
    ]);
    expect(attribute('between', { from: 1, to: '2026-03-05' })).toEqual([{ path: 'root.children.0.to', message: 'must be of the same kind as from (two numbers or two dates)' }]);
    expect(attribute('between', { from: 1, to: 5 })).toEqual([]);
    expect(attribute('between', { from: '2026-03-01', to: '2026-03-05T00:00:00Z' })).toEqual([]);
  });

  it.each(['exists', 'notExists', 'isTrue', 'isFalse'])('%s needs nothing', (operator) => {
    expect(attribute(operator)).toEqual([]);
  });

  it('an unknown operator', () => {
    expect(attribute('like', { value: 'x' })).toEqual([{ path: 'root.children.0.operator', message: expect.stringContaining('Invalid option') }]);
  });

  it('technology: the same operators, on a fixed list of attributes', () => {
    expect(problemsOf(all({ type: 'technology', attribute: 'os', operator: 'equals' }))).toEqual([{ path: 'root.children.0.value', message: 'is required for "equals"' }]);
    expect(problemsOf(all({ type: 'technology', attribute: 'cpu', operator: 'exists' }))).toEqual([{ path: 'root.children.0.attribute', message: expect.stringContaining('Invalid option') }]);
  });

  it('behaviour: event name, count, window and filters', () => {
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: ' ' }, count: { rule: 'atLeast', times: -1 }, window: { kind: 'last', amount: 0, unit: 'days' } }))).toEqual([
      { path: 'root.children.0.event.name', message: 'must not be empty' },
      { path: 'root.children.0.count.times', message: 'must not be negative' },
      { path: 'root.children.0.window.amount', message: 'must be at least 1' },
    ]);
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: 'E' }, window: { kind: 'between', from: '2026-03-05T00:00:00Z', to: '2026-03-05T00:00:00Z' } }))).toEqual([{ path: 'root.children.0.window.to', message: 'must end after it starts' }]);
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: 'E' }, window: { kind: 'between', from: '2026-03-05', to: '2026-03-06T00:00:00Z' } }))).toEqual([{ path: 'root.children.0.window.from', message: 'must be an ISO 8601 date-time' }]);
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: 'E' }, filters: [{ property: 'amount', operator: 'gt', value: 'abc' }] }))).toEqual([{ path: 'root.children.0.filters.0.value', message: 'must be a number or a date for operator "gt"' }]);
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: 'E' }, filters: [{ property: 'sku', operator: 'in', value: [] }] }))).toEqual([{ path: 'root.children.0.filters.0.value', message: 'must be a non-empty list for operator "in"' }]);
  });

  it('eventTime needs which and a window; aggregate a value (and a "to" for between)', () => {
    expect(problemsOf(all({ type: 'eventTime', event: { kind: 'event', name: 'E' }, which: 'first' })).map((p) => p.path)).toEqual(['root.children.0.window']);
    expect(problemsOf(all({ type: 'eventTime', event: { kind: 'event', name: 'E' }, which: 'middle', window: { kind: 'ever' } })).map((p) => p.path)).toEqual(['root.children.0.which']);
    expect(problemsOf(all({ type: 'aggregate', event: { kind: 'event', name: 'E' }, property: 'amount', aggregate: 'sum', operator: 'between' }))).toEqual([
      { path: 'root.children.0.value', message: 'is required' },
      { path: 'root.children.0.to', message: 'is required for "between"' },
    ]);
    expect(problemsOf(all({ type: 'aggregate', event: { kind: 'event', name: 'E' }, property: 'amount', aggregate: 'median', operator: 'equals', value: 1 })).map((p) => p.path)).toEqual(['root.children.0.aggregate']);
  });

  it('reachability, segment and rfm', () => {
    expect(problemsOf(all({ type: 'reachability', channel: 'fax' })).map((p) => p.path)).toEqual(['root.children.0.channel']);
    expect(problemsOf(all({ type: 'segment', segmentId: '' }))).toEqual([{ path: 'root.children.0.segmentId', message: 'must pick a segment' }]);
    expect(problemsOf(all({ type: 'rfm', event: { kind: 'event', name: 'E' }, amountProperty: 'amount', bucket: 'whales' })).map((p) => p.path)).toEqual(['root.children.0.bucket']);
  });
});

describe('names against the catalog', () => {
  it('an unknown attribute, with the closest known names (system attributes and traits)', () => {
    expect(problemsOf(all({ type: 'attribute', attribute: 'plann', operator: 'exists' }), catalog)).toEqual([{ path: 'root.children.0.attribute', message: 'unknown attribute "plann"; did you mean "plan"?' }]);
    expect(problemsOf(all({ type: 'attribute', attribute: 'emial', operator: 'exists' }), catalog)).toEqual([{ path: 'root.children.0.attribute', message: 'unknown attribute "emial"; did you mean "email"?' }]);
    expect(problemsOf(all({ type: 'attribute', attribute: 'shoeSize', operator: 'exists' }), catalog)).toEqual([{ path: 'root.children.0.attribute', message: 'unknown attribute "shoeSize"' }]);
  });

  it('known names: system attributes, traits with or without "traits.", paths into object traits', () => {
    for (const attribute of ['email', 'lastSeenAt', 'plan', 'traits.plan', 'address.city', 'traits.address.zip']) expect(problemsOf(all({ type: 'attribute', attribute, operator: 'exists' }), catalog)).toEqual([]);
  });

  it('an unknown event or event group, with suggestions', () => {
    expect(problemsOf(all({ type: 'behaviour', event: { kind: 'event', name: 'Order Complete' } }), catalog)).toEqual([{ path: 'root.children.0.event.name', message: 'unknown event "Order Complete"; did you mean "Order Completed"?' }]);
    expect(problemsOf(all({ type: 'aggregate', event: { kind: 'group', name: 'Purchases' }, property: 'amount', aggregate: 'sum', operator: 'equals', value: 1 }), catalog)).toEqual([{ path: 'root.children.0.event.name', message: 'unknown event group "Purchases"; did you mean "Purchase"?' }]);
    expect(problemsOf(all({ type: 'eventTime', event: { kind: 'event', name: 'Purchase' }, which: 'last', window: { kind: 'ever' } }), catalog)).toEqual([{ path: 'root.children.0.event.name', message: 'unknown event "Purchase"' }]);
    expect(problemsOf(all({ type: 'rfm', event: { kind: 'group', name: 'Purchase' }, amountProperty: 'total', bucket: 'lost' }), catalog)).toEqual([]);
  });

  it.each([
    ['vip', 'greaterThan', { value: 1 }, '"greaterThan" does not apply to a true/false attribute'],
    ['vip', 'before', { value: '2026-03-05' }, '"before" does not apply to a true/false attribute'],
    ['vip', 'contains', { value: 't' }, '"contains" does not apply to a true/false attribute'],
    ['age', 'contains', { value: '1' }, '"contains" does not apply to a number attribute'],
    ['age', 'withinLastDays', { days: 1 }, '"withinLastDays" does not apply to a number attribute'],
    ['age', 'isTrue', {}, '"isTrue" needs a true/false attribute'],
    ['signup', 'startsWith', { value: '2026' }, '"startsWith" does not apply to a date attribute'],
    ['lastSeenAt', 'endsWith', { value: 'Z' }, '"endsWith" does not apply to a date attribute'],
    ['plan', 'before', { value: '2026-03-05' }, '"before" needs a date attribute ("plan" is string)'],
    ['email', 'moreThanDaysAgo', { days: 3 }, '"moreThanDaysAgo" needs a date attribute ("email" is string)'],
    ['tags', 'after', { value: '2026-03-05' }, '"after" needs a date attribute ("tags" is array)'],
    ['address', 'before', { value: '2026-03-05' }, '"before" needs a date attribute ("address" is object)'],
    ['plan', 'isFalse', {}, '"isFalse" needs a true/false attribute'],
  ])('%s %s: operator and type do not match', (attribute, operator, rest, message) => {
    expect(problemsOf(all({ type: 'attribute', attribute, operator, ...rest }), catalog)).toEqual([{ path: 'root.children.0.operator', message }]);
  });

  it.each([
    ['vip', 'isTrue', {}],
    ['vip', 'equals', { value: true }],
    ['age', 'between', { from: 1, to: 2 }],
    ['age', 'in', { values: [1, 2] }],
    ['signup', 'withinLastDays', { days: 7 }],
    ['signup', 'greaterThan', { value: '2026-03-05' }],
    ['lastSeenAt', 'before', { value: '2026-03-05' }],
    ['tags', 'contains', { value: 'vip' }],
    ['plan', 'startsWith', { value: 'p' }],
  ])('%s %s: operator and type match', (attribute, operator, rest) => {
    expect(problemsOf(all({ type: 'attribute', attribute, operator, ...rest }), catalog)).toEqual([]);
  });
});

describe('segment references', () => {
  const member = (segmentId: string) => problemsOf(all({ type: 'segment', segmentId }), catalog);

  it('a segment cannot include itself', () => {
    expect(member('self')).toEqual([{ path: 'root.children.0.segmentId', message: 'a segment cannot include itself' }]);
  });

  it('a cycle through the catalog, however long', () => {
    expect(member('s4')).toEqual([{ path: 'root.children.0.segmentId', message: 'segment "Four" already depends on this one: that would be a cycle' }]);
    expect(member('s1')).toEqual([{ path: 'root.children.0.segmentId', message: 'segment "One" already depends on this one: that would be a cycle' }]);
  });

  it('an unknown segment; a known one with no cycle (even if the catalog has a cycle elsewhere)', () => {
    expect(member('s9')).toEqual([{ path: 'root.children.0.segmentId', message: 'no segment has the id "s9"' }]);
    expect(member('s3')).toEqual([]);
    expect(member('s5')).toEqual([]);
  });

  it('a new segment (no id yet) cannot form a cycle', () => {
    expect(problemsOf(all({ type: 'segment', segmentId: 's4' }), { ...catalog, selfId: undefined })).toEqual([]);
  });
});

describe('valid definitions', () => {
  it('come back with defaults applied', () => {
    const validation = validateSegment(
      {
        root: {
          type: 'group',
          children: [
            { type: 'behaviour', event: { kind: 'event', name: 'Order Completed' } },
            { type: 'reachability', channel: 'email' },
            { type: 'segment', segmentId: 's3' },
            { type: 'aggregate', event: { kind: 'event', name: 'Order Completed' }, property: 'amount', aggregate: 'sum', operator: 'lessThan', value: 5 },
            { type: 'rfm', event: { kind: 'group', name: 'Purchase' }, amountProperty: 'total', bucket: 'lost' },
            { type: 'group', match: 'any', children: [] },
          ],
        },
      },
      catalog,
    );
    expect(validation).toEqual({
      ok: true,
      problems: [],
      definition: {
        root: {
          type: 'group',
          match: 'all',
          negate: false,
          children: [
            { type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, filters: [], did: true, count: { rule: 'atLeast', times: 1 }, window: { kind: 'ever' } },
            { type: 'reachability', channel: 'email', reachable: true },
            { type: 'segment', segmentId: 's3', member: true },
            { type: 'aggregate', event: { kind: 'event', name: 'Order Completed' }, filters: [], property: 'amount', aggregate: 'sum', operator: 'lessThan', value: 5, window: { kind: 'ever' } },
            { type: 'rfm', event: { kind: 'group', name: 'Purchase' }, amountProperty: 'total', window: { kind: 'last', amount: 365, unit: 'days' }, bucket: 'lost' },
            { type: 'group', match: 'any', negate: false, children: [] },
          ],
        },
      },
    });
  });

  it('names are trimmed; without a catalog only the shape is checked', () => {
    const validation = validateSegment(all({ type: 'attribute', attribute: '  anything  ', operator: 'equals', value: 'x' }, { type: 'segment', segmentId: 'any-id' }));
    expect(validation.ok && validation.definition.root.children[0]).toEqual({ type: 'attribute', attribute: 'anything', operator: 'equals', value: 'x' });
    expect(validation.ok).toBe(true);
  });
});

describe('attributeTypeOf', () => {
  it('system attributes, traits (with "traits."), leaves of object traits as text, unknown names', () => {
    expect(attributeTypeOf('lastSeenAt', catalog)).toBe('DATE');
    expect(attributeTypeOf('email', undefined)).toBe('STRING');
    expect(attributeTypeOf('traits.age', catalog)).toBe('NUMBER');
    expect(attributeTypeOf('address.city', catalog)).toBe('STRING');
    expect(attributeTypeOf('plan.name', catalog)).toBeUndefined();
    expect(attributeTypeOf('nothing', catalog)).toBeUndefined();
  });
});
