import { performance } from 'node:perf_hooks';
import type { Dataset } from './dataset';

/** What the baseline needs of a driver: `pg`'s Pool and PGlite both fit. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export interface BaselineResult {
  /** Users then events, first statement to last commit. */
  elapsedMs: number;
  usersMs: number;
  eventsMs: number;
  users: number;
  events: number;
  /** Per event INSERT statement. */
  latenciesMs: number[];
}

/** Runs `work` over `items` with at most `concurrency` in flight; returns each item's latency. */
async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number[]> {
  const latencies = new Array<number>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const started = performance.now();
      await work(items[index]!);
      latencies[index] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return latencies;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The floor under ingestion: the same users and event rows written straight
 * into a fresh workspace with multi-row INSERTs of `batchSize` rows, at the
 * same concurrency as the API's senders. No identity resolution, no profile
 * updates, no catalogs, no HTTP, no validation: only the rows and their indexes.
 */
export async function runBaseline(client: SqlClient, dataset: Dataset, concurrency: number): Promise<BaselineResult> {
  const slug = `bench-baseline-${process.pid}-${Date.now()}`;
  const [workspace] = (await client.query(`INSERT INTO "Workspace" (name, slug) VALUES ('Ingestion benchmark (baseline)', $1) RETURNING id`, [slug])).rows as Array<{ id: string }>;
  const workspaceId = workspace!.id;

  // Each user's first and last event, as the API records them (computed before the clock starts).
  const seen = new Map<string, { first: string; last: string }>();
  for (const event of dataset.events) {
    const entry = seen.get(event.userId);
    if (!entry) seen.set(event.userId, { first: event.timestamp, last: event.timestamp });
    else {
      if (event.timestamp < entry.first) entry.first = event.timestamp;
      if (event.timestamp > entry.last) entry.last = event.timestamp;
    }
  }
  const users = [...seen];
  const rowIdOf = new Map<string, string>();

  const started = performance.now();
  await inParallel(chunks(users, dataset.batchSize), concurrency, async (chunk) => {
    const params: unknown[] = [workspaceId];
    const values = chunk.map(([externalId, { first, last }]) => {
      params.push(externalId, first, last);
      const n = params.length;
      return `($1, $${n - 2}, $${n - 1}, $${n})`;
    });
    const { rows } = await client.query(`INSERT INTO "User" ("workspaceId", "externalId", "firstSeenAt", "lastSeenAt") VALUES ${values.join(', ')} RETURNING id, "externalId"`, params);
    for (const row of rows as Array<{ id: string; externalId: string }>) rowIdOf.set(row.externalId, row.id);
  });
  const usersDone = performance.now();

  const latenciesMs = await inParallel(chunks(dataset.events, dataset.batchSize), concurrency, async (chunk) => {
    const params: unknown[] = [workspaceId, new Date().toISOString()];
    const values = chunk.map((event) => {
      params.push(rowIdOf.get(event.userId), event.event, JSON.stringify(event.properties), JSON.stringify(event.context), event.timestamp, event.messageId);
      const n = params.length;
      return `($1, $${n - 5}, 'TRACK', $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $2, $${n})`;
    });
    await client.query(`INSERT INTO "Event" ("workspaceId", "userId", type, name, properties, context, timestamp, "receivedAt", "messageId") VALUES ${values.join(', ')}`, params);
  });
  const finished = performance.now();

  return { elapsedMs: finished - started, usersMs: usersDone - started, eventsMs: finished - usersDone, users: users.length, events: dataset.events.length, latenciesMs };
}
