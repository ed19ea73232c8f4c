import { type JourneyTestEnvironment, startJourneyTestEnvironment, startWebhookSink, type WebhookSink } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// Update-user and webhook steps. Webhook retries follow the step's own policy (1 s, 2 s, …), which the dev
// server runs for real; nothing here waits on a journey timer.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let sink: WebhookSink;
let host: string;

beforeAll(async () => {
  [env, sink] = await Promise.all([startJourneyTestEnvironment(), startWebhookSink()]);
  s = journeyScenario(env, await env.createWorkspace('actions'));
  host = new URL(sink.url).host;
  sink.respond = (request) => {
    const attempt = sink.received.filter((r) => r.path === request.path).length;
    if (request.path.startsWith('/busy')) return attempt <= 2 ? { status: 503, body: { error: 'busy' } } : { status: 200, body: { ok: true } };
    if (request.path.startsWith('/down')) return { status: 503, body: { error: 'down' } };
    if (request.path.startsWith('/missing')) return { status: 404, body: { error: 'no such contact' } };
    if (request.path.startsWith('/contacts')) return { status: 201, body: { contactId: `ct-${attempt}`, tier: 'gold' } };
    return { status: 200, body: { received: request.json } };
  };
});
afterAll(async () => {
  await env?.close();
  await sink?.close();
});

describe('updateUser', () => {
  const updateJourney = {
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      {
        id: 'update',
        type: 'updateUser',
        settings: {
          updates: [
            { op: 'set', attribute: 'lastOrder', value: '{{ event.orderId }}' },
            { op: 'set', attribute: 'vip', value: true },
            { op: 'set', attribute: 'plan', value: 'pro' },
            { op: 'unset', attribute: 'coupon' },
            { op: 'increment', attribute: 'visits', by: 3 },
            { op: 'increment', attribute: 'score' },
            { op: 'addTag', tag: 'customer' },
            { op: 'removeTag', tag: 'trial' },
            { op: 'set', attribute: 'email', value: '{{ event.newEmail }}' },
            { op: 'set', attribute: 'country', value: 'DE' },
            { op: 'unset', attribute: 'phone' },
          ],
        },
      },
    ],
    edges: [{ source: 'api', target: 'update' }],
    entryRules: { reEntry: { mode: 'anyTime' } },
  };

  it('sets (templates too), unsets, increments, tags, and writes system attributes', async () => {
    const journeyId = await s.publish('Customer upgrade', updateJourney);
    await s.identify('upd', { email: 'old@example.com', phone: '+31 6 1234 5678', country: 'NL', plan: 'trial', visits: 2, coupon: 'WELCOME', tags: ['trial', 'beta'] });
    await s.trigger(journeyId, 'upd', { orderId: 'A-7', newEmail: 'new@example.com' });
    const run = await s.finished(journeyId, 'upd');
    expect(pathOf(run)).toEqual(['api:next', 'update:next']);
    expect(reasonAt(run, 'update')).toBe(
      'set lastOrder = "A-7", set vip = true, set plan = "pro", unset coupon, visits += 3, score += 1, tag +customer, tag -trial, set email = "new@example.com", set country = "DE", unset phone',
    );
    const user = await s.user('upd');
    expect(user).toMatchObject({ email: 'new@example.com', country: 'DE', phone: null });
    expect(user.traits).toEqual({ plan: 'pro', visits: 5, score: 1, tags: ['beta', 'customer'], lastOrder: 'A-7', vip: true });

    // Each run applies its step once: a second entry increments once more.
    await s.trigger(journeyId, 'upd', { orderId: 'A-8', newEmail: 'new@example.com' });
    await s.finished(journeyId, 'upd', 2);
    expect((await s.user('upd')).traits).toMatchObject({ visits: 8, score: 2, lastOrder: 'A-8', tags: ['beta', 'customer'] });

    const catalog = await s.graphql(`{ attributeDefinitions { name type system } }`);
    expect(catalog.attributeDefinitions).toEqual(expect.arrayContaining([{ name: 'lastOrder', type: 'STRING', system: false }, { name: 'vip', type: 'BOOLEAN', system: false }, { name: 'score', type: 'NUMBER', system: false }]));
  });
});

describe('webhook step', () => {
  const chainOf = (afterOk: Array<Record<string, unknown>>) => ['hook', ...afterOk.map((node) => String(node.id)), 'ok'];
  /** api → hook → (ok: tag "ok", failed: tag "failed"), with more steps after "ok" when given. */
  const hookJourney = (settings: Record<string, unknown>, afterOk: Array<Record<string, unknown>> = []) => ({
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      { id: 'hook', type: 'webhook', settings },
      ...afterOk,
      { id: 'ok', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'ok' }] } },
      { id: 'ko', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'failed' }] } },
    ],
    edges: [
      { source: 'api', target: 'hook' },
      ...chainOf(afterOk).slice(1).map((target, index) => ({ source: chainOf(afterOk)[index]!, sourceHandle: index === 0 ? 'ok' : 'next', target })),
      { source: 'hook', sourceHandle: 'failed', target: 'ko' },
    ],
    entryRules: { reEntry: { mode: 'anyTime' } },
  });

  it('calls the endpoint with workspace and step headers, saves the response, and later steps read it from the context', async () => {
    await s.graphql(`mutation($input: UpdateWebhookChannelInput!) { updateWebhookChannel(input: $input) { webhook { headerNames } } }`, {
      input: { headers: [{ name: 'Authorization', value: 'Bearer s3cret' }, { name: 'X-Env', value: 'workspace' }] },
    });
    const journeyId = await s.publish('Sync to CRM', hookJourney(
      { url: `${sink.url}/contacts`, method: 'POST', headers: [{ name: 'X-Env', value: 'journey {{ journey.version }}' }], fields: [{ key: 'email', value: '{{ user.email }}' }, { key: 'order', value: '{{ event.orderId }}' }], saveResponseAs: 'crm' },
      [{ id: 'remember', type: 'updateUser', settings: { updates: [{ op: 'set', attribute: 'crmContact', value: '{{ context.crm.body.contactId }} ({{ context.crm.status }})' }] } }],
    ));
    await s.identify('crm-user', { email: 'crm@example.com' });
    const triggered = await s.trigger(journeyId, 'crm-user', { orderId: 'A-9' });
    const run = await s.finished(journeyId, 'crm-user');
    expect(pathOf(run)).toEqual(['api:next', 'hook:ok', 'remember:next', 'ok:next']);
    expect(reasonAt(run, 'hook')).toBe(`POST ${host}: HTTP 201`);
    expect((await s.user('crm-user')).traits.crmContact).toBe('ct-1 (201)');

    const [call] = sink.received.filter((r) => r.path === '/contacts');
    expect(call!.json).toEqual({ email: 'crm@example.com', order: 'A-9' });
    expect(call!.headers).toMatchObject({ authorization: 'Bearer s3cret', 'x-env': 'journey 1', 'idempotency-key': `journey:${triggered.run!.id}:hook#1` });
    const calls = await s.graphql(`query($filter: MessageFilter) { messages(first: 5, filter: $filter) { edges { node { channel purpose status responseStatus attempts id } } } }`, { filter: { journeyId } });
    expect(calls.messages.edges).toEqual([{ node: { channel: 'WEBHOOK', purpose: 'WEBHOOK_CALL', status: 'SENT', responseStatus: 201, attempts: 1, id: run.steps.find((st) => st.branch === 'ok')!.messageId } }]);
  });

  it('retries a 503 with exponential backoff, the same idempotency key each time, then goes on', async () => {
    const journeyId = await s.publish('Busy endpoint', hookJourney({ url: `${sink.url}/busy`, retry: { maximumAttempts: 4, initialIntervalSeconds: 1 } }));
    await s.identify('patient', {});
    const triggered = await s.trigger(journeyId, 'patient');
    const run = await s.finished(journeyId, 'patient');
    expect(pathOf(run)).toEqual(['api:next', 'hook:ok', 'ok:next']);
    const calls = sink.received.filter((r) => r.path === '/busy');
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(Array(3).fill(`journey:${triggered.run!.id}:hook#1`));
    const gaps = [calls[1]!.at - calls[0]!.at, calls[2]!.at - calls[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1_800);
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
  });

  it('takes the failed branch after maximumAttempts', async () => {
    const journeyId = await s.publish('Down endpoint', hookJourney({ url: `${sink.url}/down`, retry: { maximumAttempts: 2, initialIntervalSeconds: 0.5 } }));
    await s.identify('unlucky', {});
    await s.trigger(journeyId, 'unlucky');
    const run = await s.finished(journeyId, 'unlucky');
    expect(pathOf(run)).toEqual(['api:next', 'hook:failed', 'ko:next']);
    expect(reasonAt(run, 'hook')).toBe(`webhook failed after 2 attempt(s): HTTP 503 from ${host}: {"error":"down"}`);
    expect(sink.received.filter((r) => r.path === '/down')).toHaveLength(2);
    expect((await s.user('unlucky')).traits.tags).toEqual(['failed']);
  });

  it('takes the failed branch at once on a 4xx (no retry), and says so', async () => {
    const journeyId = await s.publish('Missing contact', hookJourney({ url: `${sink.url}/missing/{{ user.userId }}`, method: 'DELETE', retry: { maximumAttempts: 5, initialIntervalSeconds: 0.5 } }));
    await s.identify('gone', {});
    await s.trigger(journeyId, 'gone');
    const run = await s.finished(journeyId, 'gone');
    expect(pathOf(run)).toEqual(['api:next', 'hook:failed', 'ko:next']);
    expect(reasonAt(run, 'hook')).toBe(`webhook failed: HTTP 404 from ${host}: {"error":"no such contact"}`);
    expect(sink.received.filter((r) => r.path === '/missing/gone').map((r) => r.method)).toEqual(['DELETE']);
  });

  it('stopping the journey while the step is retrying cancels the run; the step does not take its failed branch', async () => {
    const journeyId = await s.publish('Stopped mid-retry', hookJourney({ url: `${sink.url}/down/stop`, retry: { maximumAttempts: 10, initialIntervalSeconds: 2 } }));
    await s.identify('mid-retry', {});
    await s.trigger(journeyId, 'mid-retry');
    await sink.waitFor(sink.received.filter((r) => r.path !== '/down/stop').length + 1);
    const stopped = await s.graphql(`mutation($id: ID!) { stopJourney(id: $id) { cancelledRuns } }`, { id: journeyId });
    expect(stopped.stopJourney.cancelledRuns).toBe(1);
    const run = await s.finished(journeyId, 'mid-retry');
    expect(run).toMatchObject({ status: 'CANCELLED', endReason: 'the journey was stopped' });
    expect(pathOf(run)).toEqual(['api:next']);
    expect(run.steps.at(-1)).toMatchObject({ kind: 'ENDED', nodeId: 'hook', reason: 'the journey was stopped' });
    expect((await s.user('mid-retry')).traits.tags).toBeUndefined();
    const hook = (await s.stats(journeyId)).nodeStats.find((n: { nodeId: string }) => n.nodeId === 'hook');
    expect(hook).toMatchObject({ entered: 1, branches: [] });
  });
});
