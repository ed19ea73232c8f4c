/**
 * Bad input to the Segment-compatible ingestion API, over real HTTP: every
 * case must get a clear 4xx JSON answer (`error`, `message`, and for
 * validation problems `problems` naming each field and batch index), never a
 * 500 or a dropped connection, and must write nothing.
 */
import { request as httpRequest, Agent } from 'node:http';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { createApiKey } from '@tideflow/api';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';

// The project's `testTimeout` in jest.config.js does not reach per-project runs (it is a global option), and
// starting the API on a fresh database plus the gzip-bomb and race cases can pass Jest's 5 s default on a busy machine.

let t: TestApi;
let acme: TestWorkspace;
let revokedWriteKey: string;

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
  const revoked = await createApiKey(t.db.prisma, acme.workspaceId, 'WRITE', 'revoked');
  await t.db.prisma.apiKey.update({ where: { id: revoked.apiKey.id }, data: { revokedAt: new Date() } });
  revokedWriteKey = revoked.key;
  // Some rows already there, so "nothing changed" is checked against a populated database.
  const seeded = await t.ingest(acme.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'alice', anonymousId: 'anon-alice', traits: { email: 'alice@acme.test', plan: 'pro' } },
      { type: 'track', userId: 'alice', event: 'Order Completed', properties: { total: 10 } },
    ],
  });
  expect(seeded.status).toBe(200);
});
afterAll(() => t.close());

async function rowCounts() {
  const { prisma } = t.db;
  return {
    events: await prisma.event.count(),
    users: await prisma.user.count(),
    identities: await prisma.userIdentity.count(),
    eventDefinitions: await prisma.eventDefinition.count(),
    attributeDefinitions: await prisma.attributeDefinition.count(),
  };
}

const basic = (user: string, password = '') => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const kb = (n: number) => n * 1024;

type Body = string | Uint8Array | object | null | undefined;

interface Request {
  path: string;
  method?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: Body | (() => Body);
  /** Defaults to application/json; null sends no Content-Type. */
  contentType?: string | null;
  /** Defaults to Basic auth with the workspace's write key; null sends none. */
  authorization?: string | null | (() => string | null);
  headers?: Record<string, string>;
  /** Send the body with chunked transfer encoding, so no Content-Length announces its size. */
  chunked?: boolean;
}

async function send(request: Request): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const rawBody = typeof request.body === 'function' ? request.body() : request.body;
  const bytes: Uint8Array | undefined =
    rawBody === undefined ? undefined
    : typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8')
    : rawBody instanceof Uint8Array ? rawBody
    : Buffer.from(JSON.stringify(rawBody), 'utf8');
  const authorization = typeof request.authorization === 'function' ? request.authorization() : request.authorization === undefined ? basic(acme.writeKey) : request.authorization;
  const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
  const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...(authorization ? { authorization } : {}), ...request.headers };
  const init: RequestInit & { duplex?: 'half' } = { method: request.method ?? 'POST', headers };
  if (bytes && request.chunked) {
    init.body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    init.duplex = 'half';
  } else if (bytes) {
    // Bytes, not a string: fetch would otherwise add its own text/plain Content-Type.
    init.body = new Uint8Array(bytes);
  }
  const response = await fetch(`${t.baseUrl}/v1/${request.path}`, init);
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body, text };
}

/** JSON text nested `depth` levels: `[[[…0…]]]` or `{"":{"":…0…}}`. */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(depth)}0${']'.repeat(depth)}` : `${'{"":'.repeat(depth)}0${'}'.repeat(depth)}`;
}

/** A gzip stream of `count` empty stored deflate blocks, then `payload`: tiny once inflated, as large as you like on the wire. */
function gzipOfEmptyBlocks(payload: Buffer, count: number): Buffer {
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const emptyBlock = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff]);
  const last = Buffer.concat([Buffer.from([0x01, payload.length & 0xff, payload.length >> 8, ~payload.length & 0xff, (~payload.length >> 8) & 0xff]), payload]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(payload), 0);
  trailer.writeUInt32LE(payload.length, 4);
  return Buffer.concat([header, Buffer.concat(Array.from({ length: count }, () => emptyBlock)), last, trailer]);
}

const track = (fields: object) => ({ userId: 'u-1', event: 'Signed Up', ...fields });
const item = (fields: object) => ({ type: 'track', userId: 'u-1', event: 'Signed Up', ...fields });
const long = (n: number) => 'x'.repeat(n);

interface ExpectedProblem {
  index?: number;
  field: string | RegExp;
  message?: string | RegExp;
}

interface BadCase extends Request {
  name: string;
  status: number;
  error: string;
  /** Validation problems expected, all of them (order-insensitive). */
  problems?: ExpectedProblem[];
  message?: RegExp;
  responseHeaders?: Record<string, string | RegExp>;
}

const cases: BadCase[] = [
  // Bodies that are not JSON at all.
  { name: 'empty body', path: 'track', body: '', status: 400, error: 'invalid_json' },
  { name: 'plain text body', path: 'track', body: 'hello world', status: 400, error: 'invalid_json' },
  { name: 'JavaScript object literal instead of JSON', path: 'track', body: "{userId: 'u', event: 'e'}", status: 400, error: 'invalid_json' },
  { name: 'JSON truncated mid-string', path: 'track', body: '{"userId":"u-1","event":"Order Compl', status: 400, error: 'invalid_json' },
  { name: 'JSON truncated after a comma', path: 'batch', body: '{"batch":[{"type":"track","userId":"u","event":"e"},', status: 400, error: 'invalid_json' },
  { name: 'JSON with a trailing comma', path: 'identify', body: '{"userId":"u-1",}', status: 400, error: 'invalid_json' },
  { name: 'two JSON documents back to back', path: 'track', body: '{"userId":"u","event":"e"}{"userId":"u","event":"e"}', status: 400, error: 'invalid_json' },
  { name: 'NaN is not JSON', path: 'track', body: '{"userId":"u","event":"e","properties":{"n":NaN}}', status: 400, error: 'invalid_json' },
  { name: 'bytes that are not UTF-8', path: 'track', body: Buffer.concat([Buffer.from('{"userId":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","event":"e"}')]), status: 400, error: 'invalid_body', message: /UTF-8/ },

  // JSON that is not an object.
  { name: 'a JSON array to /v1/track', path: 'track', body: '[{"userId":"u","event":"e"}]', status: 400, error: 'invalid_request', problems: [{ field: '', message: /JSON object/ }] },
  { name: 'a JSON string to /v1/identify', path: 'identify', body: '"alice"', status: 400, error: 'invalid_request', problems: [{ field: '', message: /JSON object/ }] },
  { name: 'a JSON number to /v1/page', path: 'page', body: '42', status: 400, error: 'invalid_request', problems: [{ field: '', message: /JSON object/ }] },
  { name: 'JSON null to /v1/group', path: 'group', body: 'null', status: 400, error: 'invalid_request', problems: [{ field: '', message: /JSON object/ }] },
  { name: 'JSON true to /v1/alias', path: 'alias', body: 'true', status: 400, error: 'invalid_request', problems: [{ field: '', message: /JSON object/ }] },
  { name: 'a bare array of messages to /v1/batch', path: 'batch', body: [item({})], status: 400, error: 'invalid_request', problems: [{ field: '', message: /"batch" array/ }] },

  // Content types and encodings.
  { name: 'form-urlencoded body', path: 'track', contentType: 'application/x-www-form-urlencoded', body: 'userId=u-1&event=Signed+Up', status: 415, error: 'unsupported_media_type', message: /application\/json/ },
  { name: 'multipart form body', path: 'track', contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="userId"\r\n\r\nu-1\r\n--xyz--\r\n', status: 415, error: 'unsupported_media_type' },
  { name: 'XML body', path: 'identify', contentType: 'application/xml', body: '<identify><userId>u-1</userId></identify>', status: 415, error: 'unsupported_media_type' },
  { name: 'no Content-Type at all', path: 'track', contentType: null, body: track({}), status: 415, error: 'unsupported_media_type', message: /none/ },
  { name: 'Content-Encoding br (unsupported)', path: 'track', headers: { 'content-encoding': 'br' }, body: track({}), status: 415, error: 'unsupported_encoding', message: /gzip/ },
  { name: 'Content-Encoding listing two codings', path: 'track', headers: { 'content-encoding': 'gzip, br' }, body: gzipSync(JSON.stringify(track({}))), status: 415, error: 'unsupported_encoding' },
  { name: 'gzip header but corrupt data', path: 'track', headers: { 'content-encoding': 'gzip' }, body: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from('definitely not deflate data'.repeat(100))]), status: 400, error: 'invalid_body' },
  { name: 'gzip that is not gzip at all', path: 'batch', headers: { 'content-encoding': 'gzip' }, body: JSON.stringify({ batch: [item({})] }), status: 400, error: 'invalid_body' },
  { name: 'gzip cut off halfway', path: 'track', headers: { 'content-encoding': 'gzip' }, body: () => { const whole = gzipSync(JSON.stringify(track({ properties: { note: long(2000) } }))); return whole.subarray(0, whole.length >> 1); }, status: 400, error: 'invalid_body' },
  { name: 'corrupt deflate', path: 'track', headers: { 'content-encoding': 'deflate' }, body: Buffer.from('not a zlib stream at all'), status: 400, error: 'invalid_body' },
  { name: 'gzip bomb to /v1/batch (10 MB of JSON whitespace inflated from ~10 KB)', path: 'batch', headers: { 'content-encoding': 'gzip' }, body: () => gzipSync(`{"batch":[${' '.repeat(10 * 1024 * 1024)}]}`), status: 400, error: 'payload_too_large', message: /500 KB/ },
  { name: 'gzip bomb to /v1/track', path: 'track', headers: { 'content-encoding': 'gzip' }, body: () => gzipSync(JSON.stringify(track({ properties: { pad: long(5 * 1024 * 1024) } }))), status: 400, error: 'payload_too_large' },
  { name: 'deflate bomb to /v1/batch', path: 'batch', headers: { 'content-encoding': 'deflate' }, body: () => deflateSync(JSON.stringify({ batch: [item({ properties: { pad: long(2 * 1024 * 1024) } })] })), status: 400, error: 'payload_too_large' },
  { name: 'gzip whose compressed size passes 500 KB though it inflates to one small message', path: 'track', headers: { 'content-encoding': 'gzip' }, body: () => gzipOfEmptyBlocks(Buffer.from(JSON.stringify(track({}))), 120_000), status: 400, error: 'payload_too_large' },

  // Methods and paths.
  { name: 'GET /v1/track', path: 'track', method: 'GET', status: 405, error: 'method_not_allowed', responseHeaders: { allow: /POST/ } },
  { name: 'PUT /v1/identify with a body', path: 'identify', method: 'PUT', body: { userId: 'u-1' }, status: 405, error: 'method_not_allowed', responseHeaders: { allow: /POST/ } },
  { name: 'DELETE /v1/batch', path: 'batch', method: 'DELETE', status: 405, error: 'method_not_allowed' },
  { name: 'PATCH /v1/alias', path: 'alias', method: 'PATCH', body: { userId: 'a', previousId: 'b' }, status: 405, error: 'method_not_allowed' },
  { name: 'unknown endpoint /v1/purchase', path: 'purchase', body: track({}), status: 404, error: 'not_found', message: /identify, track/ },
  { name: 'endpoint in the wrong case /v1/Track', path: 'Track', body: track({}), status: 404, error: 'not_found' },
  { name: 'extra path segment /v1/track/now', path: 'track/now', body: track({}), status: 404, error: 'not_found' },
  { name: 'bare /v1/', path: '', body: track({}), status: 404, error: 'not_found' },

  // Size limits.
  { name: 'single message of 40 KB', path: 'track', body: track({ properties: { blob: long(kb(40)) } }), status: 400, error: 'payload_too_large', message: /32 KB.*batch/ },
  { name: 'single message just over 32 KB (within the envelope slack)', path: 'identify', body: { userId: 'u-1', traits: { blob: long(kb(32) + 200) } }, status: 400, error: 'invalid_request', problems: [{ field: '', message: /32\.\d KB/ }] },
  { name: 'batch item over 32 KB inside a small batch', path: 'batch', body: { batch: [item({}), item({ properties: { blob: long(kb(33)) } })] }, status: 400, error: 'invalid_request', problems: [{ index: 1, field: '', message: /32\.0 KB/ }] },
  { name: 'batch of 600 KB with Content-Length', path: 'batch', body: { batch: Array.from({ length: 30 }, () => item({ properties: { blob: long(kb(20)) } })) }, status: 400, error: 'payload_too_large', message: /500 KB/ },
  { name: 'batch of 600 KB sent chunked (no Content-Length)', path: 'batch', chunked: true, body: { batch: Array.from({ length: 30 }, () => item({ properties: { blob: long(kb(20)) } })) }, status: 400, error: 'payload_too_large', message: /500 KB/ },

  // Wrong types, field by field.
  { name: 'userId as an object', path: 'track', body: track({ userId: { id: 1 } }), status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /string/ }] },
  { name: 'userId as an array', path: 'identify', body: { userId: ['u-1'] }, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }] },
  { name: 'userId as a boolean', path: 'page', body: { userId: true }, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }] },
  { name: 'anonymousId as an object', path: 'track', body: { anonymousId: {}, event: 'e' }, status: 400, error: 'invalid_request', problems: [{ field: 'anonymousId' }] },
  { name: 'messageId as an array', path: 'track', body: track({ messageId: ['m'] }), status: 400, error: 'invalid_request', problems: [{ field: 'messageId' }] },
  { name: 'event as a number', path: 'track', body: track({ event: 42 }), status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /string/ }] },
  { name: 'event as an object', path: 'track', body: track({ event: { name: 'e' } }), status: 400, error: 'invalid_request', problems: [{ field: 'event' }] },
  { name: 'properties as an array', path: 'track', body: track({ properties: [1, 2] }), status: 400, error: 'invalid_request', problems: [{ field: 'properties', message: /JSON object/ }] },
  { name: 'properties as a string', path: 'page', body: { userId: 'u-1', properties: 'path=/' }, status: 400, error: 'invalid_request', problems: [{ field: 'properties' }] },
  { name: 'context as a string', path: 'track', body: track({ context: 'ios' }), status: 400, error: 'invalid_request', problems: [{ field: 'context' }] },
  { name: 'context as an array', path: 'identify', body: { userId: 'u-1', context: [{ ip: '1.2.3.4' }] }, status: 400, error: 'invalid_request', problems: [{ field: 'context' }] },
  { name: 'traits as an array', path: 'identify', body: { userId: 'u-1', traits: [['plan', 'pro']] }, status: 400, error: 'invalid_request', problems: [{ field: 'traits' }] },
  { name: 'traits as a number (group)', path: 'group', body: { userId: 'u-1', groupId: 'g', traits: 5 }, status: 400, error: 'invalid_request', problems: [{ field: 'traits' }] },
  { name: 'integrations as a string', path: 'track', body: track({ integrations: 'All' }), status: 400, error: 'invalid_request', problems: [{ field: 'integrations' }] },
  { name: 'page name as a number and category as an object', path: 'page', body: { anonymousId: 'a-1', name: 7, category: { a: 1 } }, status: 400, error: 'invalid_request', problems: [{ field: 'name' }, { field: 'category' }] },
  { name: 'groupId as an object', path: 'group', body: { userId: 'u-1', groupId: { id: 'g' } }, status: 400, error: 'invalid_request', problems: [{ field: 'groupId' }] },
  { name: 'alias previousId as an array', path: 'alias', body: { userId: 'u-1', previousId: ['a'] }, status: 400, error: 'invalid_request', problems: [{ field: 'previousId' }] },
  { name: 'timestamp that is not a date', path: 'track', body: track({ timestamp: 'yesterday' }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /ISO-8601/ }] },
  { name: 'timestamp as epoch milliseconds', path: 'track', body: track({ timestamp: 1767225600000 }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /string/ }] },
  { name: 'timestamp on February 30th', path: 'identify', body: { userId: 'u-1', timestamp: '2026-02-30T10:00:00Z' }, status: 400, error: 'invalid_request', problems: [{ field: 'timestamp' }] },
  { name: 'timestamp with month 13', path: 'track', body: track({ timestamp: '2026-13-01T00:00:00Z' }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp' }] },
  { name: 'sentAt and originalTimestamp that are not dates', path: 'track', body: track({ sentAt: 'now', originalTimestamp: { at: 1 } }), status: 400, error: 'invalid_request', problems: [{ field: 'sentAt' }, { field: 'originalTimestamp' }] },
  { name: 'every field of a track call of the wrong type at once', path: 'track', body: { userId: { a: 1 }, anonymousId: [], event: 5, properties: [1], context: 'x', timestamp: 'soon' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }, { field: 'anonymousId' }, { field: 'event' }, { field: 'properties' }, { field: 'context' }, { field: 'timestamp' }] },

  // Identity.
  { name: 'track with neither userId nor anonymousId', path: 'track', body: { event: 'e' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /anonymousId/ }] },
  { name: 'identify with nothing at all', path: 'identify', body: {}, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }] },
  { name: 'null userId and null anonymousId', path: 'screen', body: { userId: null, anonymousId: null, name: 'Home' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }] },
  { name: 'blank userId and empty anonymousId', path: 'track', body: { userId: '   ', anonymousId: '', event: 'e' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId' }] },
  { name: 'alias with a blank userId and no previousId', path: 'alias', body: { userId: ' ' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /empty/ }, { field: 'previousId', message: /required/ }] },
  { name: 'group without a groupId', path: 'group', body: { userId: 'u-1' }, status: 400, error: 'invalid_request', problems: [{ field: 'groupId', message: /required/ }] },
  { name: 'userId of 256 characters', path: 'identify', body: { userId: long(256) }, status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /255/ }] },
  { name: 'anonymousId of 1000 characters', path: 'page', body: { anonymousId: long(1000) }, status: 400, error: 'invalid_request', problems: [{ field: 'anonymousId', message: /255/ }] },
  { name: 'messageId and groupId of 300 characters', path: 'group', body: { userId: 'u-1', groupId: long(300), messageId: long(300) }, status: 400, error: 'invalid_request', problems: [{ field: 'groupId' }, { field: 'messageId' }] },

  // Event names.
  { name: 'empty event name', path: 'track', body: track({ event: '' }), status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /empty/ }] },
  { name: 'whitespace-only event name', path: 'track', body: track({ event: ' \t\n ' }), status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /empty/ }] },
  { name: 'event name of 256 characters', path: 'track', body: track({ event: long(256) }), status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /255/ }] },
  { name: 'missing event name', path: 'track', body: { userId: 'u-1' }, status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /required/ }] },
  { name: 'page name of 300 characters', path: 'page', body: { userId: 'u-1', name: long(300) }, status: 400, error: 'invalid_request', problems: [{ field: 'name', message: /255/ }] },

  // Nesting.
  { name: '1,000 levels of nested objects in properties', path: 'track', body: `{"userId":"u-1","event":"e","properties":${nested(1000, 'object')}}`, status: 400, error: 'invalid_request', problems: [{ field: /^properties(\.)+/, message: /nested more than 32 levels/ }] },
  { name: '1,000 levels of nested arrays in traits', path: 'identify', body: `{"userId":"u-1","traits":{"deep":${nested(1000, 'array')}}}`, status: 400, error: 'invalid_request', problems: [{ field: /^traits\.deep\.0\.0/, message: /nested/ }] },
  { name: '100,000 levels of nested arrays in a batch item', path: 'batch', body: `{"batch":[{"type":"track","userId":"u-1","event":"e","properties":{"x":${nested(100_000, 'array')}}}]}`, status: 400, error: 'invalid_request', problems: [{ index: 0, field: /^properties\.x\.0\.0/, message: /nested/ }] },
  { name: '100,000 levels of nested objects in a batch item context', path: 'batch', body: `{"batch":[{"type":"page","anonymousId":"a-1","context":${nested(100_000, 'object')}}]}`, status: 400, error: 'invalid_request', problems: [{ index: 0, field: /^context\./, message: /nested/ }] },
  { name: '100,000 levels of nesting in an unknown field of a batch item', path: 'batch', body: `{"batch":[{"type":"track","userId":"u-1","event":"e","_metadata":${nested(100_000, 'array')}}]}`, status: 400, error: 'invalid_request', problems: [{ index: 0, field: /^_metadata\.0/, message: /nested/ }] },
  { name: '100,000 levels of nesting to /v1/track (too large before it is too deep)', path: 'track', body: `{"userId":"u-1","event":"e","properties":{"x":${nested(100_000, 'array')}}}`, status: 400, error: 'payload_too_large' },

  // Text Postgres cannot store.
  { name: 'NUL in a property value', path: 'track', body: track({ properties: { note: 'a\u0000b' } }), status: 400, error: 'invalid_request', problems: [{ field: 'properties.note', message: /NUL/ }] },
  { name: 'NUL in a property key', path: 'track', body: track({ properties: { 'bad\u0000key': 1 } }), status: 400, error: 'invalid_request', problems: [{ field: 'properties', message: /key.*NUL/ }] },
  { name: 'NUL in the event name', path: 'track', body: track({ event: 'Order\u0000Completed' }), status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /NUL/ }] },
  { name: 'NUL in userId', path: 'identify', body: { userId: 'alice\u0000' }, status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /NUL/ }] },
  { name: 'NUL in anonymousId and messageId', path: 'page', body: { anonymousId: '\u0000a', messageId: 'm\u0000' }, status: 400, error: 'invalid_request', problems: [{ field: 'anonymousId' }, { field: 'messageId' }] },
  { name: 'NUL in alias previousId', path: 'alias', body: { userId: 'u-1', previousId: 'anon\u0000' }, status: 400, error: 'invalid_request', problems: [{ field: 'previousId', message: /NUL/ }] },
  { name: 'NUL in a trait nested in a list', path: 'identify', body: { userId: 'u-1', traits: { tags: ['ok', 'b\u0000d'] } }, status: 400, error: 'invalid_request', problems: [{ field: 'traits.tags.1', message: /NUL/ }] },
  { name: 'NUL in batch-level context, reported on every item', path: 'batch', body: { batch: [item({}), item({ event: 'Other' })], context: { app: { name: 'x\u0000' } } }, status: 400, error: 'invalid_request', problems: [{ index: 0, field: 'context.app.name' }, { index: 1, field: 'context.app.name' }] },
  { name: 'lone high surrogate in a property value', path: 'track', body: '{"userId":"u-1","event":"e","properties":{"name":"Ann\\ud800"}}', status: 400, error: 'invalid_request', problems: [{ field: 'properties.name', message: /surrogate/ }] },
  { name: 'lone low surrogate in a property key', path: 'track', body: '{"userId":"u-1","event":"e","properties":{"\\udc00":1}}', status: 400, error: 'invalid_request', problems: [{ field: 'properties', message: /key.*surrogate/ }] },
  { name: 'lone surrogate in the event name', path: 'track', body: '{"userId":"u-1","event":"Bought \\ud83d"}', status: 400, error: 'invalid_request', problems: [{ field: 'event', message: /surrogate/ }] },
  { name: 'lone surrogate in userId', path: 'identify', body: '{"userId":"\\udfffu"}', status: 400, error: 'invalid_request', problems: [{ field: 'userId', message: /surrogate/ }] },
  { name: 'reversed surrogate pair in a trait', path: 'identify', body: '{"userId":"u-1","traits":{"emoji":"\\ude00\\ud83d"}}', status: 400, error: 'invalid_request', problems: [{ field: 'traits.emoji', message: /surrogate/ }] },

  // Timestamps out of range.
  { name: 'timestamp in 1900', path: 'track', body: track({ timestamp: '1900-01-01T00:00:00Z' }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /before 2000/ }] },
  { name: 'timestamp in year 0001', path: 'identify', body: { userId: 'u-1', timestamp: '0001-01-01T00:00:00.000Z' }, status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /before 2000/ }] },
  { name: 'timestamp in 2100', path: 'track', body: track({ timestamp: '2100-06-01T00:00:00Z' }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /future/ }] },
  { name: 'originalTimestamp in 1970 (no timestamp)', path: 'page', body: { anonymousId: 'a-1', originalTimestamp: '1970-01-01T00:00:00Z' }, status: 400, error: 'invalid_request', problems: [{ field: 'originalTimestamp', message: /before 2000/ }] },
  { name: 'sentAt in 1990 skewing a current timestamp far into the future', path: 'track', body: () => track({ timestamp: new Date().toISOString(), sentAt: '1990-01-01T00:00:00Z' }), status: 400, error: 'invalid_request', problems: [{ field: 'timestamp', message: /future/ }] },

  // Batch shapes.
  { name: 'batch without a batch field', path: 'batch', body: { messages: [item({})] }, status: 400, error: 'invalid_request', problems: [{ field: 'batch', message: /required/ }] },
  { name: 'batch field that is an object', path: 'batch', body: { batch: { 0: item({}) } }, status: 400, error: 'invalid_request', problems: [{ field: 'batch', message: /array/ }] },
  { name: 'batch field that is a string', path: 'batch', body: { batch: JSON.stringify([item({})]) }, status: 400, error: 'invalid_request', problems: [{ field: 'batch', message: /array/ }] },
  { name: 'batch field that is null', path: 'batch', body: { batch: null }, status: 400, error: 'invalid_request', problems: [{ field: 'batch' }] },
  { name: 'batch items that are not objects', path: 'batch', body: { batch: [1, 'track', null, [item({})]] }, status: 400, error: 'invalid_request', problems: [0, 1, 2, 3].map((index) => ({ index, field: '', message: /JSON object/ })) },
  { name: 'batch item without a type', path: 'batch', body: { batch: [{ userId: 'u-1', event: 'e' }] }, status: 400, error: 'invalid_request', problems: [{ index: 0, field: 'type', message: /required/ }] },
  { name: 'batch items of unknown types', path: 'batch', body: { batch: [item({ type: 'purchase' }), item({ type: 'Track' }), item({ type: 3 })] }, status: 400, error: 'invalid_request', problems: [0, 1, 2].map((index) => ({ index, field: 'type', message: /one of identify, track/ })) },
  { name: 'batch-level context, integrations and sentAt of the wrong type', path: 'batch', body: { batch: [item({})], context: 'web', integrations: [], sentAt: 'later' }, status: 400, error: 'invalid_request', problems: [{ field: 'context' }, { field: 'integrations' }, { field: 'sentAt' }] },
  {
    name: 'batch of good and bad items is rejected whole, naming every bad item',
    path: 'batch',
    body: {
      batch: [
        item({ messageId: 'good-1' }),
        { type: 'track', event: 'No Id', messageId: 'bad-1' },
        { type: 'identify', userId: 'u-2', traits: { plan: 'pro' }, messageId: 'good-2' },
        item({ event: 7, properties: [1], messageId: 'bad-3' }),
        { type: 'fly', userId: 'u-1' },
        'not a message',
        item({ timestamp: '1999-12-31T23:59:59Z', messageId: 'bad-6' }),
        { type: 'page', anonymousId: 'a-1', name: 'Home', messageId: 'good-7' },
        item({ event: '', properties: { note: 'x\u0000' }, messageId: 'bad-8' }),
      ],
    },
    status: 400,
    error: 'invalid_request',
    message: /6 message\(s\) of the batch are invalid, so none was stored/,
    problems: [
      { index: 1, field: 'userId' },
      { index: 3, field: 'event' },
      { index: 3, field: 'properties' },
      { index: 4, field: 'type' },
      { index: 5, field: '' },
      { index: 6, field: 'timestamp' },
      { index: 8, field: 'properties.note' },
      { index: 8, field: 'event' },
    ],
  },

  // Write keys.
  { name: 'no write key anywhere', path: 'track', authorization: null, body: track({}), status: 401, error: 'unauthorized', message: /write key is required/ },
  { name: 'unknown write key', path: 'track', authorization: basic('tfw_doesNotExist0000000000000000000000'), body: track({}), status: 401, error: 'unauthorized', message: /Unknown or revoked/ },
  { name: 'revoked write key', path: 'identify', authorization: () => basic(revokedWriteKey), body: { userId: 'u-1' }, status: 401, error: 'unauthorized', message: /revoked/ },
  { name: 'revoked write key in the body', path: 'batch', authorization: null, body: () => ({ writeKey: revokedWriteKey, batch: [item({})] }), status: 401, error: 'unauthorized' },
  { name: 'secret key used as the write key (Basic auth)', path: 'track', authorization: () => basic(acme.secretKey), body: track({}), status: 401, error: 'unauthorized' },
  { name: 'secret key used as writeKey in the body', path: 'batch', authorization: null, body: () => ({ writeKey: acme.secretKey, batch: [item({})] }), status: 401, error: 'unauthorized' },
  { name: 'write key sent as a Bearer token instead of Basic auth', path: 'track', authorization: () => `Bearer ${acme.writeKey}`, body: track({}), status: 401, error: 'unauthorized' },
  { name: 'Basic auth that is not base64', path: 'track', authorization: 'Basic !!!not-base64***', body: track({}), status: 401, error: 'unauthorized' },
  { name: 'Basic auth with an empty user name', path: 'track', authorization: () => basic('', acme.writeKey), body: track({}), status: 401, error: 'unauthorized' },
  { name: 'Basic auth scheme with no credentials', path: 'track', authorization: 'Basic ', body: track({}), status: 401, error: 'unauthorized' },
  { name: 'Basic auth with a 10 KB user name', path: 'track', authorization: basic(`tfw_${long(kb(10))}`), body: track({}), status: 401, error: 'unauthorized' },
  { name: 'writeKey in the body that is a number', path: 'track', authorization: null, body: track({ writeKey: 12345 }), status: 401, error: 'unauthorized' },
];

describe('bad input to the ingestion API', () => {
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(55);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await rowCounts();
    const response = await send(c);

    expect(response.status).toBe(c.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual(expect.objectContaining({ error: c.error, message: expect.any(String) }));
    expect(response.body.message.length).toBeGreaterThan(10);
    if (c.message) expect(response.body.message).toMatch(c.message);
    for (const [header, value] of Object.entries(c.responseHeaders ?? {})) expect(response.headers.get(header)).toMatch(value);

    if (c.error === 'invalid_request') {
      // Validation problems: each names its field (and batch index), and the message repeats them.
      expect(c.problems).toBeDefined();
      const problems = response.body.problems as Array<{ index?: number; field: string; message: string }>;
      expect(Array.isArray(problems)).toBe(true);
      for (const problem of problems) {
        expect(typeof problem.field).toBe('string');
        expect(problem.message).toEqual(expect.any(String));
        if (c.path === 'batch' && problem.field !== 'batch' && c.problems!.some((p) => p.index !== undefined)) expect(problem.index).toEqual(expect.any(Number));
        expect(response.body.message).toContain(problem.field ? `${problem.index === undefined ? '' : `batch[${problem.index}].`}${problem.field}` : problem.message);
      }
      const expected = c.problems!.map((p) =>
        expect.objectContaining({
          field: typeof p.field === 'string' ? p.field : expect.stringMatching(p.field),
          ...(p.index !== undefined ? { index: p.index } : {}),
          ...(p.message ? { message: typeof p.message === 'string' ? p.message : expect.stringMatching(p.message) } : {}),
        }),
      );
      expect(problems).toHaveLength(expected.length);
      expect(problems).toEqual(expect.arrayContaining(expected));
      if (c.problems!.every((p) => p.index === undefined)) expect(problems.every((p) => p.index === undefined)).toBe(true);
    } else {
      expect(response.body.problems).toBeUndefined();
    }

    expect(await rowCounts()).toEqual(before);
  });
});

describe('odd but valid input', () => {
  it('accepts and round-trips emoji, RTL text, zero-width and combining characters', async () => {
    const userId = 'ユーザー-😀-مستخدم';
    const event = 'הזמנה \u200f✓\u200b בוצעה 👩‍👩‍👧';
    const properties = { 'ключ': 'значение', rtl: '\u202eevil.exe\u202c', zeroWidth: 'a\u200b\u200c\u200d\u2060b', combining: 'e\u0301 n\u0303', bom: '\ufeff', astral: '𝄞 𓀀 🏳️‍🌈', max: '\uffff\u{10ffff}' };
    const response = await t.ingest(acme.writeKey, 'track', { userId, event, properties, messageId: 'unicode-1' });
    expect(response).toEqual({ status: 200, body: expect.objectContaining({ success: true, stored: 1 }) });

    const stored = await t.db.prisma.event.findFirstOrThrow({ where: { workspaceId: acme.workspaceId, messageId: 'unicode-1' }, include: { user: true } });
    expect(stored.name).toBe(event);
    expect(stored.properties).toEqual(properties);
    expect(stored.user.externalId).toBe(userId);
    const definition = await t.db.prisma.eventDefinition.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId: acme.workspaceId, name: event } } });
    expect(Number(definition.count)).toBe(1);
  });

  it('accepts a key of exactly 255 characters and ids of exactly 255', async () => {
    const id = 'i'.repeat(255);
    const response = await t.ingest(acme.writeKey, 'track', { userId: id, event: 'e'.repeat(255), properties: { ['k'.repeat(255)]: 1 }, messageId: 'm'.repeat(255) });
    expect(response.status).toBe(200);
    expect(await t.db.prisma.user.count({ where: { externalId: id } })).toBe(1);
  });
});

describe('the connection after a rejected body', () => {
  it('stays usable: a corrupt gzip and a wrong method are answered and the next request on the same socket succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const post = (path: string, body: Buffer, headers: Record<string, string>, method = 'POST') =>
      new Promise<{ status: number; body: any; socket: unknown }>((resolve, reject) => {
        const request = httpRequest(`${t.baseUrl}/v1/${path}`, { method, agent, headers: { 'content-type': 'application/json', authorization: basic(acme.writeKey), 'content-length': String(body.length), ...headers } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), socket: request.socket }));
        });
        request.on('error', reject);
        request.end(body);
      });
    try {
      const corrupt = await post('track', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(kb(300), 7)]), { 'content-encoding': 'gzip' });
      expect(corrupt).toMatchObject({ status: 400, body: { error: 'invalid_body' } });
      const wrongMethod = await post('track', Buffer.from(JSON.stringify(track({}))), {}, 'PUT');
      expect(wrongMethod).toMatchObject({ status: 405, body: { error: 'method_not_allowed' } });
      const good = await post('track', Buffer.from(JSON.stringify(track({ messageId: 'after-corrupt' }))), {});
      expect(good).toMatchObject({ status: 200, body: { success: true, stored: 1 } });
      expect(good.socket).toBe(corrupt.socket);
    } finally {
      agent.destroy();
    }
  });
});
