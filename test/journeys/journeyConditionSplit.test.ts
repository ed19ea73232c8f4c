import { type JourneyTestEnvironment, startJourneyTestEnvironment, startWebhookSink, type WebhookSink } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// Condition splits read the user as stored now, the trigger, the user's behaviour in the database and the
// journey context; branches are checked in order and the step log says why one was taken. No timers here.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let sink: WebhookSink;

beforeAll(async () => {
  [env, sink] = await Promise.all([startJourneyTestEnvironment(), startWebhookSink()]);
  s = journeyScenario(env, await env.createWorkspace('condition-split'));
});
afterAll(async () => {
  await env?.close();
  await sink?.close();
});

/** api → (steps before) → split → one tag per branch (so the branch taken shows on the user too). */
function splitJourney(branches: Array<{ key: string; label?: string; when: unknown }>, before: Array<{ id: string; type: string; settings: unknown }> = []) {
  const keys = [...branches.map((b) => b.key), 'else'];
  const chain = ['api', ...before.map((node) => node.id), 'split'];
  return {
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      ...before,
      { id: 'split', type: 'conditionSplit', settings: { branches } },
      ...keys.map((key) => ({ id: `tag-${key}`, type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: key }] } })),
    ],
    edges: [
      ...chain.slice(1).map((target, index) => ({ source: chain[index]!, sourceHandle: before[index - 1]?.type === 'webhook' ? 'ok' : 'next', target })),
      ...keys.map((key) => ({ source: 'split', sourceHandle: key, target: `tag-${key}` })),
    ],
    entryRules: { reEntry: { mode: 'anyTime' } },
  };
}

const when = (conditions: unknown[], match: 'all' | 'any' = 'all') => ({ match, conditions });

async function branchOf(journeyId: string, userId: string, payload?: Record<string, unknown>) {
  expect((await s.trigger(journeyId, userId, payload)).entered).toBe(true);
  const run = await s.finished(journeyId, userId);
  const step = run.steps.find((st) => st.nodeId === 'split' && st.kind === 'BRANCH')!;
  return `${step.branch} | ${step.reason}`;
}

it('attributes: system attributes and traits; branches in order, the first that holds wins, else otherwise', async () => {
  const journeyId = await s.publish('Segments by attribute', splitJourney([
    { key: 'vip', label: 'Big spenders', when: when([{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'vip' }, { kind: 'attribute', attribute: 'traits.ltv', operator: 'gte', value: 1000 }]) },
    { key: 'dutch', when: when([{ kind: 'attribute', attribute: 'country', operator: 'eq', value: 'NL' }]) },
    { key: 'reachable', when: when([{ kind: 'attribute', attribute: 'email', operator: 'notExists' }, { kind: 'attribute', attribute: 'address.city', operator: 'in', value: ['Paris', 'Lyon'] }], 'any') },
  ]));
  await s.identify('vip-nl', { plan: 'vip', ltv: 1500, country: 'NL', email: 'v@example.com' });
  await s.identify('small-nl', { plan: 'vip', ltv: 20, country: 'NL', email: 's@example.com' });
  await s.identify('paris', { email: 'p@example.com', address: { city: 'Paris' } });
  await s.identify('nobody', { email: 'n@example.com', country: 'DE' });

  expect(await branchOf(journeyId, 'vip-nl')).toBe('vip | condition true: plan = vip (is vip) and traits.ltv ≥ 1000 (is 1500)');
  expect(await branchOf(journeyId, 'small-nl')).toBe('dutch | condition true: country = NL (is NL)');
  expect(await branchOf(journeyId, 'paris')).toBe('reachable | condition true: address.city in ["Paris","Lyon"] (is Paris)');
  expect(await branchOf(journeyId, 'nobody')).toBe(
    'else | condition false: plan = vip (missing); country = NL (is DE); email does not exist or address.city in ["Paris","Lyon"] (missing)',
  );
  expect((await s.user('vip-nl')).traits.tags).toEqual(['vip']);

  // A profile change between two entries changes the outcome: the split reads the user as stored now.
  await s.identify('nobody', { country: 'NL' });
  expect(await branchOf(journeyId, 'nobody')).toBe('dutch | condition true: country = NL (is NL)');
});

it('trigger properties', async () => {
  const journeyId = await s.publish('Segments by payload', splitJourney([{ key: 'express', when: when([{ kind: 'triggerProperty', property: 'shipping.method', operator: 'eq', value: 'express' }]) }]));
  await s.identify('payload-user', {});
  expect(await branchOf(journeyId, 'payload-user', { shipping: { method: 'Express' } })).toBe('express | condition true: event.shipping.method = express (is Express)');
  expect(await branchOf(journeyId, 'payload-user', {})).toBe('else | condition false: event.shipping.method = express (missing)');
});

it('behaviour: did / did not, at least N times, within a window', async () => {
  const journeyId = await s.publish('Segments by behaviour', splitJourney([
    { key: 'loyal', when: when([{ kind: 'behaviour', eventName: 'Order Completed', atLeast: 2, within: { amount: 30, unit: 'days' }, filters: [{ property: 'total', operator: 'gt', value: 10 }] }]) },
    { key: 'happy', when: when([{ kind: 'behaviour', eventName: 'Order Completed', within: { amount: 30, unit: 'days' } }, { kind: 'behaviour', eventName: 'Ticket Opened', did: false, within: { amount: 7, unit: 'days' } }]) },
  ]));
  const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString();
  await s.batch([
    { type: 'track', userId: 'loyal', event: 'Order Completed', properties: { total: 50 } },
    { type: 'track', userId: 'loyal', event: 'Order Completed', properties: { total: 20 } },
    { type: 'track', userId: 'once', event: 'Order Completed', properties: { total: 50 } },
    { type: 'track', userId: 'once', event: 'Order Completed', properties: { total: 5 } },
    { type: 'track', userId: 'once', event: 'Order Completed', properties: { total: 90 }, timestamp: longAgo },
    { type: 'track', userId: 'grumpy', event: 'Order Completed', properties: { total: 50 } },
    { type: 'track', userId: 'grumpy', event: 'Ticket Opened', properties: {} },
  ]);

  expect(await branchOf(journeyId, 'loyal')).toBe('loyal | condition true: did Order Completed at least 2 times in the last 30 days (2 times)');
  expect(await branchOf(journeyId, 'once')).toBe('happy | condition true: did Order Completed in the last 30 days (2 times) and did not do Ticket Opened in the last 7 days (0 times)');
  expect(await branchOf(journeyId, 'grumpy')).toBe(
    'else | condition false: did Order Completed at least 2 times in the last 30 days (1 time); did not do Ticket Opened in the last 7 days (1 time)',
  );
});

it('context: a value saved from a webhook response earlier in the run', async () => {
  sink.respond = (request) => ({ status: 200, body: { tier: request.path.endsWith('/gold-user') ? 'gold' : 'bronze', score: 0.93 } });
  const journeyId = await s.publish('Segments by score', splitJourney(
    [{ key: 'gold', when: when([{ kind: 'context', path: 'scoring.body.tier', operator: 'eq', value: 'gold' }, { kind: 'context', path: 'scoring.status', operator: 'eq', value: 200 }]) }],
    [{ id: 'score', type: 'webhook', settings: { url: `${sink.url}/score/{{ user.userId }}`, method: 'GET', saveResponseAs: 'scoring' } }],
  ));
  await s.identify('gold-user', {});
  await s.identify('bronze-user', {});
  expect(await branchOf(journeyId, 'gold-user')).toBe('gold | condition true: context.scoring.body.tier = gold (is gold) and context.scoring.status = 200 (is 200)');
  expect(await branchOf(journeyId, 'bronze-user')).toBe('else | condition false: context.scoring.body.tier = gold (is bronze)');
  const run = await s.run(journeyId, 'gold-user');
  expect(pathOf(run!)).toEqual(['api:next', 'score:ok', 'split:gold', 'tag-gold:next']);
  expect(reasonAt(run!, 'score')).toBe(`GET ${new URL(sink.url).host}: HTTP 200`);
  expect(sink.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /score/gold-user', 'GET /score/bronze-user']);
});
