import { eventually, type JourneyTestEnvironment, publishJourney, type SmtpSink, startJourneyTestEnvironment, startSmtpSink, startTimeSkippingEnvironment, startWebhookSink, waitForRun, type WebhookSink } from '../support';

// The end-to-end scenario through the real parts: Segment HTTP API → journey processor →
// Temporal (time-skipping server: the 3 h and 1 day waits are real timers) → SMTP server → HTTP sink.
let env: JourneyTestEnvironment;
let smtp: SmtpSink;
let sink: WebhookSink;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };
let journeyId: string;

const abandonedCart = (webhookUrl: string) => ({
  nodes: [
    { id: 'added', type: 'eventTrigger', label: 'Added to cart', settings: { eventName: 'Added To Cart' } },
    { id: 'order', type: 'waitForEvent', label: 'Order within 3h', settings: { eventName: 'Order Completed', matchTrigger: { eventProperty: 'cartId', triggerProperty: 'cartId' }, timeout: { amount: 3, unit: 'hours' } } },
    { id: 'reminder', type: 'sendMessage', label: 'Reminder email', settings: { channel: 'email', subject: 'You left {{ event.productName | default: "something" }} in your cart', html: '<p>Hi {{ user.firstName | default: "there" }}, cart {{ event.cartId }} is waiting.</p>' } },
    { id: 'day', type: 'wait', settings: { duration: { amount: 1, unit: 'days' } } },
    { id: 'vip', type: 'conditionSplit', settings: { branches: [{ key: 'vip', when: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'vip' }] } }] } },
    { id: 'crm', type: 'webhook', label: 'Tell the CRM', settings: { url: `${webhookUrl}/crm/{{ user.userId }}`, method: 'POST', fields: [{ key: 'email', value: '{{ user.email }}' }, { key: 'cart', value: '{{ event.cartId }}' }] } },
    { id: 'bought', type: 'end', label: 'Bought' },
  ],
  edges: [
    { source: 'added', sourceHandle: 'next', target: 'order' },
    { source: 'order', sourceHandle: 'matched', target: 'bought' },
    { source: 'order', sourceHandle: 'timeout', target: 'reminder' },
    { source: 'reminder', sourceHandle: 'sent', target: 'day' },
    { source: 'day', sourceHandle: 'next', target: 'vip' },
    { source: 'vip', sourceHandle: 'vip', target: 'crm' },
  ],
});

beforeAll(async () => {
  [env, smtp, sink] = await Promise.all([startTimeSkippingEnvironment().then((temporalEnv) => startJourneyTestEnvironment({ temporalEnv })), startSmtpSink(), startWebhookSink()]);
  workspace = await env.createWorkspace('cart');
  const smtpSetup = await env.graphql(workspace.secretKey, `mutation($input: UpdateEmailChannelInput!) { updateEmailChannel(input: $input) { email { mode smtpHost smtpPort } } }`, {
    input: { smtpHost: '127.0.0.1', smtpPort: smtp.port, fromEmail: 'shop@example.com', fromName: 'Shop' },
  });
  expect(smtpSetup.data.updateEmailChannel.email).toEqual({ mode: 'SMTP', smtpHost: '127.0.0.1', smtpPort: smtp.port });
  journeyId = await publishJourney(env, workspace.secretKey, 'Abandoned cart', abandonedCart(sink.url));
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
  await smtp?.close();
  await sink?.close();
});

async function waitingAt(userId: string, nodeId: string) {
  return eventually(async () => (await env.db.prisma.journeyRun.findFirst({ where: { journeyId, user: { externalId: userId }, currentNodeId: nodeId, waitingSince: { not: null } } })) ?? undefined, { what: `${userId} waiting at ${nodeId}` });
}

it('no order within 3 hours: reminder email over SMTP, a day later the VIP webhook', async () => {
  await env.ingest(workspace.writeKey, 'identify', { userId: 'vip-1', traits: { email: 'vip1@example.com', firstName: 'Vera', plan: 'vip' } });
  const added = await env.ingest(workspace.writeKey, 'track', { userId: 'vip-1', event: 'Added To Cart', properties: { cartId: 'c-1', productName: 'Lamp' } });
  expect(added.status).toBe(200);
  await waitingAt('vip-1', 'order');
  // Another cart's order does not count.
  await env.ingest(workspace.writeKey, 'track', { userId: 'vip-1', event: 'Order Completed', properties: { cartId: 'other' } });

  await env.temporalEnv.sleep('3 hours');
  const [email] = await smtp.waitFor(1);
  expect(email!.to).toEqual(['vip1@example.com']);
  expect(email!.subject).toBe('You left Lamp in your cart');
  expect(email!.html).toContain('Hi Vera, cart c-1 is waiting.');
  expect(email!.from).toContain('shop@example.com');
  await waitingAt('vip-1', 'day');
  expect(sink.received).toHaveLength(0);

  await env.temporalEnv.sleep('1 day');
  const [call] = await sink.waitFor(1);
  expect(call!.path).toBe('/crm/vip-1');
  expect(call!.json).toEqual({ email: 'vip1@example.com', cart: 'c-1' });
  expect(call!.headers['idempotency-key']).toMatch(/^journey:/);

  const run = await waitForRun(env, workspace.secretKey, journeyId, 'vip-1');
  expect(run.status).toBe('COMPLETED');
  const reasons = run.steps.filter((s: { kind: string }) => s.kind === 'BRANCH').map((s: { nodeId: string; branch: string; reason: string }) => `${s.nodeId}:${s.branch}`);
  expect(reasons).toEqual(['added:next', 'order:timeout', 'reminder:sent', 'day:next', 'vip:vip', 'crm:ok']);
  expect(run.steps.find((s: { nodeId: string; branch: string }) => s.nodeId === 'order' && s.branch === 'timeout').reason).toBe('timeout after 3 hours: no Order Completed');
  expect(run.steps.find((s: { nodeId: string; branch: string }) => s.nodeId === 'vip' && s.branch === 'vip').reason).toBe('condition true: plan = vip (is vip)');
  expect(smtp.received).toHaveLength(1);
});

it('the order arrives in time: no email', async () => {
  await env.ingest(workspace.writeKey, 'identify', { userId: 'buyer-1', traits: { email: 'buyer1@example.com' } });
  await env.ingest(workspace.writeKey, 'track', { userId: 'buyer-1', event: 'Added To Cart', properties: { cartId: 'c-2' } });
  await waitingAt('buyer-1', 'order');
  await env.temporalEnv.sleep('1 hour');
  await env.ingest(workspace.writeKey, 'track', { userId: 'buyer-1', event: 'Order Completed', properties: { cartId: 'c-2', total: 42 } });
  const run = await waitForRun(env, workspace.secretKey, journeyId, 'buyer-1');
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.find((s: { nodeId: string; kind: string }) => s.nodeId === 'order' && s.kind === 'BRANCH')).toMatchObject({ branch: 'matched' });
  await env.temporalEnv.sleep('1 day');
  expect(smtp.received.filter((e) => e.to.includes('buyer1@example.com'))).toHaveLength(0);
});
