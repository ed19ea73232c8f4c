import { ago, all, day, hour, labNow, minute, openSegmentLab, second, type SegmentLab } from './segmentLab';

/**
 * Behaviour conditions: did / did not, every count rule, every window kind with
 * events just inside and just outside their boundaries, property filters of each
 * operator family, and event groups.
 */

let lab: SegmentLab;
const weekAgo = ago(7 * day);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);
const OC = 'Order Completed';
const everyone = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'];
const except = (...ids: string[]) => everyone.filter((id) => !ids.includes(id));

beforeAll(async () => {
  lab = await openSegmentLab({ eventGroups: { Purchase: [OC, 'Subscription Renewed'], Nothing: [] } });
  await lab.addUsers([
    { id: 'b1', events: [{ name: OC, at: plus(weekAgo, second), properties: { amount: 50, currency: 'usd', coupon: 'SPRING' } }, { name: OC, at: ago(20 * day), properties: { amount: 10 } }] },
    { id: 'b2', events: [{ name: OC, at: plus(weekAgo, -second), properties: { amount: 70, currency: 'EUR' } }] },
    { id: 'b3', events: [{ name: OC, at: weekAgo, properties: { amount: '30' } }] },
    {
      id: 'b4',
      events: [
        { name: OC, at: ago(hour), properties: { amount: 5, items: [{ sku: 'A' }], tags: ['gift'] } },
        { name: OC, at: ago(2 * hour), properties: { amount: 15 } },
        { name: OC, at: ago(day), properties: { amount: 25 } },
        { name: 'Product Viewed', at: ago(day) },
      ],
    },
    { id: 'b5', events: [{ name: 'Subscription Renewed', at: ago(hour), properties: { amount: 99 } }] },
    { id: 'b6' },
    { id: 'b7', events: [{ name: OC, at: ago(day), properties: { amount: 'junk' } }, { name: OC, at: ago(40 * day) }, ...[1, 2, 3, 4, 5].map((h) => ({ name: 'Product Viewed', at: ago(h * hour) }))] },
    { id: 'b8', events: [{ name: OC, at: plus(labNow, hour), properties: { amount: 1 } }] },
  ]);
});
afterAll(() => lab?.close());

type Rule = 'atLeast' | 'exactly' | 'atMost';
const did = (options: { event?: string; group?: string; rule?: Rule; times?: number; did?: boolean; window?: unknown; filters?: unknown[] }) =>
  lab.members(
    all({
      type: 'behaviour',
      event: options.group ? { kind: 'group', name: options.group } : { kind: 'event', name: options.event ?? OC },
      did: options.did ?? true,
      count: { rule: options.rule ?? 'atLeast', times: options.times ?? 1 },
      window: options.window ?? { kind: 'ever' },
      filters: options.filters ?? [],
    }),
  );
const last7 = { kind: 'last', amount: 7, unit: 'days' };

describe('count rules (Order Completed in the last 7 days: b1 1, b3 1, b4 3, b7 1, b8 1)', () => {
  it('atLeast 0 / 1 / 2 / 3 / 4', async () => {
    expect(await did({ window: last7, times: 0 })).toEqual(everyone);
    expect(await did({ window: last7, times: 1 })).toEqual(['b1', 'b3', 'b4', 'b7', 'b8']);
    expect(await did({ window: last7, times: 2 })).toEqual(['b4']);
    expect(await did({ window: last7, times: 3 })).toEqual(['b4']);
    expect(await did({ window: last7, times: 4 })).toEqual([]);
  });

  it('exactly 0 / 1 / 3', async () => {
    expect(await did({ window: last7, rule: 'exactly', times: 0 })).toEqual(['b2', 'b5', 'b6']);
    expect(await did({ window: last7, rule: 'exactly', times: 1 })).toEqual(['b1', 'b3', 'b7', 'b8']);
    expect(await did({ window: last7, rule: 'exactly', times: 3 })).toEqual(['b4']);
  });

  it('atMost 0 / 1 / 2 include users who never did it', async () => {
    expect(await did({ window: last7, rule: 'atMost', times: 0 })).toEqual(['b2', 'b5', 'b6']);
    expect(await did({ window: last7, rule: 'atMost', times: 1 })).toEqual(except('b4'));
    expect(await did({ window: last7, rule: 'atMost', times: 2 })).toEqual(except('b4'));
    expect(await did({ window: last7, rule: 'atMost', times: 3 })).toEqual(everyone);
  });

  it('did not: the complement of each rule', async () => {
    expect(await did({ window: last7, did: false })).toEqual(['b2', 'b5', 'b6']);
    expect(await did({ window: last7, did: false, times: 2 })).toEqual(except('b4'));
    expect(await did({ window: last7, did: false, times: 0 })).toEqual([]);
    expect(await did({ window: last7, did: false, rule: 'exactly', times: 0 })).toEqual(['b1', 'b3', 'b4', 'b7', 'b8']);
    expect(await did({ window: last7, did: false, rule: 'atMost', times: 1 })).toEqual(['b4']);
  });
});

describe('windows and their boundaries', () => {
  it('ever counts every event', async () => {
    expect(await did({ times: 2 })).toEqual(['b1', 'b4', 'b7']);
    expect(await did({})).toEqual(['b1', 'b2', 'b3', 'b4', 'b7', 'b8']);
  });

  it('last 7 days: 1 s inside and exactly at the start are in, 1 s before is out; in hours and minutes alike', async () => {
    const inside = ['b1', 'b3', 'b4', 'b7', 'b8'];
    expect(await did({ window: last7 })).toEqual(inside);
    expect(await did({ window: { kind: 'last', amount: 168, unit: 'hours' } })).toEqual(inside);
    expect(await did({ window: { kind: 'last', amount: 7 * 24 * 60, unit: 'minutes' } })).toEqual(inside);
    expect(await did({ window: { kind: 'last', amount: 7 * 24 * 60 - 1, unit: 'minutes' } })).toEqual(['b4', 'b7', 'b8']);
  });

  it('last 1 hour includes an event exactly an hour ago; last 59 minutes does not', async () => {
    expect(await did({ window: { kind: 'last', amount: 1, unit: 'hours' } })).toEqual(['b4', 'b8']);
    expect(await did({ window: { kind: 'last', amount: 59, unit: 'minutes' } })).toEqual(['b8']);
  });

  it('a sliding window has no end: an event stamped in the future counts as recent (b8, an hour ahead)', async () => {
    expect(await did({ window: { kind: 'last', amount: 1, unit: 'minutes' } })).toEqual(['b8']);
  });

  it('between: the start is inclusive, the end exclusive', async () => {
    const between = (from: Date, to: Date) => did({ window: { kind: 'between', from: from.toISOString(), to: to.toISOString() } });
    expect(await between(weekAgo, plus(weekAgo, second))).toEqual(['b3']);
    expect(await between(plus(weekAgo, -second), weekAgo)).toEqual(['b2']);
    expect(await between(plus(weekAgo, -second), plus(weekAgo, second + 1))).toEqual(['b1', 'b2', 'b3']);
    expect(await between(plus(weekAgo, 1), plus(weekAgo, second))).toEqual([]);
  });

  it('between with offsets: the same instants written in another zone', async () => {
    // 2026-03-03T12:00:00Z is 13:00 in +01:00.
    expect(await did({ window: { kind: 'between', from: '2026-03-03T13:00:00+01:00', to: '2026-03-03T13:00:01+01:00' } })).toEqual(['b3']);
  });
});

describe('property filters', () => {
  const filtered = (filters: unknown[], rest: Parameters<typeof did>[0] = {}) => did({ ...rest, filters });

  it('numbers: gte / gt (also with a numeric text literal) / lt / eq / neq; text amounts read as numbers, junk is not a number', async () => {
    expect(await filtered([{ property: 'amount', operator: 'gte', value: 50 }])).toEqual(['b1', 'b2']);
    expect(await filtered([{ property: 'amount', operator: 'gt', value: '25' }])).toEqual(['b1', 'b2', 'b3']);
    expect(await filtered([{ property: 'amount', operator: 'lt', value: 20 }])).toEqual(['b1', 'b4', 'b8']);
    expect(await filtered([{ property: 'amount', operator: 'lte', value: 5 }])).toEqual(['b4', 'b8']);
    expect(await filtered([{ property: 'amount', operator: 'eq', value: 30 }])).toEqual(['b3']);
    expect(await filtered([{ property: 'amount', operator: 'neq', value: 30 }])).toEqual(['b1', 'b2', 'b4', 'b7', 'b8']);
  });

  it('text: in / notIn / contains / notContains, case-insensitively; a missing property is "not in"', async () => {
    expect(await filtered([{ property: 'currency', operator: 'in', value: ['USD', 'gbp'] }])).toEqual(['b1']);
    expect(await filtered([{ property: 'currency', operator: 'notIn', value: ['usd'] }])).toEqual(['b1', 'b2', 'b3', 'b4', 'b7', 'b8']);
    expect(await filtered([{ property: 'currency', operator: 'contains', value: 'U' }])).toEqual(['b1', 'b2']);
    expect(await filtered([{ property: 'currency', operator: 'notContains', value: 'u' }])).toEqual(['b1', 'b3', 'b4', 'b7', 'b8']);
  });

  // eq null / neq null mean missing / present here (a deliberate difference: in journeys they match JSON null only).
  it('exists / notExists, and eq null meaning "missing"', async () => {
    expect(await filtered([{ property: 'coupon', operator: 'exists' }])).toEqual(['b1']);
    expect(await filtered([{ property: 'coupon', operator: 'notExists' }])).toEqual(['b1', 'b2', 'b3', 'b4', 'b7', 'b8']);
    expect(await filtered([{ property: 'amount', operator: 'eq', value: null }])).toEqual(['b7']);
    expect(await filtered([{ property: 'amount', operator: 'neq', value: null }])).toEqual(['b1', 'b2', 'b3', 'b4', 'b7', 'b8']);
  });

  it('paths into lists and objects: items.0.sku, and contains on a list', async () => {
    expect(await filtered([{ property: 'items.0.sku', operator: 'eq', value: 'a' }])).toEqual(['b4']);
    expect(await filtered([{ property: 'tags', operator: 'contains', value: 'GIFT' }])).toEqual(['b4']);
  });

  it('all filters hold on the same event; filters combine with counts and windows', async () => {
    expect(await filtered([{ property: 'amount', operator: 'exists' }, { property: 'amount', operator: 'gt', value: 0 }])).toEqual(['b1', 'b2', 'b3', 'b4', 'b8']);
    expect(await filtered([{ property: 'coupon', operator: 'exists' }, { property: 'amount', operator: 'lt', value: 20 }])).toEqual([]);
    expect(await filtered([{ property: 'amount', operator: 'lt', value: 20 }], { times: 2 })).toEqual(['b4']);
    expect(await filtered([{ property: 'amount', operator: 'gte', value: 50 }], { window: last7 })).toEqual(['b1']);
    expect(await filtered([{ property: 'amount', operator: 'gte', value: 50 }], { window: last7, did: false })).toEqual(except('b1'));
  });
});

describe('events and event groups', () => {
  it('another event, counted exactly', async () => {
    expect(await did({ event: 'Product Viewed', rule: 'exactly', times: 5 })).toEqual(['b7']);
    expect(await did({ event: 'Product Viewed', window: { kind: 'last', amount: 3, unit: 'hours' }, times: 2 })).toEqual(['b7']);
  });

  it('a group counts every member event together', async () => {
    expect(await did({ group: 'Purchase', window: last7 })).toEqual(['b1', 'b3', 'b4', 'b5', 'b7', 'b8']);
    expect(await did({ group: 'Purchase', window: { kind: 'last', amount: 90, unit: 'minutes' } })).toEqual(['b4', 'b5', 'b8']);
    expect(await did({ group: 'Purchase', times: 3 })).toEqual(['b4']);
    expect(await did({ group: 'Purchase', filters: [{ property: 'amount', operator: 'gte', value: 70 }] })).toEqual(['b2', 'b5']);
  });

  it('an empty or unknown group: nobody did it', async () => {
    expect(await did({ group: 'Nothing' })).toEqual([]);
    expect(await did({ group: 'Nothing', did: false })).toEqual(everyone);
    expect(await did({ group: 'No such group' })).toEqual([]);
    expect(await did({ event: 'Never Sent', rule: 'atMost', times: 0 })).toEqual(everyone);
  });

  it('minute precision: an event 1 ms outside the window does not count', async () => {
    await lab.addEvents('b6', [{ name: 'Ping', at: plus(ago(10 * minute), -1) }]);
    expect(await did({ event: 'Ping', window: { kind: 'last', amount: 10, unit: 'minutes' } })).toEqual([]);
    await lab.addEvents('b6', [{ name: 'Ping', at: ago(10 * minute) }]);
    expect(await did({ event: 'Ping', window: { kind: 'last', amount: 10, unit: 'minutes' } })).toEqual(['b6']);
  });
});
