import { eventually, type JourneyTestEnvironment, publishJourney, startJourneyTestEnvironment, startTimeSkippingEnvironment, waitForRun } from '../support';

// Days-long waits on Temporal's time-skipping test server: the journeys are not shortened.
let env: JourneyTestEnvironment;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  env = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  workspace = await env.createWorkspace('waits');
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
});

const trigger = (journeyId: string, userId: string, payload: Record<string, unknown> = {}) =>
  env.graphql(workspace.secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered reason } }`, { input: { journeyId, userId, payload } });

it('waits two days, then sends', async () => {
  await env.ingest(workspace.writeKey, 'identify', { userId: 'wait-1', traits: { email: 'w1@example.com' } });
  const journeyId = await publishJourney(env, workspace.secretKey, 'Two days', {
    nodes: [
      { id: 'api', type: 'apiTrigger', settings: {} },
      { id: 'wait', type: 'wait', settings: { duration: { amount: 2, unit: 'days' } } },
      { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Later', html: '<p>later</p>' } },
    ],
    edges: [
      { source: 'api', target: 'wait' },
      { source: 'wait', target: 'mail' },
    ],
  });
  expect((await trigger(journeyId, 'wait-1')).data.triggerJourney.entered).toBe(true);
  const waiting = await waitForRun(env, workspace.secretKey, journeyId, 'wait-1', ['ACTIVE']);
  await eventually(async () => (await env.db.prisma.journeyRun.findFirst({ where: { journeyId, waitingSince: { not: null } } })) ?? undefined, { what: 'the run to wait' });
  expect(waiting.status).toBe('ACTIVE');

  await env.temporalEnv.sleep('1 day');
  expect((await env.db.prisma.journeyRun.findFirstOrThrow({ where: { journeyId } })).status).toBe('ACTIVE');
  await env.temporalEnv.sleep('1 day');
  const run = await waitForRun(env, workspace.secretKey, journeyId, 'wait-1');
  expect(run.status).toBe('COMPLETED');
  const waited = run.steps.find((s: { kind: string; nodeId: string }) => s.kind === 'WAITING' && s.nodeId === 'wait');
  expect(waited.reason).toMatch(/^waiting 2 days \(until /);
  expect(run.steps.find((s: { branch: string }) => s.branch === 'sent')).toBeTruthy();
});
