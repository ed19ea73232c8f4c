import { randomUUID } from 'node:crypto';
import { ingestMessages } from '@tideflow/api';
import { validateSegmentBatch } from '@tideflow/domain';
import { eventually, startTestApi, type TestApi } from '../support';

let api: TestApi;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  api = await startTestApi();
  workspace = await api.createTestWorkspace('live-segments');
  await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'ann', traits: { email: 'ann@example.com', plan: 'pro' } },
      { type: 'identify', userId: 'bob', traits: { email: 'bob@example.com', plan: 'free' } },
      { type: 'track', userId: 'ann', event: 'Order Completed', properties: { total: 50 } },
    ],
  });
});
afterAll(() => api?.close());

const gql = async (query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any }> => {
  const { body } = await api.graphql(workspace.secretKey, query, variables);
  return body;
};

const buyers = {
  root: { type: 'group', match: 'all', children: [{ type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, filters: [], count: { rule: 'atLeast', times: 2 }, window: { kind: 'ever' } }] },
};

it('previews, creates, keeps a live segment current per event, and records entries and exits', async () => {
  const preview = await gql(`query($d: JSON!) { previewSegment(definition: $d) { valid size exact sampleUsers { externalId } problems { path message } } }`, {
    d: { root: { type: 'group', match: 'all', children: [{ type: 'attribute', attribute: 'plann', operator: 'equals', value: 'pro' }] } },
  });
  expect(preview.data.previewSegment).toMatchObject({ valid: false, size: 0 });
  expect(preview.data.previewSegment.problems).toEqual([{ path: 'root.children.0.attribute', message: expect.stringContaining('did you mean "plan"') }]);

  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id kind status size dependsOnEvents } }`, { input: { name: 'Repeat buyers', kind: 'LIVE', definition: buyers } });
  expect(created.errors).toBeUndefined();
  expect(created.data.createSegment).toMatchObject({ kind: 'LIVE', status: 'READY', size: 0, dependsOnEvents: ['Order Completed'] });
  const segmentId = created.data.createSegment.id;

  // A second order moves Ann in; the processor re-checks only her, only for segments that depend on the event.
  await api.ingest(workspace.writeKey, 'track', { userId: 'ann', event: 'Order Completed', properties: { total: 70 } });
  await api.segmentProcessor.drain();
  const after = await gql(`query($id: ID!) { segment(id: $id) { size members(first: 5) { totalCount edges { node { user { externalId } } } } } }`, { id: segmentId });
  expect(after.data.segment.size).toBe(1);
  expect(after.data.segment.members.edges.map((e: any) => e.node.user.externalId)).toEqual(['ann']);

  const user = await gql(`{ user(externalId: "ann") { segments { segment { name } } segmentHistory { enteredAt exitedAt } events(first: 5, filter: { name: "Segment Entered" }) { edges { node { name properties } } } } }`);
  expect(user.data.user.segments).toEqual([{ segment: { name: 'Repeat buyers' } }]);
  expect(user.data.user.segmentHistory).toHaveLength(1);
  expect(user.data.user.events.edges[0].node.properties).toMatchObject({ segmentId, segmentName: 'Repeat buyers' });

  // A definition change rebuilds membership; bob enters nothing, ann leaves a stricter segment.
  const updated = await gql(`mutation($input: UpdateSegmentInput!) { updateSegment(input: $input) { size } }`, {
    input: { id: segmentId, definition: { root: { type: 'group', match: 'all', children: [{ ...buyers.root.children[0], count: { rule: 'atLeast', times: 3 } }] } } },
  });
  expect(updated.data.updateSegment.size).toBe(0);
  const history = await eventually(async () => {
    const h = await gql(`{ user(externalId: "ann") { segmentHistory { enteredAt exitedAt } } }`);
    return h.data.user.segmentHistory[0].exitedAt ? h.data.user.segmentHistory : undefined;
  });
  expect(history).toHaveLength(1);
});

it('refuses to delete a segment another segment uses', async () => {
  const base = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: 'Pro plan', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] } } },
  });
  const baseId = base.data.createSegment.id;
  const dependent = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id size } }`, {
    input: { name: 'Pro with email', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'segment', segmentId: baseId }, { type: 'reachability', channel: 'email' }] } } },
  });
  expect(dependent.data.createSegment.size).toBe(1);
  const refused = await gql(`mutation($id: ID!) { deleteSegment(id: $id) }`, { id: baseId });
  expect(refused.errors![0].extensions.code).toBe('CONFLICT');
  expect(refused.errors![0].message).toContain('segment "Pro with email"');

  // bob upgrades: he enters "Pro plan", and through it "Pro with email".
  await api.ingest(workspace.writeKey, 'identify', { userId: 'bob', traits: { plan: 'pro' } });
  await api.segmentProcessor.drain();
  const sizes = await gql(`{ segments { name size } }`);
  expect(sizes.data.segments).toEqual(expect.arrayContaining([{ name: 'Pro plan', size: 2 }, { name: 'Pro with email', size: 2 }]));
});

it('follows profile changes that arrive with tracked events: technology from the context, a new anonymous visitor', async () => {
  const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id size } }`, {
    input: { name: 'On Chrome', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'technology', attribute: 'browser', operator: 'startsWith', value: 'Chrome' }] } } },
  });
  const segmentId = created.data.createSegment.id;
  expect(created.data.createSegment.size).toBe(0);
  const members = async () => {
    await api.segmentProcessor.drain();
    const result = await gql(`query($id: ID!) { segment(id: $id) { members(first: 10) { edges { node { user { externalId identities { value } } } } } } }`, { id: segmentId });
    return result.data.segment.members.edges.map((e: any) => e.node.user.externalId ?? e.node.user.identities[0]?.value).sort();
  };

  // A track call (no identify) from Chrome: ann's browser changes, she enters; so does a first-time anonymous visitor.
  await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'track', userId: 'ann', event: 'Product Viewed', context: { userAgent: chrome } },
      { type: 'page', anonymousId: 'visitor-1', name: 'Home', context: { userAgent: chrome } },
    ],
  });
  expect(await members()).toEqual(['ann', 'visitor-1']);

  // Straight through ingestion (the HTTP route would wake the processor, which empties the inbox): the same
  // browser again changes nothing and queues nothing; switching to Firefox queues ann's event, marked.
  const ingestDirectly = async (call: object) => {
    const validated = validateSegmentBatch({ batch: [call] }, { receivedAt: new Date(), newMessageId: () => randomUUID() });
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
    await ingestMessages(api.db.sql, workspace.workspaceId, validated.messages);
  };
  const queued = () => api.db.prisma.segmentInbox.findMany({ where: { workspaceId: workspace.workspaceId }, select: { profileChanged: true } });
  await ingestDirectly({ type: 'track', userId: 'ann', event: 'Product Viewed', context: { userAgent: chrome } });
  expect(await queued()).toEqual([]);
  await ingestDirectly({ type: 'track', userId: 'ann', event: 'Product Viewed', context: { userAgent: firefox } });
  expect(await queued()).toEqual([{ profileChanged: true }]);
  expect(await members()).toEqual(['visitor-1']);
  const ann = await gql(`{ user(externalId: "ann") { events(first: 1, filter: { name: "Segment Exited" }) { edges { node { properties } } } } }`);
  expect(ann.data.user.events.edges[0].node.properties).toMatchObject({ segmentId, segmentName: 'On Chrome' });
});
