import { eventually, type JourneyTestEnvironment, startJourneyTestEnvironment, startTimeSkippingEnvironment } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// Exit criteria end a run at once, even in the middle of a three-day wait; the goal counts conversions
// within its window and may end the run. The waits are real timers on the time-skipping server.
let env: JourneyTestEnvironment;
let s: JourneyScenario;

beforeAll(async () => {
  env = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  s = journeyScenario(env, await env.createWorkspace('goals-exits'));
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
});

const outboxTo = async (email: string) => (await s.graphql(`{ outbox(first: 100) { edges { node { recipient } } } }`)).outbox.edges.filter((e: { node: { recipient: string } }) => e.node.recipient === email).length;

describe('exit criteria', () => {
  let journeyId: string;
  beforeAll(async () => {
    journeyId = await s.publish('Trial nurture', {
      nodes: [
        { id: 'trial', type: 'eventTrigger', settings: { eventName: 'Trial Started' } },
        { id: 'wait', type: 'wait', label: 'Three days', settings: { duration: { amount: 3, unit: 'days' } } },
        { id: 'tips', type: 'sendMessage', settings: { channel: 'email', subject: 'Tips', html: '<p>tips</p>' } },
      ],
      edges: [
        { source: 'trial', target: 'wait' },
        { source: 'wait', target: 'tips' },
      ],
      exitCriteria: [
        { kind: 'event', eventName: 'Unsubscribed' },
        { kind: 'event', eventName: 'Subscription Changed', filters: [{ property: 'status', operator: 'eq', value: 'cancelled' }] },
        { kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'churned' },
      ],
    });
  });

  const enterAndWait = async (userId: string, traits: Record<string, unknown> = {}) => {
    await s.identify(userId, { email: `${userId}@example.com`, ...traits });
    await s.track(userId, 'Trial Started');
    return s.waitingAt(journeyId, userId, 'wait');
  };

  it('an exit event interrupts the three-day wait at once', async () => {
    const waiting = await enterAndWait('quitter');
    expect(waiting.steps.find((st) => st.kind === 'WAITING')!.reason).toMatch(/^waiting 3 days \(until /);
    await s.track('quitter', 'Subscription Changed', { status: 'paused' });
    await s.processed();
    expect((await s.run(journeyId, 'quitter'))!.status).toBe('ACTIVE');

    await s.track('quitter', 'Subscription Changed', { status: 'cancelled' });
    const run = await s.finished(journeyId, 'quitter');
    expect(run).toMatchObject({ status: 'EXITED', endReason: 'exit criterion: Subscription Changed' });
    // No time was skipped: the timer did not fire, the signal ended the wait.
    const waitedMs = Date.parse(run.steps.at(-1)!.at) - Date.parse(run.steps.find((st) => st.kind === 'WAITING')!.at);
    expect(waitedMs).toBeLessThan(60_000);
    expect(pathOf(run)).toEqual(['trial:next']);
    expect(run.steps.at(-1)).toMatchObject({ kind: 'ENDED', nodeId: 'wait', reason: 'exit criterion: Subscription Changed' });
  });

  it('an attribute change (identify plan=churned) ends the run with the criterion as the reason', async () => {
    await enterAndWait('churner', { plan: 'trial' });
    await s.identify('churner', { plan: 'paused' });
    await s.processed();
    expect((await s.run(journeyId, 'churner'))!.status).toBe('ACTIVE');
    await s.identify('churner', { plan: 'churned' });
    const run = await s.finished(journeyId, 'churner');
    expect(run).toMatchObject({ status: 'EXITED', endReason: 'exit criterion: plan = churned' });
  });

  it('a user who already matches an exit criterion is stopped before the message is sent', async () => {
    await enterAndWait('churned-before', { plan: 'churned' });
    await env.temporalEnv.sleep('3 days');
    const run = await s.finished(journeyId, 'churned-before');
    expect(run).toMatchObject({ status: 'EXITED', endReason: 'exit criterion: plan = churned' });
    expect(pathOf(run)).toEqual(['trial:next', 'wait:next']);
    expect(await outboxTo('churned-before@example.com')).toBe(0);
  });

  it("the journey's own update step can meet an exit criterion: the run ends there", async () => {
    const selfExit = await s.publish('Churn on update', {
      nodes: [
        { id: 'api', type: 'apiTrigger' },
        { id: 'mark', type: 'updateUser', settings: { updates: [{ op: 'set', attribute: 'plan', value: 'churned' }] } },
        { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Bye', html: '<p>bye</p>' } },
      ],
      edges: [
        { source: 'api', target: 'mark' },
        { source: 'mark', target: 'mail' },
      ],
      exitCriteria: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'churned' }],
    });
    await s.identify('self-churn', { email: 'self-churn@example.com', plan: 'pro' });
    await s.trigger(selfExit, 'self-churn');
    const run = await s.finished(selfExit, 'self-churn');
    expect(run).toMatchObject({ status: 'EXITED', endReason: 'exit criterion: plan = churned' });
    expect(pathOf(run)).toEqual(['api:next', 'mark:next']);
    expect(await outboxTo('self-churn@example.com')).toBe(0);
  });

  it('without an exit, the run waits the three days and sends', async () => {
    await enterAndWait('stayer');
    await env.temporalEnv.sleep('3 days');
    const run = await s.finished(journeyId, 'stayer');
    expect(pathOf(run)).toEqual(['trial:next', 'wait:next', 'tips:sent']);
    expect(await outboxTo('stayer@example.com')).toBe(1);
    expect(await outboxTo('quitter@example.com')).toBe(0);
    expect((await s.stats(journeyId)).stats).toMatchObject({ entered: 4, completed: 1, exitedEarly: 3, active: 0 });
  });
});

describe('goal', () => {
  const goalJourney = (exitOnConversion: boolean) => ({
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      { id: 'wait', type: 'wait', settings: { duration: { amount: 2, unit: 'days' } } },
      { id: 'nudge', type: 'sendMessage', settings: { channel: 'email', subject: 'Still thinking?', html: '<p>nudge</p>' } },
    ],
    edges: [
      { source: 'api', target: 'wait' },
      { source: 'wait', target: 'nudge' },
    ],
    goal: { eventName: 'Order Completed', filters: [{ property: 'total', operator: 'gt', value: 0 }], within: { amount: 7, unit: 'days' }, exitOnConversion },
  });

  it('counts conversions within the window in the stats; the run goes on', async () => {
    const journeyId = await s.publish('Convert browsers', goalJourney(false));
    for (const userId of ['buyer', 'window-shopper', 'refunder']) {
      await s.identify(userId, { email: `${userId}@example.com` });
      await s.trigger(journeyId, userId);
      await s.waitingAt(journeyId, userId, 'wait');
    }
    await s.track('refunder', 'Order Completed', { total: 0 });
    // An order that happened before the user entered (sent late, e.g. by an offline app) is outside the window.
    await s.track('window-shopper', 'Order Completed', { total: 40 }, { timestamp: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    await s.track('buyer', 'Order Completed', { total: 30 });
    const converted = await eventually(async () => { const run = await s.run(journeyId, 'buyer'); return run?.convertedAt ? run : undefined; }, { what: 'the conversion' });
    expect(converted.status).toBe('ACTIVE');
    expect(converted.steps.find((st) => st.kind === 'CONVERTED')).toMatchObject({ nodeId: null, reason: 'goal reached: Order Completed' });

    await env.temporalEnv.sleep('2 days');
    const run = await s.finished(journeyId, 'buyer');
    expect(run.status).toBe('COMPLETED');
    expect(pathOf(run)).toEqual(['api:next', 'wait:next', 'nudge:sent']);
    expect(run.convertedAt).not.toBeNull();
    expect((await s.finished(journeyId, 'refunder')).convertedAt).toBeNull();
    expect((await s.finished(journeyId, 'window-shopper')).convertedAt).toBeNull();
    const { stats } = await s.stats(journeyId);
    expect(stats).toMatchObject({ entered: 3, completed: 3, converted: 1 });
    expect(stats.conversionRate).toBeCloseTo(1 / 3, 5);
  });

  it('a goal reached after the run ended still counts within its window, with a step saying so', async () => {
    const journeyId = await s.publish('Convert after a short journey', {
      nodes: [
        { id: 'api', type: 'apiTrigger' },
        { id: 'offer', type: 'sendMessage', settings: { channel: 'email', subject: 'An offer', html: '<p>offer</p>' } },
      ],
      edges: [{ source: 'api', target: 'offer' }],
      goal: { eventName: 'Order Completed', filters: [{ property: 'total', operator: 'gt', value: 0 }], within: { amount: 7, unit: 'days' }, exitOnConversion: false },
    });
    for (const userId of ['late-buyer', 'late-refunder']) {
      await s.identify(userId, { email: `${userId}@example.com` });
      await s.trigger(journeyId, userId);
      expect((await s.finished(journeyId, userId)).status).toBe('COMPLETED');
    }
    await s.track('late-refunder', 'Order Completed', { total: 0 });
    await s.track('late-buyer', 'Order Completed', { total: 25 });
    // A repeated order does not count twice.
    await s.track('late-buyer', 'Order Completed', { total: 5 });
    await s.processed();
    const run = await s.run(journeyId, 'late-buyer');
    expect(run).toMatchObject({ status: 'COMPLETED' });
    expect(run!.convertedAt).not.toBeNull();
    expect(run!.steps.filter((st) => st.kind === 'CONVERTED')).toEqual([expect.objectContaining({ nodeId: null, reason: 'goal reached after the run ended: Order Completed' })]);
    expect(run!.steps.at(-1)!.kind).toBe('CONVERTED');
    expect((await s.run(journeyId, 'late-refunder'))!.convertedAt).toBeNull();
    expect((await s.stats(journeyId)).stats).toMatchObject({ entered: 2, completed: 2, converted: 1, conversionRate: 0.5 });
  });

  it('exitOnConversion ends the run as soon as the goal is reached', async () => {
    const journeyId = await s.publish('Convert and stop', goalJourney(true));
    await s.identify('quick-buyer', { email: 'quick@example.com' });
    await s.trigger(journeyId, 'quick-buyer');
    await s.waitingAt(journeyId, 'quick-buyer', 'wait');
    await s.track('quick-buyer', 'Order Completed', { total: 99 });
    const run = await s.finished(journeyId, 'quick-buyer');
    expect(run).toMatchObject({ status: 'EXITED', endReason: 'converted: Order Completed' });
    expect(run.convertedAt).not.toBeNull();
    expect(reasonAt(run, null, 'CONVERTED')).toBe('goal reached: Order Completed');
    expect(await outboxTo('quick@example.com')).toBe(0);
    expect((await s.stats(journeyId)).stats).toMatchObject({ entered: 1, exitedEarly: 1, converted: 1, conversionRate: 1 });
  });
});
