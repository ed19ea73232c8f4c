import { startTestApi, type TestApi, type TestWorkspace } from '../support';

let t: TestApi;
let acme: TestWorkspace;
let globex: TestWorkspace;

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
  globex = await t.createTestWorkspace('globex');
  const now = Date.now();
  await t.ingest(acme.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'alice', traits: { email: 'alice@acme.test', plan: 'pro', seats: 12 }, timestamp: new Date(now - 5000).toISOString() },
      { type: 'identify', userId: 'bob', traits: { email: 'bob@acme.test', plan: 'free', seats: 1 }, timestamp: new Date(now - 4000).toISOString() },
      { type: 'track', userId: 'alice', event: 'Order Completed', properties: { total: 120 }, timestamp: new Date(now - 3000).toISOString() },
      { type: 'track', userId: 'alice', event: 'Order Completed', properties: { total: 80 }, timestamp: new Date(now - 2000).toISOString() },
      { type: 'track', anonymousId: 'anon-1', event: 'Page Scrolled', timestamp: new Date(now - 1000).toISOString() },
    ],
  });
  await t.ingest(globex.writeKey, 'track', { userId: 'mallory', event: 'Secret Plan', properties: {} });
});
afterAll(() => t.close());

it('answers the workspace with its stats', async () => {
  const { body } = await t.graphql(acme.secretKey, '{ workspace { slug stats { users knownUsers anonymousUsers events eventDefinitions } } }');
  expect(body.data.workspace).toEqual({ slug: 'acme', stats: { users: 3, knownUsers: 2, anonymousUsers: 1, events: 5, eventDefinitions: 3 } });
});

it('lists and filters users with totalCount', async () => {
  const query = `query($filter: UserFilter, $first: Int) { users(filter: $filter, first: $first) { totalCount edges { node { externalId email traits } } pageInfo { hasNextPage endCursor } } }`;
  const all = await t.graphql(acme.secretKey, query, { first: 2 });
  expect(all.body.data.users.totalCount).toBe(3);
  expect(all.body.data.users.edges).toHaveLength(2);
  expect(all.body.data.users.pageInfo.hasNextPage).toBe(true);

  const pro = await t.graphql(acme.secretKey, query, { filter: { attributes: [{ name: 'plan', operator: 'EQUALS', value: 'pro' }] } });
  expect(pro.body.data.users.edges.map((e: any) => e.node.externalId)).toEqual(['alice']);
  const seats = await t.graphql(acme.secretKey, query, { filter: { attributes: [{ name: 'seats', operator: 'GREATER_THAN', value: 5 }] } });
  expect(seats.body.data.users.totalCount).toBe(1);
  const search = await t.graphql(acme.secretKey, query, { filter: { search: 'BOB@' } });
  expect(search.body.data.users.edges.map((e: any) => e.node.externalId)).toEqual(['bob']);
  const anonymous = await t.graphql(acme.secretKey, query, { filter: { known: false } });
  expect(anonymous.body.data.users.edges.map((e: any) => e.node.externalId)).toEqual([null]);
  const emails = await t.graphql(acme.secretKey, query, { filter: { attributes: [{ name: 'email', operator: 'EXISTS' }] } });
  expect(emails.body.data.users.totalCount).toBe(2);
});

it('returns one user with attributes, identities and a timeline', async () => {
  const { body } = await t.graphql(
    acme.secretKey,
    `{ user(externalId: "alice") { id email attributes { name value system } events(first: 1) { totalCount edges { node { name properties } } } } }`,
  );
  const user = body.data.user;
  expect(user.email).toBe('alice@acme.test');
  expect(user.attributes).toEqual(expect.arrayContaining([{ name: 'plan', value: 'pro', system: false }, { name: 'email', value: 'alice@acme.test', system: true }]));
  expect(user.events.totalCount).toBe(3);
  expect(user.events.edges[0].node).toEqual({ name: 'Order Completed', properties: { total: 80 } });

  const byId = await t.graphql(acme.secretKey, `query($id: ID) { user(id: $id) { externalId } }`, { id: user.id });
  expect(byId.body.data.user.externalId).toBe('alice');
});

it('filters events by name, user and time', async () => {
  const { body } = await t.graphql(
    acme.secretKey,
    `query($filter: EventFilter) { events(filter: $filter) { totalCount edges { node { name user { externalId } } } } }`,
    { filter: { name: 'Order Completed', userId: 'alice', from: new Date(Date.now() - 60_000).toISOString() } },
  );
  expect(body.data.events.totalCount).toBe(2);
  expect(body.data.events.edges[0].node.user.externalId).toBe('alice');
});

it('renames, blocks and groups events', async () => {
  const renamed = await t.graphql(acme.secretKey, `mutation { renameEvent(input: { name: "Order Completed", displayName: "Purchase" }) { name displayName } }`);
  expect(renamed.body.data.renameEvent).toEqual({ name: 'Order Completed', displayName: 'Purchase' });
  const blocked = await t.graphql(acme.secretKey, `mutation { setEventStatus(input: { name: "Page Scrolled", status: BLOCKED }) { status } }`);
  expect(blocked.body.data.setEventStatus.status).toBe('BLOCKED');
  const ingest = await t.ingest(acme.writeKey, 'track', { userId: 'alice', event: 'Page Scrolled' });
  expect(ingest.body).toMatchObject({ success: true, dropped: 1 });

  const group = await t.graphql(acme.secretKey, `mutation { createEventGroup(input: { name: "Engagement", eventNames: ["Order Completed", "Page Scrolled"] }) { id name events { name } } }`);
  expect(group.body.data.createEventGroup.events.map((e: any) => e.name)).toEqual(['Order Completed', 'Page Scrolled']);
  const updated = await t.graphql(acme.secretKey, `mutation($id: ID!) { updateEventGroup(input: { id: $id, eventNames: ["Order Completed"] }) { events { name } } }`, { id: group.body.data.createEventGroup.id });
  expect(updated.body.data.updateEventGroup.events).toEqual([{ name: 'Order Completed' }]);
  const definitions = await t.graphql(acme.secretKey, `{ eventDefinitions { name status droppedCount group { name } } eventGroups { name } }`);
  expect(definitions.body.data.eventDefinitions).toEqual(
    expect.arrayContaining([
      { name: 'Page Scrolled', status: 'BLOCKED', droppedCount: 1, group: null },
      { name: 'Order Completed', status: 'ACTIVE', droppedCount: 0, group: { name: 'Engagement' } },
    ]),
  );
});

it('lists the attribute catalog', async () => {
  const { body } = await t.graphql(acme.secretKey, `{ attributeDefinitions { name type system } }`);
  expect(body.data.attributeDefinitions).toEqual(expect.arrayContaining([{ name: 'email', type: 'STRING', system: true }, { name: 'seats', type: 'NUMBER', system: false }]));
});

it('identifies and tracks through GraphQL with the HTTP semantics', async () => {
  const identify = await t.graphql(acme.secretKey, `mutation { identify(input: { userId: "carol", anonymousId: "anon-1", traits: { plan: "trial" } }) { duplicate user { externalId traits identities { kind value } } } }`);
  expect(identify.body.data.identify.user).toEqual({ externalId: 'carol', traits: { plan: 'trial' }, identities: [{ kind: 'ANONYMOUS', value: 'anon-1' }] });
  const track = await t.graphql(acme.secretKey, `mutation { track(input: { userId: "carol", event: "Trial Started", messageId: "gql-1" }) { messageId duplicate user { externalId } } }`);
  expect(track.body.data.track).toEqual({ messageId: 'gql-1', duplicate: false, user: { externalId: 'carol' } });
  const again = await t.graphql(acme.secretKey, `mutation { track(input: { userId: "carol", event: "Trial Started", messageId: "gql-1" }) { duplicate } }`);
  expect(again.body.data.track.duplicate).toBe(true);
});

it('creates and revokes API keys; a revoked key gets 401', async () => {
  const created = await t.graphql(acme.secretKey, `mutation { createApiKey(input: { name: "CI", kind: WRITE }) { key apiKey { id kind prefix revokedAt } } }`);
  const { key, apiKey } = created.body.data.createApiKey;
  expect(key.startsWith(apiKey.prefix)).toBe(true);
  expect((await t.ingest(key, 'track', { userId: 'x', event: 'Ping' })).status).toBe(200);
  const stored = await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
  expect(stored.hashedKey).not.toContain(key.slice(5));
  const revoked = await t.graphql(acme.secretKey, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id });
  expect(revoked.body.data.revokeApiKey.revokedAt).toBeTruthy();
  expect((await t.ingest(key, 'track', { userId: 'x', event: 'Ping' })).status).toBe(401);
});

describe('workspace isolation', () => {
  it("never shows one workspace's data to another's key", async () => {
    const { body } = await t.graphql(globex.secretKey, `{ users { totalCount edges { node { externalId } } } events { totalCount } eventDefinitions { name } user(externalId: "alice") { id } }`);
    expect(body.data.users.edges.map((e: any) => e.node.externalId)).toEqual(['mallory']);
    expect(body.data.events.totalCount).toBe(1);
    expect(body.data.eventDefinitions.map((d: any) => d.name)).toEqual(['Secret Plan']);
    expect(body.data.user).toBeNull();
  });

  it("cannot reach another workspace's objects by id", async () => {
    const alice = await t.graphql(acme.secretKey, `{ user(externalId: "alice") { id } eventGroups { id } apiKeys { id } }`);
    const { id } = alice.body.data.user;
    const byId = await t.graphql(globex.secretKey, `query($id: ID) { user(id: $id) { id } }`, { id });
    expect(byId.body.data.user).toBeNull();
    const events = await t.graphql(globex.secretKey, `query($u: String) { events(filter: { userId: $u }) { totalCount } }`, { u: id });
    expect(events.body.data.events.totalCount).toBe(0);
    const group = await t.graphql(globex.secretKey, `mutation($id: ID!) { updateEventGroup(input: { id: $id, name: "pwned" }) { id } }`, { id: alice.body.data.eventGroups[0].id });
    expect(group.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const key = await t.graphql(globex.secretKey, `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: alice.body.data.apiKeys[0].id });
    expect(key.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rename = await t.graphql(globex.secretKey, `mutation { renameEvent(input: { name: "Order Completed", displayName: "x" }) { id } }`);
    expect(rename.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses callers without a valid secret key', async () => {
    const none = await t.graphql(null, '{ workspace { id } }');
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(none.body.data).toBeNull();
    const bad = await t.graphql('tfs_not-a-key', '{ workspace { id } }');
    expect(bad.status).toBe(401);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const writeKeyAsSecret = await t.graphql(acme.writeKey, '{ workspace { id } }');
    expect(writeKeyAsSecret.status).toBe(401);
  });
});

it('limits query depth and cost', async () => {
  const deep = await t.graphql(acme.secretKey, `{ users { edges { node { events { edges { node { user { events { edges { node { user { events { edges { node { id } } } } } } } } } } } } } } }`);
  expect(deep.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  const costly = await t.graphql(acme.secretKey, `{ users(first: 200) { edges { node { events(first: 500) { edges { node { id name } } } } } } }`);
  expect(costly.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});
