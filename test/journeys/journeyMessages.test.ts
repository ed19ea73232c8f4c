import { eventually, type JourneyTestEnvironment, type SmtpSink, startJourneyTestEnvironment, startSmtpSink, startWebhookSink, type WebhookSink } from '../support';
import { startJourneyRun } from '@tideflow/workflows';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// The send-message step through real providers: an SMTP server (smtp-server), the outbox when a workspace
// has no SMTP server, and the webhook channel against a real HTTP server. Retries run on Temporal's
// activity retry policy (2 s, then 4 s), so the dev server is used and the retries really happen.
let env: JourneyTestEnvironment;
let smtp: SmtpSink;
let sink: WebhookSink;
let s: JourneyScenario;
let outboxOnly: JourneyScenario;

beforeAll(async () => {
  [env, smtp, sink] = await Promise.all([startJourneyTestEnvironment(), startSmtpSink(), startWebhookSink()]);
  s = journeyScenario(env, await env.createWorkspace('messages'));
  outboxOnly = journeyScenario(env, await env.createWorkspace('messages-outbox'));
  await s.graphql(`mutation($input: UpdateEmailChannelInput!) { updateEmailChannel(input: $input) { email { mode } } }`, { input: { smtpHost: '127.0.0.1', smtpPort: smtp.port, fromEmail: 'shop@example.com', fromName: 'Shop' } });
  sink.respond = (request) => {
    const attempt = sink.received.filter((r) => r.path === request.path).length;
    if (request.path.startsWith('/flaky')) return attempt <= 2 ? { status: 503, body: { error: 'try later' } } : { status: 200, body: { ok: true } };
    if (request.path.startsWith('/reject')) return { status: 422, body: { error: 'unknown recipient' } };
    if (request.path.startsWith('/down')) return { status: 503, body: { error: 'down' } };
    return { status: 200, body: { ok: true } };
  };
});
afterAll(async () => {
  await env?.close();
  await smtp?.close();
  await sink?.close();
});

/** api → send → (sent: tag "sent", failed: tag "failed"). */
const sendJourney = (message: Record<string, unknown>) => ({
  nodes: [
    { id: 'api', type: 'apiTrigger' },
    { id: 'send', type: 'sendMessage', settings: message },
    { id: 'ok', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'sent' }] } },
    { id: 'ko', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'failed' }] } },
  ],
  edges: [
    { source: 'api', target: 'send' },
    { source: 'send', sourceHandle: 'sent', target: 'ok' },
    { source: 'send', sourceHandle: 'failed', target: 'ko' },
  ],
  entryRules: { reEntry: { mode: 'anyTime' } },
});

const messagesQuery = `query($filter: MessageFilter) { messages(first: 20, filter: $filter) { totalCount edges { node { id channel purpose status provider recipient subject body responseStatus error attempts nodeId runId } } } }`;
const messagesOf = async (scenario: JourneyScenario, journeyId: string) => (await scenario.graphql(messagesQuery, { filter: { journeyId } })).messages.edges.map((e: { node: unknown }) => e.node);

describe('email', () => {
  let journeyId: string;
  beforeAll(async () => {
    journeyId = await s.publish('Welcome email', sendJourney({
      channel: 'email',
      subject: 'Hi {{ user.firstName | default: "there" }}',
      html: '<p>Your code: {{ event.code | default: "NONE" }}, plan {{ user.plan | upcase }}</p>',
      text: 'Code {{ event.code }}',
      fromName: '{{ journey.name }} team',
      fromEmail: 'news@example.com',
      replyTo: 'help@example.com',
    }));
  });

  it('goes out through the SMTP server, rendered with template defaults, with an idempotency header', async () => {
    await s.identify('named', { email: 'named@example.com', firstName: 'Ada', plan: 'pro' });
    await s.identify('unnamed', { email: 'unnamed@example.com' });
    const named = await s.trigger(journeyId, 'named', { code: 'X1' });
    await s.trigger(journeyId, 'unnamed');
    const runs = [await s.finished(journeyId, 'named'), await s.finished(journeyId, 'unnamed')];
    expect(runs.map(pathOf)).toEqual([['api:next', 'send:sent', 'ok:next'], ['api:next', 'send:sent', 'ok:next']]);
    expect(reasonAt(runs[0]!, 'send')).toBe('sent by email to named@example.com');

    const emails = await smtp.waitFor(2);
    const byRecipient = Object.fromEntries(emails.map((email) => [email.to[0], email]));
    expect(byRecipient['named@example.com']).toMatchObject({ subject: 'Hi Ada', html: '<p>Your code: X1, plan PRO</p>', text: 'Code X1' });
    expect(byRecipient['unnamed@example.com']).toMatchObject({ subject: 'Hi there', html: '<p>Your code: NONE, plan </p>' });
    expect(byRecipient['named@example.com']!.from).toBe('"Welcome email team" <news@example.com>');
    expect((byRecipient['named@example.com']!.headers.get('reply-to') as { text: string }).text).toBe('help@example.com');
    expect(byRecipient['named@example.com']!.headers.get('x-tideflow-idempotency-key')).toBe(`journey:${named.run!.id}:send#1`);

    const messages = await messagesOf(s, journeyId);
    expect(messages).toHaveLength(2);
    expect(messages.find((m: { recipient: string }) => m.recipient === 'named@example.com')).toMatchObject({
      channel: 'EMAIL', purpose: 'MESSAGE', status: 'SENT', provider: 'smtp', subject: 'Hi Ada', attempts: 1, nodeId: 'send', runId: named.run!.id, id: runs[0]!.steps.find((st) => st.branch === 'sent')!.messageId,
    });
  });

  it('takes the failed branch when the user has no email address; nothing is sent', async () => {
    await s.identify('no-address', { firstName: 'Nobody' });
    await s.trigger(journeyId, 'no-address');
    const run = await s.finished(journeyId, 'no-address');
    expect(pathOf(run)).toEqual(['api:next', 'send:failed', 'ko:next']);
    expect(reasonAt(run, 'send')).toBe('the user has no email address');
    expect((await s.user('no-address')).traits.tags).toEqual(['failed']);
    expect(await messagesOf(s, journeyId)).toHaveLength(2);
  });

  it('takes the failed branch when a template fails to render', async () => {
    const bomb = "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}";
    const broken = await s.publish('Runaway template', sendJourney({ channel: 'email', subject: 'Hello', html: bomb }));
    await s.trigger(broken, 'named');
    const run = await s.finished(broken, 'named');
    expect(pathOf(run)).toEqual(['api:next', 'send:failed', 'ko:next']);
    expect(reasonAt(run, 'send')).toMatch(/^template error: .*limit exceeded/);
    expect(await messagesOf(s, broken)).toEqual([]);
  });

  it('a test send from the channel settings goes through the same SMTP server', async () => {
    const { sendTestMessage } = await s.graphql(`mutation($input: SendTestMessageInput!) { sendTestMessage(input: $input) { status provider recipient subject test error } }`, {
      input: { channel: 'EMAIL', to: 'qa@example.com', subject: 'Checking SMTP', body: '<p>test</p>' },
    });
    expect(sendTestMessage).toEqual({ status: 'SENT', provider: 'smtp', recipient: 'qa@example.com', subject: 'Checking SMTP', test: true, error: null });
    const received = await eventually(async () => smtp.received.find((e) => e.to.includes('qa@example.com')));
    expect(received.subject).toBe('Checking SMTP');
  });

  it('concurrent duplicate starts of one run are success: one workflow, one email, and none after it closed', async () => {
    const journeyId = await s.publish('Duplicate starts', {
      nodes: [
        { id: 'api', type: 'apiTrigger' },
        { id: 'pause', type: 'wait', settings: { duration: { amount: 1, unit: 'seconds' } } },
        { id: 'send', type: 'sendMessage', settings: { channel: 'email', subject: 'Once only', html: '<p>once</p>' } },
      ],
      edges: [
        { source: 'api', target: 'pause' },
        { source: 'pause', target: 'send' },
      ],
    });
    await s.identify('dup', { email: 'dup@example.com' });
    expect((await s.trigger(journeyId, 'dup')).entered).toBe(true);
    const run = await env.db.prisma.journeyRun.findFirstOrThrow({ where: { journeyId } });
    const { definition } = await env.db.prisma.journeyVersion.findFirstOrThrow({ where: { journeyId, version: run.version } });
    // Five more starts at once (a retried ingestion, a second processor, the sweep): all succeed.
    const again = () => startJourneyRun(env.temporal, env.db.prisma, run, definition as any, 'Duplicate starts');
    await expect(Promise.all(Array.from({ length: 5 }, again))).resolves.toHaveLength(5);
    const finished = await s.finished(journeyId, 'dup');
    expect(finished.status).toBe('COMPLETED');
    await again();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.received.filter((e) => e.to.includes('dup@example.com')).map((e) => e.subject)).toEqual(['Once only']);
    const executions = [];
    for await (const execution of env.temporal.client.workflow.list({ query: `WorkflowId = '${run.workflowId}'` })) executions.push(execution);
    expect(executions).toHaveLength(1);
    expect(await env.db.prisma.message.count({ where: { runId: run.id } })).toBe(1);
  });

  it('is kept in the outbox when the workspace has no SMTP server', async () => {
    const outboxJourney = await outboxOnly.publish('Outbox welcome', sendJourney({ channel: 'email', subject: 'Hi {{ user.firstName }}', html: '<p>kept</p>' }));
    await outboxOnly.identify('kept', { email: 'kept@example.com', firstName: 'Kim' });
    await outboxOnly.trigger(outboxJourney, 'kept');
    const run = await outboxOnly.finished(outboxJourney, 'kept');
    expect(reasonAt(run, 'send')).toBe('sent to the outbox (no SMTP server configured) for kept@example.com');
    const outbox = await outboxOnly.graphql(`{ outbox(first: 5) { totalCount edges { node { recipient subject status provider } } } }`);
    expect(outbox.outbox).toEqual({ totalCount: 1, edges: [{ node: { recipient: 'kept@example.com', subject: 'Hi Kim', status: 'SENT', provider: 'outbox' } }] });
    expect(smtp.received.map((e) => e.to[0])).not.toContain('kept@example.com');
    // The SMTP workspace keeps nothing in its outbox.
    expect((await s.graphql(`{ outbox(first: 1) { totalCount } }`)).outbox.totalCount).toBe(0);
    // One message with its rendered body, by id; another workspace's key gets null for it.
    const [{ node: kept }] = (await outboxOnly.graphql(`{ outbox(first: 1) { edges { node { id } } } }`)).outbox.edges;
    const query = `query ($id: ID!) { message(id: $id) { id body subject } }`;
    expect((await outboxOnly.graphql(query, { id: kept.id })).message).toEqual({ id: kept.id, body: '<p>kept</p>', subject: 'Hi Kim' });
    expect((await s.graphql(query, { id: kept.id })).message).toBeNull();
    expect((await s.graphql(query, { id: 'not-a-uuid' })).message).toBeNull();
  });
});

describe('webhook channel', () => {
  const webhookMessage = (path: string) => ({
    channel: 'webhook',
    url: `${sink.url}${path}/{{ user.userId }}`,
    method: 'PUT',
    headers: [{ name: 'X-Journey', value: '{{ journey.name }}' }],
    body: `{"text": "Hi {{ user.firstName | default: 'there' }}", "code": "{{ event.code }}"}`,
  });

  it('posts the rendered request to the endpoint', async () => {
    const journeyId = await s.publish('Push via webhook', sendJourney(webhookMessage('/notify')));
    const triggered = await s.trigger(journeyId, 'named', { code: 'W1' });
    const run = await s.finished(journeyId, 'named');
    expect(pathOf(run)).toEqual(['api:next', 'send:sent', 'ok:next']);
    const host = new URL(sink.url).host;
    expect(reasonAt(run, 'send')).toBe(`sent to PUT ${host}`);
    const [request] = sink.received.filter((r) => r.path === '/notify/named');
    expect(request).toMatchObject({ method: 'PUT', json: { text: 'Hi Ada', code: 'W1' } });
    expect(request!.headers).toMatchObject({ 'x-journey': 'Push via webhook', 'content-type': 'application/json', 'idempotency-key': `journey:${triggered.run!.id}:send#1` });
    expect(await messagesOf(s, journeyId)).toEqual([expect.objectContaining({ channel: 'WEBHOOK', provider: 'http', status: 'SENT', responseStatus: 200, recipient: `${sink.url}/notify/named`, attempts: 1 })]);
  });

  it('a 5xx answer is retried with backoff (same idempotency key) until it succeeds', async () => {
    const journeyId = await s.publish('Flaky endpoint', sendJourney(webhookMessage('/flaky')));
    await s.trigger(journeyId, 'named', { code: 'F1' });
    const run = await s.finished(journeyId, 'named', undefined, 60_000);
    expect(pathOf(run)).toEqual(['api:next', 'send:sent', 'ok:next']);
    const calls = sink.received.filter((r) => r.path === '/flaky/named');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1_500);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(3_500);
    expect(await messagesOf(s, journeyId)).toEqual([expect.objectContaining({ status: 'SENT', responseStatus: 200, attempts: 3, error: null })]);
  });

  it('a 4xx answer takes the failed branch at once, without a retry', async () => {
    const journeyId = await s.publish('Rejecting endpoint', sendJourney(webhookMessage('/reject')));
    await s.trigger(journeyId, 'named');
    const run = await s.finished(journeyId, 'named');
    expect(pathOf(run)).toEqual(['api:next', 'send:failed', 'ko:next']);
    expect(reasonAt(run, 'send')).toBe(`HTTP 422 from ${new URL(sink.url).host}: {"error":"unknown recipient"}`);
    expect(sink.received.filter((r) => r.path === '/reject/named')).toHaveLength(1);
    expect(await messagesOf(s, journeyId)).toEqual([expect.objectContaining({ status: 'FAILED', responseStatus: 422, attempts: 1, error: expect.stringContaining('HTTP 422') })]);
  });

  it('stopping the journey while a send is being retried cancels the run; the send does not take its failed branch', async () => {
    const journeyId = await s.publish('Stopped mid-send', sendJourney(webhookMessage('/down')));
    await s.trigger(journeyId, 'named');
    await sink.waitFor(sink.received.filter((r) => !r.path.startsWith('/down')).length + 1);
    expect((await s.graphql(`mutation($id: ID!) { stopJourney(id: $id) { cancelledRuns } }`, { id: journeyId })).stopJourney.cancelledRuns).toBe(1);
    const run = await s.finished(journeyId, 'named');
    expect(run).toMatchObject({ status: 'CANCELLED', endReason: 'the journey was stopped' });
    expect(pathOf(run)).toEqual(['api:next']);
    expect(run.steps.at(-1)).toMatchObject({ kind: 'ENDED', nodeId: 'send', reason: 'the journey was stopped' });
    expect(run.steps.map((step) => step.seq)).toEqual(run.steps.map((_, index) => index));
  });
});
