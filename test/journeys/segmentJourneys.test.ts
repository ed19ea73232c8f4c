import { eventually, type JourneyTestEnvironment, publishJourney, startJourneyTestEnvironment, waitForRun } from '../support';

// Segments drive journeys: a user entering a live segment starts a run; runs waiting on a segment
// (or exiting on it) hear about membership changes; splits read membership; steps fill static segments.
let env: JourneyTestEnvironment;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };
let vipId: string;
let listId: string;

const gql = async (query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any }> => env.graphql(workspace.secretKey, query, variables);

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  workspace = await env.createWorkspace('segment-journeys');
  await env.ingest(workspace.writeKey, 'identify', { userId: 'seed', traits: { plan: 'free', email: 'seed@example.com' } });
  const vip = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: 'VIP', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'vip' }] } } },
  });
  vipId = vip.data.createSegment.id;
  const list = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: 'Welcomed VIPs', kind: 'STATIC' } });
  listId = list.data.createSegment.id;
});
afterAll(() => env?.close());

const settle = async () => {
  await env.segmentProcessor.drain();
  await env.processor.drain();
};

it('entering a segment starts the journey; leaving it ends the wait; the step adds to a static segment', async () => {
  const journeyId = await publishJourney(env, workspace.secretKey, 'VIP welcome', {
    nodes: [
      { id: 'vip', type: 'segmentTrigger', settings: { segmentId: vipId } },
      { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Welcome to VIP', html: '<p>Hi</p>' } },
      { id: 'list', type: 'updateUser', settings: { updates: [{ op: 'addToSegment', segmentId: listId }] } },
      { id: 'downgrade', type: 'waitForSegment', settings: { segmentId: vipId, member: false, timeout: { amount: 30, unit: 'days' } } },
      { id: 'tag', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'downgraded' }] } },
    ],
    edges: [
      { source: 'vip', target: 'mail' },
      { source: 'mail', sourceHandle: 'sent', target: 'list' },
      { source: 'list', target: 'downgrade' },
      { source: 'downgrade', sourceHandle: 'matched', target: 'tag' },
    ],
  });

  await env.ingest(workspace.writeKey, 'identify', { userId: 'vera', traits: { email: 'vera@example.com', plan: 'vip' } });
  await settle();
  await eventually(async () => (await env.db.prisma.journeyRun.findFirst({ where: { journeyId, currentNodeId: 'downgrade', waitingSince: { not: null } } })) ?? undefined, { what: 'vera waiting to leave VIP' });
  const listed = await gql(`query($id: ID!) { segment(id: $id) { size members(first: 5) { edges { node { user { externalId } } } } } }`, { id: listId });
  expect(listed.data.segment.members.edges.map((e: any) => e.node.user.externalId)).toEqual(['vera']);

  await env.ingest(workspace.writeKey, 'identify', { userId: 'vera', traits: { plan: 'free' } });
  await settle();
  const run = await waitForRun(env, workspace.secretKey, journeyId, 'vera');
  expect(run.steps.filter((s: any) => s.kind === 'BRANCH').map((s: any) => `${s.nodeId}:${s.branch}`)).toEqual(['vip:next', 'mail:sent', 'list:next', 'downgrade:matched', 'tag:next']);
  expect(run.steps.find((s: any) => s.nodeId === 'downgrade' && s.kind === 'WAITING').reason).toBe('waiting up to 30 days to leave segment "VIP"');
  expect(run.steps.find((s: any) => s.nodeId === 'list' && s.kind === 'BRANCH').reason).toBe('added to segment "Welcomed VIPs"');
  const user = await gql(`{ user(externalId: "vera") { traits } }`);
  expect(user.data.user.traits.tags).toEqual(['downgraded']);

  // Re-entering the segment does not start a second run (re-entry: never).
  await env.ingest(workspace.writeKey, 'identify', { userId: 'vera', traits: { plan: 'vip' } });
  await settle();
  expect(await env.db.prisma.journeyRun.count({ where: { journeyId } })).toBe(1);
});

it('a run exits when the user leaves a segment, and splits read membership', async () => {
  const journeyId = await publishJourney(env, workspace.secretKey, 'VIP nurture', {
    nodes: [
      { id: 'api', type: 'apiTrigger', settings: {} },
      { id: 'who', type: 'conditionSplit', settings: { branches: [{ key: 'vip', when: { match: 'all', conditions: [{ kind: 'segment', segmentId: vipId, member: true }] } }] } },
      { id: 'wait', type: 'wait', settings: { duration: { amount: 7, unit: 'days' } } },
    ],
    edges: [
      { source: 'api', target: 'who' },
      { source: 'who', sourceHandle: 'vip', target: 'wait' },
    ],
    exitCriteria: [{ kind: 'segment', segmentId: vipId, member: false }],
  });
  await env.ingest(workspace.writeKey, 'identify', { userId: 'otto', traits: { email: 'otto@example.com', plan: 'vip' } });
  await settle();
  const triggered = await gql(`mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered } }`, { input: { journeyId, userId: 'otto' } });
  expect(triggered.data.triggerJourney.entered).toBe(true);
  await eventually(async () => (await env.db.prisma.journeyRun.findFirst({ where: { journeyId, currentNodeId: 'wait', waitingSince: { not: null } } })) ?? undefined, { what: 'otto waiting' });

  await env.ingest(workspace.writeKey, 'identify', { userId: 'otto', traits: { plan: 'free' } });
  await settle();
  const run = await waitForRun(env, workspace.secretKey, journeyId, 'otto');
  expect(run.status).toBe('EXITED');
  expect(run.endReason).toBe('exit criterion: left segment "VIP"');
  expect(run.steps.find((s: any) => s.nodeId === 'who' && s.kind === 'BRANCH').reason).toBe('condition true: member of segment "VIP"');
});

it('a journey step that changes the profile moves the user into live segments, as an identify call does', async () => {
  const journeyId = await publishJourney(env, workspace.secretKey, 'Upgrade to VIP', {
    nodes: [
      { id: 'api', type: 'apiTrigger', settings: {} },
      { id: 'upgrade', type: 'updateUser', settings: { updates: [{ op: 'set', attribute: 'plan', value: 'vip' }] } },
    ],
    edges: [{ source: 'api', target: 'upgrade' }],
  });
  await env.ingest(workspace.writeKey, 'identify', { userId: 'uma', traits: { email: 'uma@example.com', plan: 'free' } });
  await settle();
  expect((await gql(`mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered } }`, { input: { journeyId, userId: 'uma' } })).data.triggerJourney.entered).toBe(true);
  expect((await waitForRun(env, workspace.secretKey, journeyId, 'uma')).status).toBe('COMPLETED');
  await eventually(
    async () => {
      await settle();
      const user = await gql(`{ user(externalId: "uma") { segments { segment { id } } } }`);
      return user.data.user.segments.some((m: any) => m.segment.id === vipId) || undefined;
    },
    { what: 'uma in VIP' },
  );
  // The change is in her timeline as an identify made by the journey.
  const identifies = await gql(`{ user(externalId: "uma") { events(first: 5, filter: { name: "User Identified" }) { edges { node { properties } } } } }`);
  expect(identifies.data.user.events.edges.map((e: any) => e.node.properties)).toContainEqual({ source: 'journey', journeyId, journeyName: 'Upgrade to VIP', nodeId: 'upgrade' });
});

it('refuses to delete a segment a journey uses, and to publish a journey with an unknown segment', async () => {
  const refused = await gql(`mutation($id: ID!) { deleteSegment(id: $id) }`, { id: vipId });
  expect(refused.errors[0].extensions.code).toBe('CONFLICT');
  expect(refused.errors[0].message).toMatch(/journey "VIP welcome"/);

  const created = await gql(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, {
    input: { name: 'Ghost segment', draft: { nodes: [{ id: 's', type: 'segmentTrigger', settings: { segmentId: '00000000-0000-0000-0000-000000000000' } }, { id: 'e', type: 'end' }], edges: [{ source: 's', target: 'e' }] } },
  });
  const published = await gql(`mutation($id: ID!) { publishJourney(id: $id) { id } }`, { id: created.data.createJourney.id });
  expect(published.errors[0].extensions.code).toBe('JOURNEY_INVALID');
  expect(published.errors[0].extensions.problems[0]).toMatchObject({ nodeId: 's', message: expect.stringContaining('does not exist in this workspace') });
});
