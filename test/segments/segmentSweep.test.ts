import { ensureSegmentSweepSchedule, workflowIds } from '@tideflow/workflows';
import { type JourneyTestEnvironment, startJourneyTestEnvironment } from '../support';

// Time alone moves users out of a sliding window: the Schedule's sweep workflow records the exits.
let env: JourneyTestEnvironment;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  workspace = await env.createWorkspace('sweep');
});
afterAll(() => env?.close());

it('sweeps time-sensitive segments on a Temporal Schedule, recording exits as time passes', async () => {
  const justNow = new Date(Date.now() - 55_000).toISOString();
  await env.ingest(workspace.writeKey, 'track', { userId: 'recent', event: 'App Opened', timestamp: justNow });
  const created = await env.graphql(workspace.secretKey, `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id size timeSensitive } }`, {
    input: { name: 'Active this minute', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'behaviour', event: { kind: 'event', name: 'App Opened' }, window: { kind: 'last', amount: 1, unit: 'minutes' } }] } } },
  });
  expect(created.data.createSegment).toMatchObject({ size: 1, timeSensitive: true });

  await ensureSegmentSweepSchedule(env.temporal, 60);
  const schedule = env.temporal.client.schedule.getHandle(workflowIds.segmentSweep);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  await schedule.trigger();
  const sweep = await (async () => {
    for (;;) {
      const runs = env.temporal.client.workflow.list({ query: `WorkflowType = 'segmentSweep'` });
      for await (const run of runs) if (run.status.name === 'COMPLETED') return env.temporal.client.workflow.getHandle(run.workflowId, run.runId).result();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  expect(sweep).toMatchObject({ segments: 1, entered: 0, exited: 1, failed: 0 });
  const after = await env.graphql(workspace.secretKey, `query($id: ID!) { segment(id: $id) { size history(first: 5) { exitedAt } } }`, { id: created.data.createSegment.id });
  expect(after.data.segment.size).toBe(0);
  expect(after.data.segment.history[0].exitedAt).not.toBeNull();
  await schedule.delete();
});
