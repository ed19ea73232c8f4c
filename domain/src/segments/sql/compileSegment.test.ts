import { execFileSync } from 'node:child_process';
import type { AttributeType } from '../../attributes/attributeType';
import { AttributeOperator, attributeOperatorValue, SegmentDefinition } from '../segmentDefinition';
import { segmentEstimateQuery, segmentMembersQuery, type SegmentQuery, type SegmentSqlContext, segmentUserCheckQuery } from './compileSegment';

const context: SegmentSqlContext = {
  workspaceId: '00000000-0000-4000-8000-000000000001',
  now: new Date('2026-03-10T12:00:00Z'),
  traitTypes: new Map<string, AttributeType>([['plan', 'STRING'], ['age', 'NUMBER'], ['vip', 'BOOLEAN'], ['signup', 'DATE'], ['tags', 'ARRAY'], ['address', 'OBJECT']]),
  eventGroups: new Map([['Purchase', ['Order Completed', 'Subscription Renewed']], ['Nothing', []]]),
};
const all = (...children: unknown[]) => SegmentDefinition.parse({ root: { type: 'group', match: 'all', children } });

/** Postgres refuses a parameter it cannot type, so every one must appear in the text, numbered 1…n. */
function expectEveryParameterUsed(query: SegmentQuery) {
  const used = new Set([...query.text.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(query.params.map((_, i) => i + 1));
}

/** Values the segment language accepts for each operator, including ones that do not fit the attribute's type. */
const valuesFor: Record<(typeof attributeOperatorValue)[AttributeOperator], Array<Record<string, unknown>>> = {
  none: [{}],
  scalar: [{ value: 'pro' }, { value: 42 }, { value: true }, { value: '' }, { value: 'hello' }, { value: '2026-03-05' }, { value: '2026-02-30' }, { value: '2026-03-05T08:00:00' }, { value: '42.0' }],
  list: [{ values: ['a', 'B'] }, { values: [1, 2] }, { values: ['x', 3] }],
  numberOrDate: [{ value: 42 }, { value: '2026-03-05' }, { value: '2026-03-05T08:00:00+02:00' }],
  range: [{ from: 1, to: 5 }, { from: '2026-03-01', to: '2026-03-05T00:00:00Z' }, { from: 5, to: 1 }, { from: '2026-03-05', to: '2026-03-01' }],
  date: [{ value: '2026-03-05' }, { value: '2026-03-05T08:00:00Z' }],
  days: [{ days: 0 }, { days: 30 }],
};

describe('every attribute operator on every kind of attribute', () => {
  const attributes = ['email', 'lastSeenAt', 'plan', 'age', 'vip', 'signup', 'tags', 'address', 'address.city', 'untyped', 'deep.er.path.than.four.keys'];
  it.each(AttributeOperator.options)('%s compiles, never throws on odd values, and uses every parameter', (operator) => {
    for (const attribute of attributes) {
      for (const rest of valuesFor[attributeOperatorValue[operator]]) {
        const definition = all({ type: 'attribute', attribute, operator, ...rest });
        expectEveryParameterUsed(segmentMembersQuery(definition, context));
        expectEveryParameterUsed(segmentUserCheckQuery(definition, context, '00000000-0000-4000-8000-000000000002'));
      }
    }
  });
});

describe('every other condition uses every parameter', () => {
  const event = { kind: 'event', name: 'Order Completed' };
  it.each([
    ['did at least 0 times', { type: 'behaviour', event, count: { rule: 'atLeast', times: 0 }, window: { kind: 'last', amount: 7, unit: 'days' }, filters: [{ property: 'a', operator: 'eq', value: 1 }] }],
    ['did not at least 0 times', { type: 'behaviour', event, did: false, count: { rule: 'atLeast', times: 0 } }],
    ['did at most 0 times', { type: 'behaviour', event, count: { rule: 'atMost', times: 0 } }],
    ['did exactly 3 times between', { type: 'behaviour', event, count: { rule: 'exactly', times: 3 }, window: { kind: 'between', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } }],
    ['an empty group', { type: 'behaviour', event: { kind: 'group', name: 'Nothing' } }],
    ['an unknown group', { type: 'behaviour', event: { kind: 'group', name: 'Unknown' } }],
    ['filters with null', { type: 'behaviour', event, filters: [{ property: 'a', operator: 'eq', value: null }, { property: 'b', operator: 'neq', value: null }] }],
    ['eventTime ever', { type: 'eventTime', event, which: 'first', window: { kind: 'ever' } }],
    ['eventTime between', { type: 'eventTime', event: { kind: 'group', name: 'Purchase' }, which: 'last', window: { kind: 'between', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } }],
    ['sum between', { type: 'aggregate', event, property: 'amount', aggregate: 'sum', operator: 'between', value: -1, to: 1 }],
    ['avg equals', { type: 'aggregate', event, property: 'a.b', aggregate: 'avg', operator: 'equals', value: 0 }],
    ['reachability', { type: 'reachability', channel: 'push', reachable: false }],
    ['segment', { type: 'segment', segmentId: '00000000-0000-4000-8000-000000000003' }],
    ['segment id that is not a uuid', { type: 'segment', segmentId: 'not-a-uuid' }],
    ['rfm', { type: 'rfm', event, amountProperty: 'total', bucket: 'lost' }],
  ])('%s', (_name, condition) => {
    const definition = all(condition);
    expectEveryParameterUsed(segmentMembersQuery(definition, context));
    expectEveryParameterUsed(segmentUserCheckQuery(definition, context, '00000000-0000-4000-8000-000000000002'));
    expectEveryParameterUsed(segmentEstimateQuery(definition, context, { samplePercent: 25, sampleSize: 10 }));
  });
});

describe('dates typed by the user', () => {
  // Jest gives each test file its own copy of process.env, so another time zone needs another process.
  const paramsIn = (timeZone: string, definition: unknown): unknown[] => {
    const script = `const { segmentMembersQuery } = require(${JSON.stringify(require.resolve('./compileSegment'))});
      process.stdout.write(JSON.stringify(segmentMembersQuery(${JSON.stringify(definition)}, { workspaceId: 'w', now: new Date('2026-03-10T12:00:00Z'), traitTypes: new Map([['signup', 'DATE']]), eventGroups: new Map() }).params));`;
    return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' }));
  };

  it.each(['America/New_York', 'Asia/Kolkata'])('an offset-less date means UTC, whatever the process time zone (%s)', (timeZone) => {
    // The child process really is in that zone: JavaScript reads an offset-less date-time as local time there.
    expect(execFileSync(process.execPath, ['-e', 'process.stdout.write(new Date("2026-03-05T08:00:00").toISOString())'], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' })).not.toBe('2026-03-05T08:00:00.000Z');
    const attribute = all({ type: 'attribute', attribute: 'signup', operator: 'equals', value: '2026-03-05T08:00:00' });
    expect(paramsIn(timeZone, attribute)).toContain('2026-03-05T08:00:00.000Z');
    const filter = all({ type: 'behaviour', event: { kind: 'event', name: 'E' }, filters: [{ property: 'at', operator: 'gt', value: '2026-03-05T08:00:00' }] });
    expect(paramsIn(timeZone, filter)).toContain('2026-03-05T08:00:00.000Z');
  });

  it('a day the month does not have is not a date (no rollover to the next month)', () => {
    const query = segmentMembersQuery(all({ type: 'attribute', attribute: 'signup', operator: 'equals', value: '2026-02-30' }), context);
    expect(query.params).not.toContain('2026-03-02T00:00:00.000Z');
    expect(query.params).toContain('{"2026-02-30"}'); // compared as text: its spellings
  });

  it('relative dates count back from "now" in whole 24-hour days', () => {
    const query = segmentMembersQuery(all({ type: 'attribute', attribute: 'lastSeenAt', operator: 'withinLastDays', days: 7 }), context);
    expect(query.params).toEqual(expect.arrayContaining(['2026-03-03T12:00:00.000Z', '2026-03-10T12:00:00.000Z']));
  });
});

describe('queries', () => {
  const definition = all({ type: 'attribute', attribute: 'plan', operator: 'exists' });

  it('the one-user check is the members query narrowed to one user', () => {
    const members = segmentMembersQuery(definition, context);
    const check = segmentUserCheckQuery(definition, context, '00000000-0000-4000-8000-000000000002');
    expect(members.text).toMatch(/^SELECT u\.id FROM "User" u WHERE u\."workspaceId" = \$1::uuid AND /);
    expect(check.text).toMatch(/^SELECT u\.id FROM "User" u WHERE u\."workspaceId" = \$1::uuid AND u\.id = \$2::uuid AND /);
    expect(check.params.slice(0, 2)).toEqual([context.workspaceId, '00000000-0000-4000-8000-000000000002']);
  });

  it('the estimate samples by id hash below 100% (1024 buckets), not at 100%', () => {
    const everyone = segmentEstimateQuery(definition, context, { samplePercent: 100, sampleSize: 10 });
    expect(everyone.text).not.toContain('hashtext');
    expect([everyone.params[0], ...everyone.params.slice(-1)]).toEqual([context.workspaceId, 10]);
    const half = segmentEstimateQuery(definition, context, { samplePercent: 50, sampleSize: 10 });
    expect(half.text).toContain('(hashtext(u.id::text) & 1023) <');
    expect(half.params.slice(-2)).toEqual([512, 10]);
    expect(segmentEstimateQuery(definition, context, { samplePercent: 0, sampleSize: 10 }).params.slice(-2)).toEqual([1, 10]);
  });

  it('the same definition and context compile to the same query', () => {
    expect(segmentMembersQuery(definition, context)).toEqual(segmentMembersQuery(definition, context));
  });
});

describe('text compared case-insensitively', () => {
  it('ASCII literals: the value as stored is looked up among their spellings, with no case fold per row', () => {
    const query = segmentMembersQuery(all({ type: 'attribute', attribute: 'plan', operator: 'in', values: ['Pro', 'kit'] }), context);
    expect(query.text).not.toContain('lower(');
    expect(query.text).toMatch(/\(u\.traits ->> \$\d+::text\) = ANY \(\$\d+::text\[\]\)/);
    expect(query.params).toContain('{"pro","prO","pRo","pRO","Pro","PrO","PRo","PRO","kit","kiT","kIt","kIT","Kit","KiT","KIt","KIT","\u212Ait","\u212AiT","\u212AIt","\u212AIT"}');
    expectEveryParameterUsed(query);
  });

  it('a scan spells out up to 4,096 spellings; a check of a few users up to 64 (sending and hashing more would cost it more than folding)', () => {
    const definition = all({ type: 'attribute', attribute: 'plan', operator: 'in', values: ['pro', 'enterprise'] });
    const members = segmentMembersQuery(definition, context);
    expect(members.params.find((param) => typeof param === 'string' && param.startsWith('{'))?.toString().split(',')).toHaveLength(1032);
    expect(members.text).not.toContain('lower(');
    const check = segmentUserCheckQuery(definition, context, '00000000-0000-4000-8000-000000000002');
    expect(check.text).not.toContain('::text[])');
    expect(check.text).toContain('COLLATE "C"');
    expectEveryParameterUsed(check);
  });

  it('literals with too many spellings, or not ASCII, are folded per row', () => {
    const long = segmentMembersQuery(all({ type: 'attribute', attribute: 'country', operator: 'equals', value: 'united kingdom of great britain' }), context);
    expect(long.text).toContain('lower(replace(u."country", chr(8490), \'k\') COLLATE "C")');
    const accented = segmentMembersQuery(all({ type: 'attribute', attribute: 'country', operator: 'equals', value: 'España' }), context);
    expect(accented.text).toContain('lower(u."country")');
  });
});

describe("an AND's conditions on traits", () => {
  it('are tested cheapest first in one chain (text, then numbers, then dates), after the other conditions', () => {
    const query = segmentMembersQuery(
      all(
        { type: 'attribute', attribute: 'signup', operator: 'after', value: '2026-01-01' },
        { type: 'attribute', attribute: 'age', operator: 'between', from: 25, to: 45 },
        { type: 'attribute', attribute: 'country', operator: 'in', values: ['US', 'CA'] },
        { type: 'attribute', attribute: 'plan', operator: 'in', values: ['pro'] },
      ),
      context,
    );
    const at = (needle: string) => query.text.indexOf(needle);
    expect(at('u."country"')).toBeLessThan(at('CASE WHEN'));
    expect(at('CASE WHEN')).toBeLessThan(at('numrange('));
    expect(at('numrange(')).toBeLessThan(at('tideflow_timestamptz('));
    expect(query.text.match(/CASE WHEN \(COALESCE/g)).toHaveLength(2);
    // The chain opens with the plan's lookup among its spellings, the cheapest test.
    expect(query.text).toMatch(/AND \(CASE WHEN \(COALESCE\(\(CASE WHEN \(u\.traits ->> \$\d+::text\) = ANY \(\$\d+::text\[\]\)/);
    expectEveryParameterUsed(query);
  });
});
