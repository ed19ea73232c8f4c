import { Analytics } from '@segment/analytics-node';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';

let t: TestApi;
let acme: TestWorkspace;

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
});
afterAll(() => t.close());

it("works with Segment's official analytics-node client pointed at Tideflow by its host option", async () => {
  const analytics = new Analytics({ writeKey: acme.writeKey, host: t.baseUrl, flushAt: 5, flushInterval: 200, maxRetries: 1 });
  const failures: unknown[] = [];
  analytics.on('error', (error) => failures.push(error));

  analytics.identify({ anonymousId: 'device-1', traits: { favourite: 'matcha' } });
  analytics.page({ anonymousId: 'device-1', name: 'Home', properties: { path: '/' } });
  analytics.identify({ userId: 'u-42', anonymousId: 'device-1', traits: { email: 'u42@example.com', plan: 'pro' } });
  analytics.track({ userId: 'u-42', event: 'Order Completed', properties: { total: 990, currency: 'THB' } });
  analytics.screen({ userId: 'u-42', name: 'Cart' });
  analytics.group({ userId: 'u-42', groupId: 'acme-inc', traits: { industry: 'Retail' } });
  analytics.alias({ previousId: 'u-42', userId: 'u-42-new' });
  await analytics.closeAndFlush({ timeout: 10_000 });

  expect(failures).toEqual([]);
  const user = await t.db.prisma.user.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, externalId: 'u-42-new' }, include: { identities: true } });
  expect(user).toMatchObject({ email: 'u42@example.com', traits: { plan: 'pro', favourite: 'matcha' } });
  expect(user.library).toMatch(/^@segment\/analytics-node /);
  expect(user.identities.map((i) => [i.kind, i.value]).sort()).toEqual([
    ['ALIAS', 'u-42'],
    ['ANONYMOUS', 'device-1'],
  ]);
  const events = await t.db.prisma.event.findMany({ where: { userId: user.id }, orderBy: { timestamp: 'asc' } });
  expect(events.map((e) => e.name).sort()).toEqual(['Group Joined', 'Order Completed', 'Page Viewed', 'Screen Viewed', 'User Aliased', 'User Identified', 'User Identified'].sort());
  expect(await t.db.prisma.user.count({ where: { workspaceId: acme.workspaceId } })).toBe(1);
});
