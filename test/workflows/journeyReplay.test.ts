import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { type JourneyTestEnvironment, publishJourney, startJourneyTestEnvironment, startTimeSkippingEnvironment, startWebhookSink, waitForRun, workflowBundle } from '../support';

/**
 * Determinism guard: histories recorded from real journey runs (some by
 * earlier versions of the workflow code) must replay on today's code, each on
 * the workflow type it ran as. A change to interpretJourney.ts that would break
 * runs in flight fails here; such changes go behind `patched()` or into a new
 * type (journeyRunWorkflow.ts).
 *
 * Record new histories with `RECORD_JOURNEY_HISTORIES=<label> npm test -- test/workflows/journeyReplay`.
 */
const historiesDir = path.join(__dirname, 'histories');

function storedHistories() {
  return readdirSync(historiesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file, workflowId: file.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8'))) }));
}

const recording = process.env.RECORD_JOURNEY_HISTORIES;

(recording ? it.skip : it)('every recorded journey history replays on the current workflow code', async () => {
  const histories = storedHistories();
  expect(histories.length).toBeGreaterThanOrEqual(4);
  // Every generation of the workflow that may still have runs in flight is covered.
  const types = new Set(histories.map(({ history }) => history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name));
  expect([...types].sort()).toEqual(['journeyRun', 'journeyRunV2', 'journeyRunV3']);
  const results = Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories.map(({ workflowId, history }) => ({ workflowId, history })));
  const failures: string[] = [];
  for await (const result of results) if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  expect(failures).toEqual([]);
});

(recording ? it : it.skip)('records journey histories', async () => {
  const env: JourneyTestEnvironment = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  const sink = await startWebhookSink();
  try {
    const workspace = await env.createWorkspace('replay');
    for (const userId of ['timeout', 'matched', 'vip', 'plain', 'exit']) await env.ingest(workspace.writeKey, 'identify', { userId, traits: { email: `${userId}@example.com`, plan: userId === 'vip' ? 'vip' : 'free' } });
    const journeyId = await publishJourney(env, workspace.secretKey, 'Replay fixture', {
      nodes: [
        { id: 'added', type: 'eventTrigger', settings: { eventName: 'Added To Cart' } },
        { id: 'order', type: 'waitForEvent', settings: { eventName: 'Order Completed', matchTrigger: { eventProperty: 'cartId', triggerProperty: 'cartId' }, timeout: { amount: 3, unit: 'hours' } } },
        { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Your cart', html: '<p>{{ event.cartId }}</p>' } },
        { id: 'ab', type: 'randomSplit', settings: { branches: [{ key: 'a', percent: 50 }, { key: 'b', percent: 50 }] } },
        { id: 'day', type: 'wait', settings: { duration: { amount: 1, unit: 'days' } } },
        { id: 'vip', type: 'conditionSplit', settings: { branches: [{ key: 'vip', when: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'vip' }] } }] } },
        { id: 'crm', type: 'webhook', settings: { url: `${sink.url}/crm`, saveResponseAs: 'crm' } },
        { id: 'tag', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'reminded' }] } },
        { id: 'done', type: 'end' },
      ],
      edges: [
        { source: 'added', target: 'order' },
        { source: 'order', sourceHandle: 'matched', target: 'done' },
        { source: 'order', sourceHandle: 'timeout', target: 'mail' },
        { source: 'mail', sourceHandle: 'sent', target: 'ab' },
        { source: 'ab', sourceHandle: 'a', target: 'day' },
        { source: 'ab', sourceHandle: 'b', target: 'day' },
        { source: 'day', target: 'vip' },
        { source: 'vip', sourceHandle: 'vip', target: 'crm' },
        { source: 'vip', sourceHandle: 'else', target: 'tag' },
        { source: 'crm', sourceHandle: 'ok', target: 'tag' },
        { source: 'tag', target: 'done' },
      ],
      exitCriteria: [{ kind: 'event', eventName: 'Unsubscribed', filters: [] }],
    });
    for (const userId of ['timeout', 'matched', 'vip', 'plain', 'exit']) await env.ingest(workspace.writeKey, 'track', { userId, event: 'Added To Cart', properties: { cartId: `cart-${userId}` } });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await env.ingest(workspace.writeKey, 'track', { userId: 'matched', event: 'Order Completed', properties: { cartId: 'cart-matched' } });
    await env.ingest(workspace.writeKey, 'track', { userId: 'exit', event: 'Unsubscribed', properties: {} });
    await env.temporalEnv.sleep('3 hours');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await env.temporalEnv.sleep('1 day');
    mkdirSync(historiesDir, { recursive: true });
    for (const userId of ['timeout', 'matched', 'vip', 'plain', 'exit']) {
      const run = await waitForRun(env, workspace.secretKey, journeyId, userId);
      const history = await env.temporalEnv.client.workflow.getHandle(run.workflowId).fetchHistory();
      const file = path.join(historiesDir, `${recording}-${userId}.json`);
      if (!existsSync(file)) writeFileSync(file, historyToJSON(history));
    }
  } finally {
    await sink.close();
    await env.close();
    await env.temporalEnv.teardown();
  }
});
