import { gzipSync } from 'node:zlib';
import { createApiKey, createApiServer, createWorkspace } from '@tideflow/api';
import { openTestDatabase } from '../support/testDatabase';

async function main() {
  const db = await openTestDatabase();
  const api = createApiServer({ db, logError: (e) => console.log('LOGGED ERROR:', String(e).slice(0, 300)) });
  const port = await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  const ws = await createWorkspace(db.prisma, { name: 'a', slug: 'a' });
  const { key } = await createApiKey(db.prisma, ws.id, 'WRITE', 'w');
  const auth = `Basic ${Buffer.from(key + ':').toString('base64')}`;
  async function send(name: string, path: string, body: any, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST') {
    try {
      const r = await fetch(`${base}/v1/${path}`, { method, headers: { authorization: auth, ...headers }, body: method === 'GET' || method === 'HEAD' ? undefined : typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) });
      const text = await r.text();
      console.log(name, r.status, text.slice(0, 300));
    } catch (e) { console.log(name, 'FETCH ERROR', e, (e as any).cause); }
  }
  let deep = '0'; for (let i = 0; i < 100000; i++) deep = '[' + deep; deep += ']'.repeat(100000);
  await send('deep100k batch', 'batch', `{"batch":[{"type":"track","userId":"u","event":"e","properties":{"x":${deep}}}]}`);
  await send('deep100k track', 'track', `{"userId":"u","event":"e","properties":{"x":${deep}}}`);
  let deepObj = '0'; for (let i = 0; i < 1000; i++) deepObj = `{"a":${deepObj}}`;
  await send('deep1000', 'track', `{"userId":"u","event":"e","properties":${deepObj}}`);
  await send('nul userId', 'track', { userId: 'a\u0000b', event: 'e' });
  await send('nul anon', 'track', { anonymousId: 'a\u0000b', event: 'e' });
  await send('nul messageId', 'track', { userId: 'u', messageId: 'a\u0000b', event: 'e' });
  await send('nul key', 'track', { userId: 'u', event: 'e', properties: { 'a\u0000': 1 } });
  await send('nul event', 'track', { userId: 'u', event: 'e\u0000' });
  await send('lone surrogate prop', 'track', `{"userId":"u","event":"e","properties":{"x":"\\ud800"}}`);
  await send('lone surrogate key', 'track', `{"userId":"u","event":"e","properties":{"\\udc00":1}}`);
  await send('lone surrogate event', 'track', `{"userId":"u","event":"e\\ud800"}`);
  await send('lone surrogate userId', 'track', `{"userId":"u\\ud800","event":"e"}`);
  await send('lone surrogate trait', 'identify', `{"userId":"u2","traits":{"email":"\\ud800@x"}}`);
  await send('emoji', 'track', { userId: 'ü😀\u200f\u200bمرحبا', event: '😀 Order \u200b', properties: { 'ключ': 'שלום\u202e' } });
  await send('feb30', 'track', { userId: 'u', event: 'e', timestamp: '2026-02-30T00:00:00Z' });
  await send('year0001', 'track', { userId: 'u', event: 'e', timestamp: '0001-01-01T00:00:00Z' });
  await send('ts number', 'track', { userId: 'u', event: 'e', timestamp: 1700000000000 });
  await send('empty batch', 'batch', { batch: [] });
  await send('bad gzip', 'track', Buffer.from('\x1f\x8bnot gzip at all'.repeat(2000)), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  await send('after bad gzip', 'track', { userId: 'u', event: 'after' });
  await send('bomb', 'batch', gzipSync(Buffer.from('{"batch":[' + ' '.repeat(10 * 1024 * 1024) + ']}')), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  await send('after bomb', 'track', { userId: 'u', event: 'after' });
  await send('br', 'track', Buffer.from('abc'.repeat(100000)), { 'content-type': 'application/json', 'content-encoding': 'br' });
  await send('PUT', 'track', 'x'.repeat(1000000), { 'content-type': 'application/json' }, 'PUT');
  await send('GET', 'track', null, {}, 'GET');
  await send('no ct', 'track', Buffer.from('{"userId":"u","event":"e"}'), {});
  await send('big single', 'track', { userId: 'u', event: 'e', properties: { x: 'x'.repeat(400000) } });
  await send('big batch', 'batch', { batch: [{ type: 'track', userId: 'u', event: 'e', properties: { x: 'x'.repeat(600000) } }] });
  await send('IN null', 'batch', { batch: [{ type: 'track', userId: 'u', event: 'e', context: null }], context: { a: 1 } });
  // empty stored blocks gzip
  const json = Buffer.from('{"userId":"u","event":"stored-blocks"}');
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const empty = Buffer.alloc(5 * 200000); for (let i = 0; i < 200000; i++) { empty[i * 5] = 0; empty[i * 5 + 1] = 0; empty[i * 5 + 2] = 0; empty[i * 5 + 3] = 0xff; empty[i * 5 + 4] = 0xff; }
  const last = Buffer.concat([Buffer.from([1, json.length & 0xff, json.length >> 8, ~json.length & 0xff, (~json.length >> 8) & 0xff]), json]);
  const { crc32 } = await import('node:zlib') as any;
  const trailer = Buffer.alloc(8); trailer.writeUInt32LE(crc32 ? crc32(json) >>> 0 : 0, 0); trailer.writeUInt32LE(json.length, 4);
  await send('stored blocks gzip 1MB', 'track', Buffer.concat([header, empty, last, trailer]), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  console.log('counts', await db.prisma.event.count(), await db.prisma.user.count());
  await api.close(); await db.close();
}
main();
