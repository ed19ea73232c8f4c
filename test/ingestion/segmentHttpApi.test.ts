import { gzipSync } from 'node:zlib';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';

let t: TestApi;
let acme: TestWorkspace;

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
});
afterAll(() => t.close());

const userOf = (externalId: string) => t.db.prisma.user.findFirst({ where: { workspaceId: acme.workspaceId, externalId }, include: { identities: true } });

it.each(['identify', 'track', 'page', 'screen', 'group', 'alias'])('accepts /v1/%s', async (type) => {
  const body: Record<string, unknown> = { userId: `user-${type}`, messageId: `m-${type}` };
  if (type === 'track') body.event = 'Order Completed';
  if (type === 'group') body.groupId = 'acme-inc';
  if (type === 'alias') body.previousId = `before-${type}`;
  const response = await t.ingest(acme.writeKey, type, body);
  expect(response).toEqual({ status: 200, body: expect.objectContaining({ success: true, stored: 1 }) });
  expect(await t.db.prisma.event.count({ where: { workspaceId: acme.workspaceId, messageId: `m-${type}` } })).toBe(1);
});

it('takes the write key from the body when there is no Basic auth', async () => {
  const response = await t.ingest(null, 'track', { writeKey: acme.writeKey, userId: 'body-key', event: 'Signed Up' });
  expect(response.status).toBe(200);
  expect(await userOf('body-key')).not.toBeNull();
});

it('merges the batch context into items and corrects clock skew with the batch sentAt', async () => {
  const clientClockAhead = 60 * 60 * 1000;
  const happened = Date.now() - 10 * 60 * 1000;
  const response = await t.ingest(acme.writeKey, 'batch', {
    batch: [{ type: 'track', userId: 'skewed', event: 'Product Viewed', timestamp: new Date(happened + clientClockAhead).toISOString(), messageId: 'skew-1', context: { locale: 'ja-JP' } }],
    context: { ip: '198.51.100.7', locale: 'en-US', timezone: 'Asia/Tokyo' },
    sentAt: new Date(Date.now() + clientClockAhead).toISOString(),
  });
  expect(response.status).toBe(200);
  const event = await t.db.prisma.event.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, messageId: 'skew-1' } });
  expect(event.context).toEqual({ ip: '198.51.100.7', locale: 'ja-JP', timezone: 'Asia/Tokyo' });
  expect(Math.abs(event.timestamp.getTime() - happened)).toBeLessThan(5_000);
  expect(await userOf('skewed')).toMatchObject({ ip: '198.51.100.7', locale: 'ja-JP', timezone: 'Asia/Tokyo' });
});

it('answers 2xx to a repeated messageId and stores it once', async () => {
  const body = { userId: 'retry', event: 'Order Completed', messageId: 'retry-1' };
  expect((await t.ingest(acme.writeKey, 'track', body)).body).toMatchObject({ stored: 1 });
  expect((await t.ingest(acme.writeKey, 'track', body)).body).toMatchObject({ success: true, stored: 0, duplicates: 1 });
  expect(await t.db.prisma.event.count({ where: { workspaceId: acme.workspaceId, messageId: 'retry-1' } })).toBe(1);
});

it('accepts gzip bodies', async () => {
  const body = gzipSync(JSON.stringify({ batch: [{ type: 'track', userId: 'gz', event: 'Compressed', messageId: 'gz-1' }] }));
  const response = await fetch(`${t.baseUrl}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Basic ${Buffer.from(`${acme.writeKey}:`).toString('base64')}` },
    body,
  });
  expect(response.status).toBe(200);
  expect(await userOf('gz')).not.toBeNull();
});

it('builds an anonymous profile and merges it on identify', async () => {
  await t.ingest(acme.writeKey, 'page', { anonymousId: 'browser-9', name: 'Pricing', properties: { path: '/pricing' }, context: { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' } });
  await t.ingest(acme.writeKey, 'identify', { anonymousId: 'browser-9', userId: 'dana', traits: { email: 'dana@example.com', plan: 'pro' } });
  const dana = await userOf('dana');
  expect(dana).toMatchObject({ email: 'dana@example.com', browser: 'Safari 17', os: 'Mac OS 14.5', platform: 'web', traits: { plan: 'pro' } });
  expect(dana!.identities.map((i) => i.value)).toEqual(['browser-9']);
  expect(await t.db.prisma.event.count({ where: { userId: dana!.id } })).toBe(2);
});

it('answers CORS preflights for browser SDKs', async () => {
  const response = await fetch(`${t.baseUrl}/v1/track`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
});

it('reports health', async () => {
  const response = await fetch(`${t.baseUrl}/healthz`);
  expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
});

it('keeps the push token mobile libraries send in context.device.token as the pushToken trait', async () => {
  await t.ingest(acme.writeKey, 'track', { userId: 'phone-owner', event: 'App Opened', context: { device: { type: 'ios', token: 'apns-token-1' }, os: { name: 'iOS', version: '18.1' } } });
  expect(await userOf('phone-owner')).toMatchObject({ platform: 'ios', traits: { pushToken: 'apns-token-1' } });
  // A token in the traits themselves wins over the context's.
  await t.ingest(acme.writeKey, 'identify', { userId: 'phone-owner', traits: { pushToken: 'apns-token-2' }, context: { device: { token: 'apns-token-1' } } });
  expect((await userOf('phone-owner'))!.traits).toMatchObject({ pushToken: 'apns-token-2' });
  const catalog = await t.db.prisma.attributeDefinition.findFirst({ where: { workspaceId: acme.workspaceId, name: 'pushToken' } });
  expect(catalog).toMatchObject({ type: 'STRING', system: false });
});
