import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { nowMs } from './clock';

/** One webhook call as the journey sent it. */
export interface SinkHit {
  /** Epoch ms (sub-millisecond), when the request body had arrived. */
  at: number;
  /** /pro or /free: the condition split's branch. */
  path: string;
  /** The user's externalId and the trigger event's sequence number, from the body's fields. */
  user: string;
  seq: number;
  /** `journey:<runId>:<node>#<visit>`: one per run and step; a second hit with the same key is a duplicate send. */
  idempotencyKey: string;
}

/**
 * The local HTTP endpoint the journey's webhook steps call. Records when each call arrives and
 * answers 200 at once, so what is measured is the journey, not the endpoint.
 */
export interface WebhookSink {
  url: string;
  hits: SinkHit[];
  /** Requests that could not be read as a webhook of this benchmark. */
  malformed: number;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const hits: SinkHit[] = [];
  let malformed = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = nowMs();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { user: string; seq: string };
        hits.push({ at, path: request.url ?? '', user: body.user, seq: Number(body.seq), idempotencyKey: String(request.headers['idempotency-key'] ?? '') });
      } catch {
        malformed++;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    get malformed() {
      return malformed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
