import { randomUUID } from 'node:crypto';
import { isReachable, type JsonObject, type MessagingChannel } from '@tideflow/domain';
import { ago, all, any, attribute, day, group, openSegmentLab, type SegmentLab, type UserSpec } from './segmentLab';

/**
 * Reachability on email / SMS / push with every unsubscribe convention (checked
 * against `isReachable`, its in-memory twin), membership of other segments, and
 * the AND / OR / NOT tree including empty and deeply nested groups.
 */

let lab: SegmentLab;
const specs: UserSpec[] = [
  { id: 'r01', email: 'r01@example.com', phone: '+49 170 1234567', traits: { pushToken: 'tok-1', plan: 'pro', age: 30 }, events: [{ name: 'Order Completed', at: ago(day), properties: { amount: 10 } }] },
  { id: 'r02', email: 'r02@example.com', phone: '+49 170 1234567', traits: { unsubscribed: true, pushToken: 'tok-2', plan: 'free', age: 20 } },
  { id: 'r03', email: 'r03@example.com', phone: '+49 170 1234567', traits: { unsubscribed: 'TRUE', pushTokens: ['a'], plan: 'pro', age: 40 } },
  { id: 'r04', email: 'r04@example.com', phone: '0170 123 4567', traits: { emailSubscription: 'unsubscribed', plan: 'free' } },
  { id: 'r05', email: 'r05@example.com', phone: '0170 123 4567', traits: { emailSubscription: 'OPTED_OUT', smsSubscription: 'subscribed', age: 50 }, events: [{ name: 'Order Completed', at: ago(30 * day), properties: { amount: 'n/a' } }] },
  { id: 'r06', email: 'bad-email', phone: '12', traits: { pushTokens: ['a', 'b'], smsSubscription: 'Unsubscribed' } },
  { id: 'r07', email: null, phone: '+1 (555) 123-4567', traits: { smsSubscription: 'opted_out', pushTokens: [] } },
  { id: 'r08', email: 'r08@example.com', phone: '+1 (555) 123-4567', traits: { unsubscribed: false, emailSubscription: 'subscribed', pushToken: '' } },
  { id: 'r09', email: 'r09@example.com', traits: { unsubscribed: 'false', pushSubscription: 'unsubscribed', pushToken: 'tok-9' } },
  { id: 'r10', email: 'R10@EXAMPLE.COM', traits: { pushToken: 123, emailSubscription: true, pushSubscription: 'OPTED_OUT ' } },
  { id: 'r11', email: 'r11@example.com', phone: '', traits: { unsubscribed: 'yes', pushTokens: 'tok' } },
  { id: 'r12', email: 'r 12@example.com', phone: '+49 170 1234567 ext 5', traits: { pushSubscription: 'opted_out', pushTokens: ['x'] } },
  { id: 'r13', email: '', phone: null, traits: {} },
];
const everyone = specs.map((s) => s.id);
const except = (...ids: string[]) => everyone.filter((id) => !ids.includes(id));
let segmentA: string;
let segmentB: string;

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { plan: 'STRING', age: 'NUMBER' } });
  await lab.addUsers(specs);
  const segment = (name: string) => lab.db.prisma.segment.create({ data: { workspaceId: lab.workspaceId, name, kind: 'STATIC' } });
  segmentA = (await segment('A')).id;
  segmentB = (await segment('B')).id;
  const member = (segmentId: string, ids: string[]) => lab.db.prisma.segmentMember.createMany({ data: ids.map((id) => ({ segmentId, userId: lab.ids.get(id)!, workspaceId: lab.workspaceId })) });
  await member(segmentA, ['r01', 'r02', 'r03']);
  await member(segmentB, ['r03', 'r04']);
});
afterAll(() => lab?.close());

const reachable = (channel: MessagingChannel, value = true) => lab.members(all({ type: 'reachability', channel, reachable: value }));
const expectedReachable = (channel: MessagingChannel) => specs.filter((s) => isReachable({ email: s.email, phone: s.phone, traits: (s.traits ?? {}) as JsonObject }, channel)).map((s) => s.id);

describe('reachability', () => {
  it('email: a valid address, not unsubscribed globally (true / "TRUE") nor from email ("unsubscribed" / "OPTED_OUT")', async () => {
    expect(await reachable('email')).toEqual(['r01', 'r08', 'r09', 'r10', 'r11']);
    expect(await reachable('email', false)).toEqual(except('r01', 'r08', 'r09', 'r10', 'r11'));
  });

  it('sms: a phone-like number, not unsubscribed globally nor from SMS ("opted_out", "Unsubscribed")', async () => {
    expect(await reachable('sms')).toEqual(['r01', 'r04', 'r05', 'r08']);
  });

  it('push: a non-empty pushToken text or pushTokens list, not unsubscribed globally nor from push', async () => {
    // r10's pushToken is a number, not a token; r11's pushTokens is text, not a list.
    expect(await reachable('push')).toEqual(['r01', 'r06']);
    expect(await reachable('push', false)).toEqual(except('r01', 'r06'));
  });

  it('agrees with isReachable (attributes/subscriptions.ts) on every user and channel', async () => {
    for (const channel of ['email', 'sms', 'push'] as const) expect({ channel, members: await reachable(channel) }).toEqual({ channel, members: expectedReachable(channel) });
  });
});

describe('segment membership', () => {
  it('member / not a member of another segment', async () => {
    expect(await lab.members(all({ type: 'segment', segmentId: segmentA }))).toEqual(['r01', 'r02', 'r03']);
    expect(await lab.members(all({ type: 'segment', segmentId: segmentA, member: false }))).toEqual(except('r01', 'r02', 'r03'));
    expect(await lab.members(all({ type: 'segment', segmentId: segmentA }, { type: 'segment', segmentId: segmentB }))).toEqual(['r03']);
    expect(await lab.members(any({ type: 'segment', segmentId: segmentA }, { type: 'segment', segmentId: segmentB }))).toEqual(['r01', 'r02', 'r03', 'r04']);
  });

  it('a segment id that does not exist (or is not an id at all): nobody is a member, and the query does not fail', async () => {
    expect(await lab.members(all({ type: 'segment', segmentId: randomUUID() }))).toEqual([]);
    expect(await lab.members(all({ type: 'segment', segmentId: 'not-a-uuid' }))).toEqual([]);
    expect(await lab.members(all({ type: 'segment', segmentId: 'not-a-uuid', member: false }))).toEqual(everyone);
  });
});

describe('AND / OR / NOT', () => {
  const pro = attribute('plan', 'equals', { value: 'pro' });
  const free = attribute('plan', 'equals', { value: 'free' });
  const over25 = attribute('age', 'greaterThan', { value: 25 });
  const email = { type: 'reachability', channel: 'email' };

  it('all / any of conditions', async () => {
    expect(await lab.members(all(pro, over25))).toEqual(['r01', 'r03']);
    expect(await lab.members(any(pro, free))).toEqual(['r01', 'r02', 'r03', 'r04']);
    expect(await lab.members(any(free, over25))).toEqual(['r01', 'r02', 'r03', 'r04', 'r05']);
  });

  it('NOT a group: the complement, including users missing the attributes', async () => {
    expect(await lab.members({ root: group('all', [pro, over25], true) })).toEqual(except('r01', 'r03'));
    expect(await lab.members({ root: group('any', [pro, free], true) })).toEqual(except('r01', 'r02', 'r03', 'r04'));
  });

  it('nested: (pro OR free) AND NOT (reachable by email) AND (member of A OR age > 45)', async () => {
    const definition = { root: group('all', [group('any', [pro, free]), group('all', [email], true), group('any', [{ type: 'segment', segmentId: segmentA }, attribute('age', 'greaterThan', { value: 45 })])]) };
    expect(await lab.members(definition)).toEqual(['r02', 'r03']);
  });

  it('empty groups: all() is everyone, any() is nobody, and NOT flips them', async () => {
    expect(await lab.members({ root: group('all', []) })).toEqual(everyone);
    expect(await lab.members({ root: group('any', []) })).toEqual([]);
    expect(await lab.members({ root: group('all', [], true) })).toEqual([]);
    expect(await lab.members({ root: group('any', [], true) })).toEqual(everyone);
    expect(await lab.members({ root: group('all', [pro, group('any', [])]) })).toEqual([]);
    expect(await lab.members({ root: group('any', [pro, group('all', [])]) })).toEqual(everyone);
  });

  it('the deepest nesting allowed (8 groups), with NOT at every level', async () => {
    let node: unknown = pro;
    for (let depth = 0; depth < 7; depth++) node = group(depth % 2 ? 'any' : 'all', [node], true);
    // Seven NOTs around "pro": not pro.
    expect(await lab.members({ root: node })).toEqual(except('r01', 'r03'));
    expect(await lab.members({ root: group('all', [node]) })).toEqual(except('r01', 'r03'));
  });

  it('the same condition twice, and a condition with its own negation', async () => {
    expect(await lab.members(all(pro, pro))).toEqual(['r01', 'r03']);
    expect(await lab.members(all(pro, attribute('plan', 'notEquals', { value: 'pro' })))).toEqual([]);
    expect(await lab.members(any(pro, attribute('plan', 'notEquals', { value: 'pro' })))).toEqual(everyone);
  });

  it('NOT of every kind of condition is its exact complement (no condition is ever NULL)', async () => {
    const event = { kind: 'event', name: 'Order Completed' };
    const conditions = [
      ...['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith'].map((operator) => attribute('plan', operator, { value: 'pro' })),
      ...['in', 'notIn'].map((operator) => attribute('plan', operator, { values: ['pro', 7] })),
      ...['exists', 'notExists', 'isTrue', 'isFalse'].map((operator) => attribute('unsubscribed', operator)),
      ...['greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual'].map((operator) => attribute('age', operator, { value: 30 })),
      attribute('age', 'between', { from: 20, to: 40 }),
      ...['before', 'after'].map((operator) => attribute('lastSeenAt', operator, { value: ago(day).toISOString() })),
      ...['withinLastDays', 'moreThanDaysAgo'].map((operator) => attribute('signup', operator, { days: 3 })),
      { type: 'technology', attribute: 'os', operator: 'notEquals', value: 'iOS' },
      ...(['email', 'sms', 'push'] as const).map((channel) => ({ type: 'reachability', channel })),
      { type: 'segment', segmentId: segmentB },
      { type: 'behaviour', event, count: { rule: 'atMost', times: 0 } },
      { type: 'eventTime', event, which: 'last', window: { kind: 'last', amount: 7, unit: 'days' } },
      ...(['sum', 'avg', 'min', 'max'] as const).map((aggregate) => ({ type: 'aggregate', event, property: 'amount', aggregate, operator: 'lessThan', value: 100 })),
      { type: 'rfm', event, amountProperty: 'amount', bucket: 'newCustomers' },
    ];
    for (const condition of conditions) {
      const members = await lab.members(all(condition));
      expect({ condition, complement: await lab.members({ root: group('all', [condition], true) }) }).toEqual({ condition, complement: everyone.filter((id) => !members.includes(id)) });
    }
  });
});
