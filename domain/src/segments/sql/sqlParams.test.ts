import type { AttributeType } from '../../attributes/attributeType';
import { SegmentDefinition } from '../segmentDefinition';
import { segmentEstimateQuery, segmentMembersQuery, type SegmentSqlContext, segmentUserCheckQuery } from './compileSegment';
import { SqlParams } from './sqlParams';

describe('SqlParams', () => {
  it('numbers placeholders in order, each with its cast; dates are sent as ISO text', () => {
    const params = new SqlParams();
    expect(params.add('x', 'text')).toBe('$1::text');
    expect(params.add(42, 'numeric')).toBe('$2::numeric');
    expect(params.add(new Date('2026-03-10T12:00:00Z'), 'timestamptz')).toBe('$3::timestamptz');
    expect(params.add(['a', 1], 'jsonb')).toBe('$4::jsonb');
    expect(params.values).toEqual(['x', 42, '2026-03-10T12:00:00.000Z', '["a",1]']);
  });

  it('a list is one JSON parameter', () => {
    const params = new SqlParams();
    expect(params.list(["O'Brien", '$1'])).toBe('(SELECT jsonb_array_elements_text($1::jsonb))');
    expect(params.values).toEqual(['["O\'Brien","$1"]']);
  });

  it('a JSON path is one Postgres array literal with every key quoted and escaped', () => {
    const params = new SqlParams();
    expect(params.path('address.city')).toBe('$1::text::text[]');
    expect(params.path(['a"b', 'c\\d', 'x,y', '{z}', '', 'NULL', 'line\nbreak'])).toBe('$2::text::text[]');
    expect(params.values).toEqual(['{"address","city"}', '{"a\\"b","c\\\\d","x,y","{z}","","NULL","line\nbreak"}']);
  });
});

/** Hostile text: each carries the marker "zq", which the compiler itself never writes. */
const hostile = ["zq'; DROP TABLE \"User\"; --", 'zq$1', 'zq\\', 'zq"quoted"', "zq' OR '1'='1", 'zq$$ $tag$', 'zq{a,b}', 'zq/* comment */', 'zq\nnewline', "zq\\'"];

const context: SegmentSqlContext = {
  workspaceId: '00000000-0000-4000-8000-000000000001',
  now: new Date('2026-03-10T12:00:00Z'),
  traitTypes: new Map<string, AttributeType>(hostile.map((h) => [h, 'STRING'])),
  eventGroups: new Map([[hostile[0]!, hostile.slice(1)]]),
};

function hostileDefinition(h: string): SegmentDefinition {
  const event = { kind: 'event', name: h };
  return SegmentDefinition.parse({
    root: {
      type: 'group',
      match: 'any',
      children: [
        { type: 'attribute', attribute: h, operator: 'equals', value: h },
        { type: 'attribute', attribute: `traits.${h}.${h}`, operator: 'notContains', value: h },
        { type: 'attribute', attribute: h, operator: 'startsWith', value: h },
        { type: 'attribute', attribute: h, operator: 'endsWith', value: h },
        { type: 'attribute', attribute: h, operator: 'in', values: [h, h, 7] },
        { type: 'attribute', attribute: 'email', operator: 'notIn', values: [h] },
        { type: 'technology', attribute: 'os', operator: 'contains', value: h },
        {
          type: 'behaviour',
          event,
          filters: [
            { property: h, operator: 'eq', value: h },
            { property: `${h}.${h}`, operator: 'in', value: [h, true] },
            { property: h, operator: 'contains', value: h },
          ],
          count: { rule: 'exactly', times: 2 },
          window: { kind: 'last', amount: 3, unit: 'days' },
        },
        { type: 'behaviour', event: { kind: 'group', name: hostile[0] }, filters: [] },
        { type: 'eventTime', event, which: 'first', window: { kind: 'last', amount: 1, unit: 'hours' }, filters: [{ property: h, operator: 'neq', value: h }] },
        { type: 'aggregate', event, property: `${h}.total`, aggregate: 'sum', operator: 'lessThan', value: 10, filters: [{ property: h, operator: 'notIn', value: [h] }] },
        { type: 'segment', segmentId: h },
        { type: 'rfm', event, amountProperty: h, bucket: 'champions' },
      ],
    },
  });
}

describe('no user text in SQL', () => {
  it.each(hostile)('%j reaches the query only as parameters', (h) => {
    const definition = hostileDefinition(h);
    for (const query of [segmentMembersQuery(definition, context), segmentUserCheckQuery(definition, context, '00000000-0000-4000-8000-000000000002'), segmentEstimateQuery(definition, context, { samplePercent: 10, sampleSize: 5 })]) {
      expect(query.text).not.toContain('zq');
      expect(query.text).not.toContain('DROP');
      // Every "$" is a placeholder with a cast; the placeholders are 1…n, each used.
      expect(query.text.replace(/\$\d+::/g, '')).not.toContain('$');
      const used = new Set([...query.text.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
      expect([...used].sort((a, b) => a - b)).toEqual(query.params.map((_, i) => i + 1));
      // The user text travels in the parameters.
      expect(query.params.some((p) => typeof p === 'string' && p.includes('zq'))).toBe(true);
    }
  });
});
