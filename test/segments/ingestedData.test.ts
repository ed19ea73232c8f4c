import { segmentMembersQuery, segmentUserCheckQuery, type SegmentSqlContext } from '@tideflow/domain';
import { startTestApi, type TestApi } from '../support';
import { all, attribute, parseDefinition } from './segmentLab';

/**
 * The same compiler on data as the Segment HTTP API stores it (traits from
 * identify, system attributes captured from `context`, event timestamps), rather
 * than rows written by hand: the columns and JSON the other segment tests construct
 * are the ones ingestion produces.
 */

let api: TestApi;
let context: SegmentSqlContext;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  const workspace = await api.createTestWorkspace('segment-ingested');
  const batch = [
    {
      type: 'identify',
      userId: 'ann',
      traits: { email: 'Ann@Example.com', plan: 'Pro', age: '34', signupDate: daysAgo(3), tags: ['vip'], address: { city: 'Berlin' }, pushToken: 'apns-1' },
      context: { os: { name: 'iOS', version: '17.1' }, device: { type: 'ios', model: 'iPhone15,2' }, app: { version: '2.1.0' }, location: { country: 'DE', city: 'Berlin' } },
      timestamp: daysAgo(5),
    },
    {
      type: 'identify',
      userId: 'bob',
      traits: { email: 'bob@example.com', plan: 'free', age: 19, unsubscribed: true },
      context: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' },
      timestamp: daysAgo(20),
    },
    { type: 'track', userId: 'ann', event: 'Order Completed', properties: { total: 120, 'utm.source': 'newsletter' }, timestamp: daysAgo(2) },
    { type: 'track', userId: 'bob', event: 'Order Completed', properties: { total: '15.5', items: [{ sku: 'A-1' }] }, timestamp: daysAgo(10) },
    { type: 'track', userId: 'bob', event: 'Order Completed', properties: { total: 'n/a' }, timestamp: daysAgo(9) },
  ];
  expect((await api.ingest(workspace.writeKey, 'batch', { batch })).status).toBe(200);
  context = { workspaceId: workspace.workspaceId, now, traitTypes: new Map([['plan', 'STRING'], ['age', 'NUMBER'], ['signupDate', 'DATE'], ['tags', 'ARRAY'], ['address', 'OBJECT']]), eventGroups: new Map() };
});
afterAll(() => api?.close());

async function members(definition: unknown): Promise<string[]> {
  const parsed = parseDefinition(definition);
  const query = segmentMembersQuery(parsed, context);
  const ids = new Set((await api.db.prisma.$queryRawUnsafe<Array<{ id: string }>>(query.text, ...query.params)).map((r) => r.id));
  const users = await api.db.prisma.user.findMany({ where: { workspaceId: context.workspaceId } });
  for (const user of users) {
    const check = segmentUserCheckQuery(parsed, context, user.id);
    const found = await api.db.prisma.$queryRawUnsafe<Array<{ id: string }>>(check.text, ...check.params);
    expect([user.externalId, found.length === 1]).toEqual([user.externalId, ids.has(user.id)]);
  }
  return users.filter((u) => ids.has(u.id)).map((u) => u.externalId!).sort();
}

it('system attributes captured from context: technology, country, email', async () => {
  expect(await members(all({ type: 'technology', attribute: 'platform', operator: 'equals', value: 'iOS' }))).toEqual(['ann']);
  expect(await members(all({ type: 'technology', attribute: 'os', operator: 'startsWith', value: 'ios 17' }))).toEqual(['ann']);
  expect(await members(all({ type: 'technology', attribute: 'browser', operator: 'contains', value: 'chrome' }))).toEqual(['bob']);
  expect(await members(all({ type: 'technology', attribute: 'appVersion', operator: 'equals', value: '2.1.0' }))).toEqual(['ann']);
  expect(await members(all(attribute('country', 'in', { values: ['de', 'at'] })))).toEqual(['ann']);
  expect(await members(all(attribute('email', 'endsWith', { value: '@example.com' })))).toEqual(['ann', 'bob']);
});

it('traits as identify stored them: numbers sent as text, dates, lists and nested objects', async () => {
  expect(await members(all(attribute('age', 'greaterThan', { value: 30 })))).toEqual(['ann']);
  expect(await members(all(attribute('signupDate', 'withinLastDays', { days: 7 })))).toEqual(['ann']);
  expect(await members(all(attribute('tags', 'contains', { value: 'VIP' })))).toEqual(['ann']);
  expect(await members(all(attribute('address.city', 'equals', { value: 'berlin' })))).toEqual(['ann']);
  expect(await members(all(attribute('plan', 'notEquals', { value: 'pro' })))).toEqual(['bob']);
});

it('events as tracked: windows on their timestamps, filters and aggregates on their properties', async () => {
  const event = { kind: 'event', name: 'Order Completed' };
  expect(await members(all({ type: 'behaviour', event, window: { kind: 'last', amount: 7, unit: 'days' } }))).toEqual(['ann']);
  expect(await members(all({ type: 'behaviour', event, count: { rule: 'exactly', times: 2 } }))).toEqual(['bob']);
  expect(await members(all({ type: 'behaviour', event, filters: [{ property: 'utm.source', operator: 'eq', value: 'Newsletter' }] }))).toEqual(['ann']);
  expect(await members(all({ type: 'behaviour', event, filters: [{ property: 'items.0.sku', operator: 'eq', value: 'a-1' }] }))).toEqual(['bob']);
  expect(await members(all({ type: 'aggregate', event, property: 'total', aggregate: 'sum', operator: 'lessThan', value: 20 }))).toEqual(['bob']);
  expect(await members(all({ type: 'eventTime', event, which: 'first', window: { kind: 'last', amount: 14, unit: 'days' } }))).toEqual(['ann', 'bob']);
});

it('reachability from identify traits', async () => {
  expect(await members(all({ type: 'reachability', channel: 'email' }))).toEqual(['ann']);
  expect(await members(all({ type: 'reachability', channel: 'push' }))).toEqual(['ann']);
  expect(await members(all({ type: 'reachability', channel: 'sms' }))).toEqual([]);
});
