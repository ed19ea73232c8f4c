import type { Pool } from 'pg';
import { nowMs, sleep } from './clock';
import { type TriggerEvent, triggerCall } from './dataset';
import { type Offered, offerBurst, offerPaced } from './offer';
import { type CpuReading, cpuBetween, type ProcessMetrics } from './processMetrics';
import type { SinkHit, WebhookSink } from './webhookSink';

export interface JourneyTarget {
  baseUrl: string;
  writeKey: string;
  journeyId: string;
  sink: WebhookSink;
  pool: Pool;
  metrics: ProcessMetrics;
  postgresDatabase: string;
  log: (message: string) => void;
}

export type OfferMode = { kind: 'paced'; rate: number; tickMs: number } | { kind: 'burst'; batchSize: number; senders: number };

/** A journey run as the database recorded it (epoch ms; null when not set). */
export interface RunRow {
  user: string;
  status: string;
  workflowId: string;
  enteredAt: number;
  workflowStartedAt: number | null;
  endedAt: number | null;
}

export interface JourneyPhaseRaw {
  name: string;
  mode: OfferMode;
  events: TriggerEvent[];
  offered: Offered;
  /** The phase's webhook calls, in arrival order (duplicates included). */
  hits: SinkHit[];
  runs: RunRow[];
  /** Message rows of the phase's runs, by status (SENT, FAILED, UNCONFIRMED, SENDING). */
  messages: Record<string, number>;
  /** Sum of `attempts` over the phase's messages: more than one per message means retried sends. */
  messageAttempts: number;
  inboxLeft: number;
  timedOut: boolean;
  cpu: CpuReading;
  /** Wall time over which `cpu` was measured. */
  cpuWallSeconds: number;
}

async function postBatch(target: JourneyTarget, calls: object[]): Promise<void> {
  const response = await fetch(`${target.baseUrl}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}` },
    body: JSON.stringify({ batch: calls }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /v1/batch answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as { stored: number };
  if (body.stored !== calls.length) throw new Error(`POST /v1/batch stored ${body.stored} of ${calls.length} events: ${text}`);
}

async function runCounts(pool: Pool, journeyId: string): Promise<{ runs: number; active: number; inbox: number }> {
  const { rows } = await pool.query<{ runs: string; active: string; inbox: string }>(
    `SELECT count(*) AS runs, count(*) FILTER (WHERE status = 'ACTIVE') AS active, (SELECT count(*) FROM "JourneyInbox") AS inbox FROM "JourneyRun" WHERE "journeyId" = $1::uuid`,
    [journeyId],
  );
  return { runs: Number(rows[0]!.runs), active: Number(rows[0]!.active), inbox: Number(rows[0]!.inbox) };
}

/**
 * Offers one trigger event per user through POST /v1/batch (paced at a steady rate, or as fast as
 * the API takes them), then waits until every run has ended: all entered, none active, the inbox
 * empty. `runsBefore` is how many runs the journey had before this phase.
 */
export async function journeyPhase(target: JourneyTarget, name: string, events: TriggerEvent[], mode: OfferMode, runsBefore: number, drainTimeoutMs: number): Promise<JourneyPhaseRaw> {
  const { sink, metrics, log } = target;
  const users = new Set(events.map((event) => event.user.userId));
  const hitsBefore = sink.hits.length;
  metrics.enterPhase(`journey ${name}`);
  const cpuStart = metrics.cpuNow(target.postgresDatabase);
  const cpuStartedAt = nowMs();
  const send = (chunk: TriggerEvent[]) => postBatch(target, chunk.map(triggerCall));
  const started = nowMs();
  const progress = setInterval(() => log(`  ${name}: ${sink.hits.length - hitsBefore}/${events.length} webhooks after ${((nowMs() - started) / 1000).toFixed(0)} s`), 10_000);
  let offered: Offered;
  try {
    offered =
      mode.kind === 'paced'
        ? await offerPaced(events, (mode.rate * mode.tickMs) / 1000, mode.tickMs, send)
        : await offerBurst(events, mode.batchSize, mode.senders, send);
    log(`  ${name}: ${events.length} events accepted in ${((Math.max(...offered.acceptedAt) - Math.min(...offered.sentAt)) / 1000).toFixed(1)} s; waiting for the runs to end…`);

    const deadline = nowMs() + drainTimeoutMs;
    let timedOut = false;
    let lastDbCheck = 0;
    for (;;) {
      await sleep(250);
      const received = new Set(sink.hits.slice(hitsBefore).map((hit) => hit.user)).size;
      if (received >= users.size || nowMs() - lastDbCheck > 2_000) {
        lastDbCheck = nowMs();
        const counts = await runCounts(target.pool, target.journeyId);
        if (counts.runs >= runsBefore + events.length && counts.active === 0 && counts.inbox === 0) break;
      }
      if (nowMs() > deadline) {
        timedOut = true;
        log(`  ${name}: not finished ${drainTimeoutMs / 1000} s after the last event; measuring what completed`);
        break;
      }
    }
    // A duplicate send would arrive late (a retried activity): give it a moment before counting.
    await sleep(1_000);
    const cpu = cpuBetween(cpuStart, metrics.cpuNow(target.postgresDatabase));
    const cpuWallSeconds = (nowMs() - cpuStartedAt) / 1000;
    metrics.enterPhase(null);

    const hits = sink.hits.slice(hitsBefore).filter((hit) => users.has(hit.user));
    const { rows } = await target.pool.query<{ user: string; status: string; workflowId: string; enteredAt: string; workflowStartedAt: string | null; endedAt: string | null }>(
      `SELECT u."externalId" AS "user", r.status, r."workflowId",
              extract(epoch FROM r."enteredAt") * 1000 AS "enteredAt",
              extract(epoch FROM r."workflowStartedAt") * 1000 AS "workflowStartedAt",
              extract(epoch FROM r."endedAt") * 1000 AS "endedAt"
         FROM "JourneyRun" r JOIN "User" u ON u.id = r."userId"
        WHERE r."journeyId" = $1::uuid AND u."externalId" = ANY($2::text[])`,
      [target.journeyId, [...users]],
    );
    const runs = rows.map((row) => ({
      user: row.user,
      status: row.status,
      workflowId: row.workflowId,
      enteredAt: Number(row.enteredAt),
      workflowStartedAt: row.workflowStartedAt === null ? null : Number(row.workflowStartedAt),
      endedAt: row.endedAt === null ? null : Number(row.endedAt),
    }));
    const messageRows = await target.pool.query<{ status: string; count: string; attempts: string }>(
      `SELECT m.status, count(*) AS count, sum(m.attempts) AS attempts FROM "Message" m JOIN "JourneyRun" r ON r.id = m."runId" JOIN "User" u ON u.id = r."userId"
        WHERE r."journeyId" = $1::uuid AND u."externalId" = ANY($2::text[]) GROUP BY m.status`,
      [target.journeyId, [...users]],
    );
    const messages = Object.fromEntries(messageRows.rows.map((row) => [row.status, Number(row.count)]));
    const messageAttempts = messageRows.rows.reduce((sum, row) => sum + Number(row.attempts), 0);
    const { inbox } = await runCounts(target.pool, target.journeyId);
    return { name, mode, events, offered, hits, runs, messages, messageAttempts, inboxLeft: inbox, timedOut, cpu, cpuWallSeconds };
  } finally {
    clearInterval(progress);
    metrics.enterPhase(null);
  }
}
