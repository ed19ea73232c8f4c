import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { searchAttributes } from '@tideflow/workflows';
import { startTimeSkippingEnvironment } from '../support';
import { createSleepyActivities } from './fixtures/sleepyActivities';
import type { sleepyWorkflow, taggedSleepyWorkflow } from './fixtures/sleepyWorkflow';

// Journey waits last days: these tests run them on Temporal's time-skipping test server
// (installed by `npm test`), which jumps over timers instead of waiting for them.
const DAY_MS = 24 * 60 * 60 * 1000;
const taskQueue = 'time-skipping';
const silent = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };

let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRun: Promise<void>;
const wakeUps: string[] = [];

beforeAll(async () => {
  const [started, workflowBundle] = await Promise.all([startTimeSkippingEnvironment(), bundleWorkflowCode({ workflowsPath: require.resolve('./fixtures/sleepyWorkflow'), logger: silent })]);
  env = started;
  worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, workflowBundle, activities: createSleepyActivities(wakeUps) });
  workerRun = worker.run();
}, 120_000);
afterAll(async () => {
  if (worker) {
    worker.shutdown();
    await workerRun;
  }
  await env?.teardown();
});

it('skips a 3-day timer: the workflow sleeps 3 days, then runs its activity, in seconds of wall time', async () => {
  const startedAt = Date.now();
  const serverTimeBefore = await env.currentTimeMs();

  const result = await env.client.workflow.execute<typeof sleepyWorkflow>('sleepyWorkflow', { taskQueue, workflowId: 'sleepy-auto', args: [3] });

  expect(result).toEqual({ sleptMs: expect.any(Number), greeting: 'good morning, sleepy-auto' });
  expect(result.sleptMs).toBeGreaterThanOrEqual(3 * DAY_MS);
  expect((await env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(3 * DAY_MS);
  expect(wakeUps).toContain('sleepy-auto');
  expect(Date.now() - startedAt).toBeLessThan(30_000);
});

it('moves time forward with env.sleep while a workflow waits', async () => {
  const handle = await env.client.workflow.start<typeof sleepyWorkflow>('sleepyWorkflow', { taskQueue, workflowId: 'sleepy-manual', args: [3] });
  await env.sleep('2 days');
  expect(wakeUps).not.toContain('sleepy-manual'); // a day to go
  await env.sleep('1 day');
  expect((await handle.result()).greeting).toBe('good morning, sleepy-manual');
});

it("accepts Tideflow's search attributes at start and from upsertSearchAttributes", async () => {
  const handle = await env.client.workflow.start<typeof taggedSleepyWorkflow>('taggedSleepyWorkflow', {
    taskQueue,
    workflowId: 'tagged',
    args: [7],
    typedSearchAttributes: [
      { key: searchAttributes.workspaceId, value: 'ws-1' },
      { key: searchAttributes.userId, value: 'user-1' },
      { key: searchAttributes.journeyId, value: 'journey-1' },
    ],
  });

  expect(await handle.result()).toEqual({ WorkspaceId: 'ws-1', UserId: 'user-1', JourneyId: 'journey-1', JourneyVersion: 7, CampaignId: 'campaign-1' });
  const described = (await handle.describe()).typedSearchAttributes;
  expect(described.get(searchAttributes.workspaceId)).toBe('ws-1');
  expect(described.get(searchAttributes.journeyVersion)).toBe(7);
  expect(described.get(searchAttributes.campaignId)).toBe('campaign-1');
});
