import { eventually, type JourneyTestEnvironment, publishJourney, startJourneyTestEnvironment, waitForRun } from '../support';

let env: JourneyTestEnvironment;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  workspace = await env.createWorkspace('api-trigger');
});
afterAll(() => env?.close());

const journey = {
  nodes: [
    { id: 'api', type: 'apiTrigger', settings: {} },
    { id: 'welcome', type: 'sendMessage', label: 'Welcome email', settings: { channel: 'email', subject: 'Hi {{ user.firstName | default: "there" }}', html: '<p>Order {{ event.orderId }} from {{ journey.name }}</p>' } },
    { id: 'tag', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'welcomed' }, { op: 'increment', attribute: 'welcomes', by: 1 }] } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { source: 'api', sourceHandle: 'next', target: 'welcome' },
    { source: 'welcome', sourceHandle: 'sent', target: 'tag' },
    { source: 'tag', sourceHandle: 'next', target: 'done' },
  ],
};

it('enters a user through triggerJourney, sends to the outbox, updates the user once, and logs every step', async () => {
  const identify = await env.ingest(workspace.writeKey, 'identify', { userId: 'ada', traits: { email: 'ada@example.com', firstName: 'Ada' } });
  expect(identify.status).toBe(200);
  const journeyId = await publishJourney(env, workspace.secretKey, 'Welcome', journey);

  const triggered = await env.graphql(workspace.secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered duplicate reason run { id entryNumber } } }`, {
    input: { journeyId, userId: 'ada', payload: { orderId: 'A-1' }, idempotencyKey: 'order-A-1' },
  });
  expect(triggered.errors).toBeUndefined();
  expect(triggered.data.triggerJourney).toMatchObject({ entered: true, duplicate: false, reason: null, run: { entryNumber: 1 } });

  const again = await env.graphql(workspace.secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered duplicate run { id } } }`, {
    input: { journeyId, userId: 'ada', payload: { orderId: 'A-1' }, idempotencyKey: 'order-A-1' },
  });
  expect(again.data.triggerJourney).toEqual({ entered: true, duplicate: true, run: { id: triggered.data.triggerJourney.run.id } });

  const run = await waitForRun(env, workspace.secretKey, journeyId, 'ada');
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s: { nodeId: string; kind: string; branch: string | null }) => `${s.kind}:${s.nodeId ?? ''}:${s.branch ?? ''}`)).toEqual([
    'ENTERED:api:',
    'BRANCH:api:next',
    'ENTERED:welcome:',
    'BRANCH:welcome:sent',
    'ENTERED:tag:',
    'BRANCH:tag:next',
    'ENTERED:done:',
    'ENDED:done:',
  ]);
  const sent = run.steps.find((s: { branch: string }) => s.branch === 'sent');
  expect(sent.reason).toMatch(/outbox/);
  expect(sent.messageId).toBeTruthy();

  const outbox = await env.graphql(workspace.secretKey, `{ outbox(first: 10) { totalCount edges { node { id recipient subject body status provider } } } }`);
  expect(outbox.data.outbox.totalCount).toBe(1);
  expect(outbox.data.outbox.edges[0].node).toMatchObject({ id: sent.messageId, recipient: 'ada@example.com', subject: 'Hi Ada', status: 'SENT', provider: 'outbox' });
  expect(outbox.data.outbox.edges[0].node.body).toContain('Order A-1 from Welcome');

  const user = await env.graphql(workspace.secretKey, `{ user(externalId: "ada") { traits } }`);
  expect(user.data.user.traits).toMatchObject({ tags: ['welcomed'], welcomes: 1 });

  const stats = await eventually(async () => {
    const result = await env.graphql(workspace.secretKey, `query($id: ID!) { journey(id: $id) { stats { entered active completed } nodeStats { nodeId entered waitingNow branches { branch count percent } } } }`, { id: journeyId });
    return result.data.journey.stats.completed === 1 ? result.data.journey : undefined;
  });
  expect(stats.stats).toEqual({ entered: 1, active: 0, completed: 1 });
  expect(stats.nodeStats.find((n: { nodeId: string }) => n.nodeId === 'welcome')).toEqual({ nodeId: 'welcome', entered: 1, waitingNow: 0, branches: [{ branch: 'sent', count: 1, percent: 100 }] });
});
