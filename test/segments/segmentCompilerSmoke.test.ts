import { segmentEstimateQuery, segmentMembersQuery, segmentUserCheckQuery, type SegmentDefinition, type SegmentSqlContext, validateSegment } from '@tideflow/domain';
import { startTestApi, type TestApi } from '../support';

let api: TestApi;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };
let context: SegmentSqlContext;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  workspace = await api.createTestWorkspace('segment-smoke');
  const batch = [
    { type: 'identify', userId: 'ann', traits: { email: 'ann@example.com', plan: 'pro', age: 34, signupDate: daysAgo(3) }, context: { os: { name: 'iOS' } } },
    { type: 'identify', userId: 'bob', traits: { email: 'bob@example', plan: 'free', age: '19', unsubscribed: false }, timestamp: daysAgo(1) },
    { type: 'identify', userId: 'cid', traits: { email: 'cid@example.com', plan: 'Pro', emailSubscription: 'unsubscribed' } },
    { type: 'track', userId: 'ann', event: 'Order Completed', properties: { total: 120, coupon: 'SPRING' }, timestamp: daysAgo(2) },
    { type: 'track', userId: 'ann', event: 'Order Completed', properties: { total: 80 }, timestamp: daysAgo(40) },
    { type: 'track', userId: 'bob', event: 'Order Completed', properties: { total: '15.5' }, timestamp: daysAgo(1) },
    { type: 'track', userId: 'cid', event: 'Product Viewed', properties: { sku: 'X' }, timestamp: daysAgo(1) },
  ];
  expect((await api.ingest(workspace.writeKey, 'batch', { batch })).status).toBe(200);
  context = { workspaceId: workspace.workspaceId, now, traitTypes: new Map([['plan', 'STRING'], ['age', 'NUMBER'], ['signupDate', 'DATE']]), eventGroups: new Map([['Purchase', ['Order Completed']]]) };
});
afterAll(() => api?.close());

async function members(definition: unknown): Promise<string[]> {
  const validation = validateSegment(definition);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  const query = segmentMembersQuery(validation.definition, context);
  const rows = await api.db.prisma.$queryRawUnsafe<Array<{ id: string }>>(query.text, ...query.params);
  const users = await api.db.prisma.user.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  // The one-user check agrees with the full computation for every user.
  for (const user of await api.db.prisma.user.findMany({ where: { workspaceId: workspace.workspaceId } })) {
    const check = segmentUserCheckQuery(validation.definition, context, user.id);
    const found = await api.db.prisma.$queryRawUnsafe<Array<{ id: string }>>(check.text, ...check.params);
    expect([user.externalId, found.length === 1]).toEqual([user.externalId, rows.some((r) => r.id === user.id)]);
  }
  return users.map((u) => u.externalId!).sort();
}

const group = (children: unknown[], match: 'all' | 'any' = 'all', negate = false) => ({ root: { type: 'group', match, negate, children } });

it('compiles attributes, behaviour, aggregates and reachability to SQL that runs', async () => {
  expect(await members(group([{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }]))).toEqual(['ann', 'cid']);
  expect(await members(group([{ type: 'attribute', attribute: 'age', operator: 'greaterThan', value: 20 }]))).toEqual(['ann']);
  expect(await members(group([{ type: 'attribute', attribute: 'signupDate', operator: 'withinLastDays', days: 7 }]))).toEqual(['ann']);
  expect(await members(group([{ type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, filters: [], count: { rule: 'atLeast', times: 1 }, window: { kind: 'last', amount: 30, unit: 'days' } }]))).toEqual(['ann', 'bob']);
  expect(await members(group([{ type: 'behaviour', event: { kind: 'group', name: 'Purchase' }, did: false, window: { kind: 'ever' } }]))).toEqual(['cid']);
  expect(await members(group([{ type: 'aggregate', event: { kind: 'group', name: 'Purchase' }, property: 'total', aggregate: 'sum', operator: 'greaterOrEqual', value: 100 }]))).toEqual(['ann']);
  expect(await members(group([{ type: 'aggregate', event: { kind: 'event', name: 'Order Completed' }, property: 'total', aggregate: 'sum', operator: 'lessThan', value: 50 }]))).toEqual(['bob', 'cid']);
  expect(await members(group([{ type: 'reachability', channel: 'email' }]))).toEqual(['ann']);
  expect(await members(group([{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }, { type: 'behaviour', event: { kind: 'event', name: 'Product Viewed' } }], 'all', true))).toEqual(['ann', 'bob']);
  expect(await members(group([{ type: 'eventTime', event: { kind: 'event', name: 'Order Completed' }, filters: [], which: 'first', window: { kind: 'last', amount: 7, unit: 'days' } }]))).toEqual(['bob']);
  expect(await members(group([{ type: 'rfm', event: { kind: 'event', name: 'Order Completed' }, amountProperty: 'total', bucket: 'newCustomers' }]))).toEqual([]);
});

it('estimates on a sample and returns sample users', async () => {
  const validation = validateSegment(group([{ type: 'attribute', attribute: 'plan', operator: 'exists' }]));
  if (!validation.ok) throw new Error('invalid');
  const query = segmentEstimateQuery(validation.definition, context, { samplePercent: 100, sampleSize: 2 });
  const [row] = await api.db.prisma.$queryRawUnsafe<Array<{ matched: number; sample: string[] }>>(query.text, ...query.params);
  expect(row!.matched).toBe(3);
  expect(row!.sample).toHaveLength(2);
});
