import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
  at: number;
}

/** A real HTTP server that records requests; `respond` decides each answer (200 `{ok:true}` by default). */
export interface WebhookSink {
  url: string;
  received: ReceivedRequest[];
  respond: (request: ReceivedRequest, index: number) => { status: number; body?: unknown };
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookSink(): Promise<WebhookSink> {
  const sink = { received: [] as ReceivedRequest[], respond: (() => ({ status: 200, body: { ok: true } })) as WebhookSink['respond'] };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = body ? JSON.parse(body) : null;
      } catch {}
      const received = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body, json, at: Date.now() };
      sink.received.push(received);
      const answer = sink.respond(received, sink.received.length - 1);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(sink, {
    url: `http://127.0.0.1:${port}`,
    async waitFor(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (sink.received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook calls, got ${sink.received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return sink.received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
