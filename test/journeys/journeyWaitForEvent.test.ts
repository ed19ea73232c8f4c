import { type JourneyTestEnvironment, startJourneyTestEnvironment, startTimeSkippingEnvironment, startWebhookSink, type WebhookSink } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// Wait-for-event on the time-skipping server: a two-day timeout is a real timer, skipped with env.sleep.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let sink: WebhookSink;

beforeAll(async () => {
  [env, sink] = await Promise.all([startTimeSkippingEnvironment().then((temporalEnv) => startJourneyTestEnvironment({ temporalEnv })), startWebhookSink()]);
  s = journeyScenario(env, await env.createWorkspace('wait-for-event'));
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
  await sink?.close();
});

/** Trial started → wait up to 2 days for an upgrade to a paid plan → tag by outcome. */
const upgradeJourney = {
  nodes: [
    { id: 'trial', type: 'eventTrigger', settings: { eventName: 'Trial Started' } },
    { id: 'upgrade', type: 'waitForEvent', label: 'Upgrade within 2 days', settings: { eventName: 'Plan Upgraded', filters: [{ property: 'plan', operator: 'in', value: ['pro', 'team'] }, { property: 'seats', operator: 'gte', value: 2 }], timeout: { amount: 2, unit: 'days' } } },
    { id: 'won', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'upgraded' }] } },
    { id: 'lost', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'trial-lapsed' }] } },
  ],
  edges: [
    { source: 'trial', target: 'upgrade' },
    { source: 'upgrade', sourceHandle: 'matched', target: 'won' },
    { source: 'upgrade', sourceHandle: 'timeout', target: 'lost' },
  ],
};

describe('property filters, matched and timeout', () => {
  let journeyId: string;
  beforeAll(async () => {
    journeyId = await s.publish('Trial upgrade', upgradeJourney);
  });

  it('matched: only an event that passes the filters ends the wait, at once', async () => {
    await s.track('trial-won', 'Trial Started');
    const waiting = await s.waitingAt(journeyId, 'trial-won', 'upgrade');
    expect(reasonAt(waiting, 'upgrade', 'WAITING')).toBe('waiting up to 2 days for Plan Upgraded');
    await s.track('trial-won', 'Plan Upgraded', { plan: 'starter', seats: 5 });
    await s.track('trial-won', 'Plan Upgraded', { plan: 'pro', seats: 1 });
    await s.processed();
    expect((await s.run(journeyId, 'trial-won'))!.status).toBe('ACTIVE');

    await s.track('trial-won', 'Plan Upgraded', { plan: 'team', seats: 3 }, { messageId: 'upgrade-team-3' });
    const run = await s.finished(journeyId, 'trial-won');
    expect(pathOf(run)).toEqual(['trial:next', 'upgrade:matched', 'won:next']);
    expect(reasonAt(run, 'upgrade')).toMatch(/^Plan Upgraded received \(\d{4}-\d\d-\d\dT[\d:.]+Z\)$/);
    expect((await s.user('trial-won')).traits.tags).toEqual(['upgraded']);
  });

  it('timeout: after two days without a matching event, the timeout branch', async () => {
    await s.track('trial-lost', 'Trial Started');
    await s.waitingAt(journeyId, 'trial-lost', 'upgrade');
    await s.track('trial-lost', 'Plan Upgraded', { plan: 'pro', seats: 1 });
    await env.temporalEnv.sleep('1 day');
    expect((await s.run(journeyId, 'trial-lost'))!.status).toBe('ACTIVE');
    await env.temporalEnv.sleep('1 day');
    const run = await s.finished(journeyId, 'trial-lost');
    expect(pathOf(run)).toEqual(['trial:next', 'upgrade:timeout', 'lost:next']);
    expect(reasonAt(run, 'upgrade')).toBe('timeout after 2 days: no Plan Upgraded');
    expect((await s.user('trial-lost')).traits.tags).toEqual(['trial-lapsed']);

    const upgrade = (await s.stats(journeyId)).nodeStats.find((n: { nodeId: string }) => n.nodeId === 'upgrade');
    expect(upgrade).toMatchObject({ entered: 2, waitingNow: 0 });
    expect(upgrade.branches).toEqual(expect.arrayContaining([{ branch: 'matched', count: 1, percent: 50 }, { branch: 'timeout', count: 1, percent: 50 }]));
  });
});

it('matchTrigger: only the event with the same key as the trigger (the same cart) counts', async () => {
  const journeyId = await s.publish('Same cart', {
    nodes: [
      { id: 'cart', type: 'eventTrigger', settings: { eventName: 'Cart Updated' } },
      { id: 'order', type: 'waitForEvent', settings: { eventName: 'Order Completed', matchTrigger: { eventProperty: 'order.cartId', triggerProperty: 'cartId' }, timeout: { amount: 1, unit: 'days' } } },
    ],
    edges: [{ source: 'cart', target: 'order' }],
  });
  await s.track('carts', 'Cart Updated', { cartId: 'c-7' });
  const waiting = await s.waitingAt(journeyId, 'carts', 'order');
  expect(reasonAt(waiting, 'order', 'WAITING')).toBe('waiting up to 1 day for Order Completed with order.cartId = c-7');
  await s.track('carts', 'Order Completed', { order: { cartId: 'c-8' } });
  await s.track('carts', 'Order Completed', { cartId: 'c-7' });
  await s.processed();
  expect((await s.run(journeyId, 'carts'))!.status).toBe('ACTIVE');
  await s.track('carts', 'Order Completed', { order: { cartId: 'C-7' } });
  const run = await s.finished(journeyId, 'carts');
  expect(pathOf(run)).toEqual(['cart:next', 'order:matched']);
});

it('an event that arrived between the trigger and the wait (while an earlier step ran) still counts', async () => {
  // The webhook step before the wait answers 503 until the event is stored and processed: the run is
  // not listening for it yet, so it is found in the database when the wait starts.
  let release = false;
  sink.respond = () => (release ? { status: 200, body: { ok: true } } : { status: 503, body: { error: 'busy' } });
  const journeyId = await s.publish('Survey after signup', {
    nodes: [
      { id: 'signup', type: 'eventTrigger', settings: { eventName: 'Signed Up' } },
      { id: 'crm', type: 'webhook', settings: { url: `${sink.url}/crm`, retry: { maximumAttempts: 10, initialIntervalSeconds: 0.5 } } },
      { id: 'survey', type: 'waitForEvent', settings: { eventName: 'Survey Answered', timeout: { amount: 3, unit: 'days' } } },
    ],
    edges: [
      { source: 'signup', target: 'crm' },
      { source: 'crm', sourceHandle: 'ok', target: 'survey' },
    ],
  });
  await s.track('early', 'Signed Up');
  await sink.waitFor(1);
  const atWebhook = await s.run(journeyId, 'early');
  expect(atWebhook).toMatchObject({ status: 'ACTIVE', currentNodeId: 'crm', waitingSince: null });
  await s.track('early', 'Survey Answered', { score: 9 });
  await s.processed();
  release = true;

  const run = await s.finished(journeyId, 'early');
  expect(pathOf(run)).toEqual(['signup:next', 'crm:ok', 'survey:matched']);
  expect(reasonAt(run, 'survey')).toMatch(/^Survey Answered received/);
  sink.respond = () => ({ status: 200, body: { ok: true } });
});
