import { startTestApi, type TestApi, type TestWorkspace } from '../support';

let t: TestApi;
let acme: TestWorkspace;
let globex: TestWorkspace;

const hour = 3_600_000;
const day = 24 * hour;
const now = Date.now();
const at = (ms: number) => new Date(ms).toISOString();
/** The UTC calendar day of an instant (the test workspaces are on UTC). */
const utcDay = (ms: number) => at(ms).slice(0, 10);

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
  globex = await t.createTestWorkspace('globex');
  const batch = await t.ingest(acme.writeKey, 'batch', {
    batch: [
      // alice: first seen three days ago, back today (returning).
      { type: 'identify', userId: 'alice', traits: { email: 'alice@acme.test', plan: 'pro' }, timestamp: at(now - 3 * day) },
      { type: 'track', userId: 'alice', event: 'Order Completed', timestamp: at(now - 2 * hour) },
      { type: 'track', userId: 'alice', event: 'Order Completed', timestamp: at(now) },
      { type: 'track', userId: 'alice', event: 'Order Completed', timestamp: at(now - 10 * day) },
      { type: 'track', userId: 'alice', event: 'Order Completed', timestamp: at(now - 40 * day) },
      // bob: first seen now (new).
      { type: 'identify', userId: 'bob', traits: { email: 'bob@acme.test', plan: 'free' }, timestamp: at(now) },
      // An anonymous visitor, last seen 30 hours ago: neither new nor returning today.
      { type: 'track', anonymousId: 'anon-1', event: 'Page Scrolled', timestamp: at(now - 30 * hour) },
    ],
  });
  expect(batch.status).toBe(200);
  await t.ingest(globex.writeKey, 'track', { userId: 'mallory', event: 'Order Completed', timestamp: at(now) });
});
afterAll(() => t.close());

const overviewQuery = `query($timezone: String) { overview(timezone: $timezone) {
  timezone todayStartsAt users knownUsers anonymousUsers newUsersToday returningUsersToday eventsLast24h
  eventsPerHour { hour count }
  liveJourneys { entriesToday activeRuns journey { id name status } }
} }`;

describe('overview', () => {
  it('counts users, new and returning today, and events of the last 24 hours in the workspace', async () => {
    const { body } = await t.graphql(acme.secretKey, overviewQuery);
    expect(body.errors).toBeUndefined();
    const overview = body.data.overview;
    expect(overview).toMatchObject({ timezone: 'UTC', users: 3, knownUsers: 2, anonymousUsers: 1, newUsersToday: 1, returningUsersToday: 1, eventsLast24h: 3, liveJourneys: [] });
    expect(overview.todayStartsAt).toBe(`${utcDay(now)}T00:00:00.000Z`);

    // 24 hourly points, oldest first, ending with the current hour; every event of the window is in one.
    const hours = overview.eventsPerHour as Array<{ hour: string; count: number }>;
    expect(hours).toHaveLength(24);
    const currentHour = Math.floor(now / hour) * hour;
    expect(hours.map((h) => Date.parse(h.hour))).toEqual(Array.from({ length: 24 }, (_, i) => currentHour - (23 - i) * hour));
    expect(hours.reduce((sum, h) => sum + h.count, 0)).toBe(3);
    expect(hours[23]!.count).toBe(2);
    expect(hours[21]!.count).toBe(1);

    const other = await t.graphql(globex.secretKey, `{ overview { users eventsLast24h newUsersToday } }`);
    expect(other.body.data.overview).toEqual({ users: 1, eventsLast24h: 1, newUsersToday: 1 });
  });

  it('reads "today" and the hours in the time zone asked for', async () => {
    const { body } = await t.graphql(acme.secretKey, overviewQuery, { timezone: 'Asia/Kolkata' });
    const overview = body.data.overview;
    expect(overview.timezone).toBe('Asia/Kolkata');
    // Midnight in India is 18:30 UTC, and its hours start at half past in UTC.
    expect(overview.todayStartsAt).toMatch(/T18:30:00\.000Z$/);
    expect(Date.parse(overview.todayStartsAt)).toBeLessThanOrEqual(now);
    expect(Date.parse(overview.todayStartsAt)).toBeGreaterThan(now - day);
    expect(overview.eventsPerHour.every((h: { hour: string }) => h.hour.includes(':30:00'))).toBe(true);
    expect(overview.eventsPerHour.reduce((sum: number, h: { count: number }) => sum + h.count, 0)).toBe(3);
  });

  it('refuses a time zone that does not exist', async () => {
    const { body } = await t.graphql(acme.secretKey, overviewQuery, { timezone: 'Mars/Olympus_Mons' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timezone' });
  });

  it('lists live journeys with their entries today and runs in flight', async () => {
    const { prisma } = t.db;
    const alice = await prisma.user.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, externalId: 'alice' } });
    const bob = await prisma.user.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, externalId: 'bob' } });
    const draft = { nodes: [], edges: [] };
    const live = await prisma.journey.create({ data: { workspaceId: acme.workspaceId, name: 'Welcome', status: 'LIVE', draft, latestVersion: 1 } });
    const quiet = await prisma.journey.create({ data: { workspaceId: acme.workspaceId, name: 'Anniversary', status: 'LIVE', draft, latestVersion: 1 } });
    const draftJourney = await prisma.journey.create({ data: { workspaceId: acme.workspaceId, name: 'Not yet', status: 'DRAFT', draft } });
    const run = (journeyId: string, userId: string, entryNumber: number, enteredAt: number, status: 'ACTIVE' | 'COMPLETED') =>
      prisma.journeyRun.create({
        data: { workspaceId: acme.workspaceId, journeyId, userId, version: 1, entryNumber, workflowId: `wf-${journeyId}-${userId}-${entryNumber}`, triggerNodeId: 'trigger', entryKey: `${userId}-${entryNumber}`, status, enteredAt: new Date(enteredAt) },
      });
    await run(live.id, alice.id, 1, now - 3 * day, 'ACTIVE');
    await run(live.id, alice.id, 2, now, 'COMPLETED');
    await run(live.id, bob.id, 1, now, 'ACTIVE');
    await run(quiet.id, bob.id, 1, now - 3 * day, 'COMPLETED');
    await run(draftJourney.id, bob.id, 1, now, 'ACTIVE');

    const { body } = await t.graphql(acme.secretKey, overviewQuery);
    expect(body.data.overview.liveJourneys).toEqual([
      { entriesToday: 2, activeRuns: 2, journey: { id: live.id, name: 'Welcome', status: 'LIVE' } },
      { entriesToday: 0, activeRuns: 0, journey: { id: quiet.id, name: 'Anniversary', status: 'LIVE' } },
    ]);
    const other = await t.graphql(globex.secretKey, `{ overview { liveJourneys { entriesToday } } }`);
    expect(other.body.data.overview.liveJourneys).toEqual([]);
  });

  it('needs a caller', async () => {
    const { body } = await t.graphql(null, `{ overview { users } }`);
    expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('eventDefinition.dailyCounts', () => {
  it('gives a series per day in the workspace time zone, today last, zeros included', async () => {
    const { body } = await t.graphql(acme.secretKey, `{ eventDefinitions { name dailyCounts { day count } week: dailyCounts(days: 7) { day count } } }`);
    expect(body.errors).toBeUndefined();
    const orders = body.data.eventDefinitions.find((d: { name: string }) => d.name === 'Order Completed');
    expect(orders.dailyCounts).toHaveLength(30);
    expect(orders.dailyCounts[29].day).toBe(utcDay(now));
    expect(orders.dailyCounts[0].day).toBe(utcDay(now - 29 * day));
    const byDay = Object.fromEntries(orders.dailyCounts.map((p: { day: string; count: number }) => [p.day, p.count]));
    const expected: Record<string, number> = {};
    for (const ms of [now, now - 2 * hour, now - 10 * day]) expected[utcDay(ms)] = (expected[utcDay(ms)] ?? 0) + 1;
    for (const [d, count] of Object.entries(expected)) expect(byDay[d]).toBe(count);
    expect(orders.dailyCounts.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(3);
    expect(orders.week).toHaveLength(7);
    expect(orders.week.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(2);

    const scrolled = body.data.eventDefinitions.find((d: { name: string }) => d.name === 'Page Scrolled');
    expect(scrolled.dailyCounts.reduce((sum: number, p: { count: number }) => sum + p.count, 0)).toBe(1);
    // Another workspace's events of the same name are not counted.
    const other = await t.graphql(globex.secretKey, `{ eventDefinitions { name dailyCounts(days: 2) { count } } }`);
    expect(other.body.data.eventDefinitions).toEqual([{ name: 'Order Completed', dailyCounts: [{ count: 0 }, { count: 1 }] }]);
  });

  it('counts every definition of a request with one query', async () => {
    const spy = jest.spyOn(t.db.prisma, '$queryRawUnsafe');
    try {
      const { body } = await t.graphql(acme.secretKey, `{ eventDefinitions { name dailyCounts(days: 30) { count } } }`);
      expect(body.data.eventDefinitions.length).toBeGreaterThanOrEqual(3);
      const countQueries = spy.mock.calls.filter(([sql]) => String(sql).includes('FROM "Event"'));
      expect(countQueries).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a window out of range', async () => {
    const { body } = await t.graphql(acme.secretKey, `{ eventDefinitions { dailyCounts(days: 0) { count } } }`);
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('users(filter: { segmentId })', () => {
  it('lists the current members of a segment of the workspace', async () => {
    const { prisma } = t.db;
    const alice = await prisma.user.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, externalId: 'alice' } });
    const segment = await prisma.segment.create({ data: { workspaceId: acme.workspaceId, name: 'Pro', kind: 'STATIC', status: 'READY', size: 1 } });
    await prisma.segmentMember.create({ data: { segmentId: segment.id, userId: alice.id, workspaceId: acme.workspaceId } });
    const query = `query($filter: UserFilter) { users(filter: $filter) { totalCount edges { node { externalId } } } }`;

    const members = await t.graphql(acme.secretKey, query, { filter: { segmentId: segment.id } });
    expect(members.body.data.users).toEqual({ totalCount: 1, edges: [{ node: { externalId: 'alice' } }] });
    const combined = await t.graphql(acme.secretKey, query, { filter: { segmentId: segment.id, attributes: [{ name: 'plan', operator: 'EQUALS', value: 'free' }] } });
    expect(combined.body.data.users.totalCount).toBe(0);

    const elsewhere = await t.graphql(globex.secretKey, query, { filter: { segmentId: segment.id } });
    expect(elsewhere.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.segmentId' });
    const garbled = await t.graphql(acme.secretKey, query, { filter: { segmentId: 'segment-1' } });
    expect(garbled.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.segmentId' });
  });
});

describe('addMember', () => {
  it('refuses someone who is already a member (their role changes through updateMemberRole)', async () => {
    const add = `mutation($input: AddMemberInput!) { addMember(input: $input) { role account { email } } }`;
    const input = { email: 'Ann@Acme.test', name: 'Ann', password: 'a long password', role: 'ADMIN' };
    const first = await t.graphql(acme.secretKey, add, { input });
    expect(first.body.data.addMember).toEqual({ role: 'ADMIN', account: { email: 'ann@acme.test' } });
    const again = await t.graphql(acme.secretKey, add, { input: { ...input, email: 'ann@acme.test', role: 'VIEWER' } });
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    expect(again.body.errors![0]!.message).toBe('ann@acme.test is already a member (admin); change their role instead');
    // Another workspace can still add the same account.
    const elsewhere = await t.graphql(globex.secretKey, add, { input: { ...input, role: 'VIEWER' } });
    expect(elsewhere.body.data.addMember.role).toBe('VIEWER');
  });
});
