import { TestWorkflowEnvironment } from '@temporalio/testing';
import { allSearchAttributes, searchAttributes } from '@tideflow/workflows';
import { eventually, type JourneyTestEnvironment, startJourneyTestEnvironment, temporalCliPath } from '../support';
import { journeyScenario, type JourneyScenario, pathOf } from '../support/journeyScenario';

// A run that loops for long continues as new before its history grows too big: the workflow does so when
// Temporal suggests it (`continueAsNewSuggested`) or past 10,000 history events. A journey loop is bounded
// by maxNodeVisits (at most 100), far below 10,000 events, so this file runs a real dev server whose
// suggestion threshold is lowered to 30 events (`limit.historyCount.suggestContinueAsNew`, a standard Temporal
// dynamic config key): the workflow code path is the production one, only the server's limit is small.
// Bookkeeping steps are local activities (one marker event each), so an iteration adds only about 9 events.
// The loop is driven by events (wait for "Ping"), so no timer has to elapse.
let temporalEnv: TestWorkflowEnvironment;
let env: JourneyTestEnvironment;
let s: JourneyScenario;

beforeAll(async () => {
  temporalEnv = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: allSearchAttributes,
      extraArgs: ['--log-level', 'error', '--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=30'],
    },
  });
  env = await startJourneyTestEnvironment({ temporalEnv });
  s = journeyScenario(env, await env.createWorkspace('loops'));
});
afterAll(async () => {
  await env?.close();
  await temporalEnv?.teardown();
});

const pingLoop = {
  nodes: [
    { id: 'api', type: 'apiTrigger' },
    { id: 'ping', type: 'waitForEvent', label: 'Next ping', settings: { eventName: 'Ping', timeout: { amount: 7, unit: 'days' } } },
    { id: 'count', type: 'updateUser', settings: { updates: [{ op: 'increment', attribute: 'pings', by: 1 }] } },
  ],
  edges: [
    { source: 'api', target: 'ping' },
    { source: 'ping', sourceHandle: 'matched', target: 'count' },
    { source: 'count', target: 'ping' },
  ],
  goal: { eventName: 'Ping', filters: [{ property: 'n', operator: 'eq', value: 3 }], within: { amount: 7, unit: 'days' } },
  maxNodeVisits: 12,
};

it('a long event-driven loop continues as new, keeps its state (visits, step log, conversion), and ends at the loop limit', async () => {
  const journeyId = await s.publish('Ping loop', pingLoop);
  await s.identify('pinger', {});
  const triggered = await s.trigger(journeyId, 'pinger');
  const workflowId = triggered.run!.workflowId;

  for (let n = 1; n <= 12; n++) {
    await s.waitingAt(journeyId, 'pinger', 'ping');
    await s.track('pinger', 'Ping', { n });
    if (n < 12) await eventually(async () => (await s.user('pinger')).traits.pings === n, { what: `ping ${n} counted` });
  }
  const run = await s.finished(journeyId, 'pinger');
  expect(run.status).toBe('EXITED');
  expect(run.endReason).toBe('loop limit: "Next ping" reached 12 visits');
  // Every ping counted exactly once, across the new runs.
  expect((await s.user('pinger')).traits.pings).toBe(12);
  expect(pathOf(run)).toEqual(['api:next', ...Array.from({ length: 12 }, () => ['ping:matched', 'count:next']).flat()]);
  // One step log, numbered without a gap or a repeat although it was written by several workflow runs.
  expect(run.steps.map((step) => step.seq)).toEqual(run.steps.map((_, index) => index));
  expect(run.steps.filter((step) => step.kind === 'CONVERTED')).toHaveLength(1);
  expect(run.convertedAt).not.toBeNull();

  // Temporal's side: the workflow id has several executions, all but the last continued as new.
  const executions = await eventually(async () => {
    const found = [];
    for await (const execution of temporalEnv.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) found.push(execution);
    return found.length > 1 && found.every((e) => e.status.name !== 'RUNNING') ? found : undefined;
  }, { what: 'the executions to be listed' });
  const statuses = executions.map((e) => e.status.name);
  expect(statuses.filter((status) => status === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
  expect(statuses.filter((status) => status === 'COMPLETED')).toHaveLength(1);
  for (const execution of executions) expect(execution.historyLength).toBeLessThan(150);
  const last = await temporalEnv.client.workflow.getHandle(workflowId).describe();
  expect(last.status.name).toBe('COMPLETED');
  expect(last.typedSearchAttributes.get(searchAttributes.journeyId)).toBe(journeyId);
});
