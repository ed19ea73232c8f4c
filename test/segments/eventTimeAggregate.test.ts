import { ago, all, day, hour, labNow, openSegmentLab, second, type SegmentLab } from './segmentLab';

/**
 * eventTime (the first / last time E happened lies in a window) and aggregates
 * (sum / avg / min / max of a numeric property compared with a value).
 */

let lab: SegmentLab;
const weekAgo = ago(7 * day);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const OC = 'Order Completed';
const everyone = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'];

beforeAll(async () => {
  lab = await openSegmentLab({ eventGroups: { Purchase: [OC, 'Subscription Renewed'] } });
  // Order Completed amounts (ever): b1 50+10, b2 70, b3 "30", b4 5+15+25, b7 "junk" and none, b8 1; b5 and b6 none.
  await lab.addUsers([
    { id: 'b1', events: [{ name: OC, at: plus(weekAgo, second), properties: { amount: 50, currency: 'usd' } }, { name: OC, at: ago(20 * day), properties: { amount: 10 } }] },
    { id: 'b2', events: [{ name: OC, at: plus(weekAgo, -second), properties: { amount: 70 } }] },
    { id: 'b3', events: [{ name: OC, at: weekAgo, properties: { amount: '30' } }] },
    { id: 'b4', events: [5, 15, 25].map((amount, i) => ({ name: OC, at: ago((i + 1) * hour), properties: { amount } })) },
    { id: 'b5', events: [{ name: 'Subscription Renewed', at: ago(hour), properties: { amount: 99 } }] },
    { id: 'b6' },
    { id: 'b7', events: [{ name: OC, at: ago(day), properties: { amount: 'junk' } }, { name: OC, at: ago(40 * day) }] },
    { id: 'b8', events: [{ name: OC, at: plus(labNow, hour), properties: { amount: 1 } }] },
  ]);
});
afterAll(() => lab?.close());

const eventTime = (which: 'first' | 'last', window: unknown, options: { group?: string; filters?: unknown[] } = {}) =>
  lab.members(all({ type: 'eventTime', event: options.group ? { kind: 'group', name: options.group } : { kind: 'event', name: OC }, which, window, filters: options.filters ?? [] }));
const last = (amount: number, unit: string) => ({ kind: 'last', amount, unit });
const between = (from: Date, to: Date) => ({ kind: 'between', from: from.toISOString(), to: to.toISOString() });

describe('eventTime', () => {
  it('first time in the last 7 days: only users whose every such event is that recent', async () => {
    expect(await eventTime('first', last(7, 'days'))).toEqual(['b3', 'b4', 'b8']);
  });

  it('last time in the last 7 days: 1 s inside and exactly at the start are in', async () => {
    expect(await eventTime('last', last(7, 'days'))).toEqual(['b1', 'b3', 'b4', 'b7', 'b8']);
  });

  it('last time between two instants (end exclusive): just before a week ago', async () => {
    expect(await eventTime('last', between(ago(30 * day), weekAgo))).toEqual(['b2']);
    expect(await eventTime('last', between(ago(30 * day), plus(weekAgo, 1)))).toEqual(['b2', 'b3']);
  });

  it('first time ever: everyone who did it', async () => {
    expect(await eventTime('first', { kind: 'ever' })).toEqual(['b1', 'b2', 'b3', 'b4', 'b7', 'b8']);
  });

  it('an hour window includes the event exactly an hour ago', async () => {
    expect(await eventTime('last', last(1, 'hours'))).toEqual(['b4', 'b8']);
    expect(await eventTime('first', last(1, 'hours'))).toEqual(['b8']);
  });

  it('with filters, only matching events count: the first purchase of 50 or more', async () => {
    expect(await eventTime('first', last(7, 'days'), { filters: [{ property: 'amount', operator: 'gte', value: 50 }] })).toEqual(['b1']);
  });

  it('over an event group', async () => {
    expect(await eventTime('last', last(2, 'hours'), { group: 'Purchase' })).toEqual(['b4', 'b5', 'b8']);
  });
});

const aggregate = (fn: 'sum' | 'avg' | 'min' | 'max', operator: string, value: number, rest: Record<string, unknown> = {}) =>
  lab.members(all({ type: 'aggregate', event: { kind: 'event', name: OC }, property: 'amount', aggregate: fn, operator, value, filters: [], ...rest }));

describe('aggregates', () => {
  it('sum: every comparison; text amounts count as numbers, junk adds nothing', async () => {
    expect(await aggregate('sum', 'greaterOrEqual', 60)).toEqual(['b1', 'b2']);
    expect(await aggregate('sum', 'greaterThan', 60)).toEqual(['b2']);
    expect(await aggregate('sum', 'equals', 30)).toEqual(['b3']);
    expect(await aggregate('sum', 'between', 30, { to: 60 })).toEqual(['b1', 'b3', 'b4']);
    expect(await aggregate('sum', 'greaterThan', 0)).toEqual(['b1', 'b2', 'b3', 'b4', 'b8']);
  });

  it('"sum less than X" includes users with no events, and users whose events have no numeric amount (their sum is 0)', async () => {
    expect(await aggregate('sum', 'lessThan', 50)).toEqual(['b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
    expect(await aggregate('sum', 'lessOrEqual', 0)).toEqual(['b5', 'b6', 'b7']);
    expect(await aggregate('sum', 'equals', 0)).toEqual(['b5', 'b6', 'b7']);
    expect(await aggregate('sum', 'between', -10, { to: 0.5 })).toEqual(['b5', 'b6', 'b7']);
    expect(await aggregate('sum', 'lessThan', 0)).toEqual([]);
  });

  it('avg / min / max: users without a numeric amount have none, so they never match', async () => {
    expect(await aggregate('avg', 'equals', 30)).toEqual(['b1', 'b3']);
    expect(await aggregate('avg', 'lessThan', 20)).toEqual(['b4', 'b8']);
    expect(await aggregate('min', 'lessOrEqual', 5)).toEqual(['b4', 'b8']);
    expect(await aggregate('min', 'greaterOrEqual', 30)).toEqual(['b2', 'b3']);
    expect(await aggregate('max', 'greaterThan', 40)).toEqual(['b1', 'b2']);
    expect(await aggregate('max', 'lessThan', 100)).toEqual(['b1', 'b2', 'b3', 'b4', 'b8']);
    expect(await aggregate('max', 'between', 25, { to: 30 })).toEqual(['b3', 'b4']);
  });

  it('in a window: only events in it are summed; no events in it is a sum of 0', async () => {
    expect(await aggregate('sum', 'lessThan', 40, { window: last(7, 'days') })).toEqual(['b2', 'b3', 'b5', 'b6', 'b7', 'b8']);
    expect(await aggregate('sum', 'greaterOrEqual', 45, { window: last(7, 'days') })).toEqual(['b1', 'b4']);
    expect(await aggregate('max', 'greaterOrEqual', 50, { window: between(weekAgo, labNow) })).toEqual(['b1']);
  });

  it('with filters and over a group', async () => {
    expect(await aggregate('sum', 'greaterThan', 0, { filters: [{ property: 'currency', operator: 'eq', value: 'USD' }] })).toEqual(['b1']);
    expect(await lab.members(all({ type: 'aggregate', event: { kind: 'group', name: 'Purchase' }, property: 'amount', aggregate: 'sum', operator: 'greaterOrEqual', value: 99, filters: [] }))).toEqual(['b5']);
  });

  it('a property path that is not there: every sum is 0', async () => {
    expect(await lab.members(all({ type: 'aggregate', event: { kind: 'event', name: OC }, property: 'price.total', aggregate: 'sum', operator: 'equals', value: 0, filters: [] }))).toEqual(everyone);
  });
});
