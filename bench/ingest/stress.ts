// Concurrency stress: W writers ingest overlapping batches (new users, identify merges, aliases,
// resent messageIds in another order) straight through ingestMessages; then invariants are checked.
// Not a benchmark and not timed: it checks what concurrency must not break. Run from bench/:
//   npx tsx ingest/stress.ts    (STRESS_DB=pglite, STRESS_WRITERS, STRESS_ROUNDS, STRESS_SEED, STRESS_URL)
import { randomUUID } from 'node:crypto';
import { createWorkspace, ingestMessages } from '@tideflow/api';
import { openDatabase } from '@tideflow/db';
import { type IngestMessage, validateSegmentBatch } from '@tideflow/domain';
import { createScratchDatabase } from './scratchDatabase';

const kind = (process.env.STRESS_DB ?? 'postgres') as 'postgres' | 'pglite';
const writers = Number(process.env.STRESS_WRITERS ?? 8);
const rounds = Number(process.env.STRESS_ROUNDS ?? 30);
let seed = Number(process.env.STRESS_SEED ?? 7);
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)]!;

function batch(round: number, writer: number) {
  const calls: Record<string, unknown>[] = [];
  for (let i = 0; i < 40; i++) {
    const user = `u${Math.floor(rand() * 60)}`;
    const anon = `a${Math.floor(rand() * 80)}`;
    const r = rand();
    const messageId = `m${Math.floor(rand() * 3000)}`; // collisions: resends across writers
    if (r < 0.45) calls.push({ type: 'track', userId: user, event: pick(['A', 'B', 'C']), messageId });
    else if (r < 0.6) calls.push({ type: 'track', anonymousId: anon, event: 'Anon', messageId });
    else if (r < 0.8) calls.push({ type: 'identify', userId: user, anonymousId: anon, traits: { plan: pick(['free', 'pro']), email: `${user}@x.co` }, messageId });
    else if (r < 0.9) calls.push({ type: 'alias', previousId: pick([anon, `u${Math.floor(rand() * 60)}`]), userId: user, messageId });
    else calls.push({ type: 'page', userId: user, anonymousId: anon, name: 'Home', messageId });
  }
  return { batch: calls.sort(() => rand() - 0.5), round, writer };
}

async function main() {
  const scratch = await createScratchDatabase(kind, process.env.STRESS_URL ?? 'postgres://postgres:postgres@localhost:5432/postgres', 'stress');
  const db = await openDatabase(scratch.config);
  try {
    const ws = await createWorkspace(db.prisma, { name: 'stress', slug: `stress-${randomUUID().slice(0, 8)}` });
    const sent = new Set<string>();
    let errors = 0;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let round = 0; round < rounds; round++) {
          const body = batch(round, writer);
          const v = validateSegmentBatch(body, { receivedAt: new Date(), newMessageId: randomUUID });
          if (!v.ok) throw new Error(JSON.stringify(v.problems[0]));
          v.messages.forEach((m: IngestMessage) => sent.add(m.messageId));
          await ingestMessages(db.sql, ws.id, v.messages).catch((error) => {
            errors++;
            console.error('batch failed:', error.message);
          });
        }
      }),
    );
    // One row of counts; $ws is the stress workspace.
    const q = async (sql: string) => (await db.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql.replaceAll('$ws', `'${ws.id}'::uuid`)))[0]!;
    const checks = {
      events: await q(`SELECT count(*)::int AS n, count(DISTINCT "messageId")::int AS distinct_ids FROM "Event" WHERE "workspaceId" = $ws`),
      orphanEvents: await q(`SELECT count(*)::int AS n FROM "Event" e WHERE "workspaceId" = $ws AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."userId")`),
      orphanIdentities: await q(`SELECT count(*)::int AS n FROM "UserIdentity" i WHERE "workspaceId" = $ws AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = i."userId")`),
      identityAlsoExternal: await q(`SELECT count(*)::int AS n FROM "UserIdentity" i JOIN "User" u ON u."workspaceId" = i."workspaceId" AND u."externalId" = i.value WHERE i."workspaceId" = $ws AND i.kind = 'ALIAS' AND u.id <> i."userId"`),
      catalog: await q(`SELECT (SELECT coalesce(sum(count), 0)::int FROM "EventDefinition" WHERE "workspaceId" = $ws) AS counted, (SELECT count(*)::int FROM "Event" WHERE "workspaceId" = $ws) AS stored`),
    };
    console.log(JSON.stringify({ kind, writers, rounds, sentMessageIds: sent.size, errors, checks }));
    const ok = errors === 0 && checks.events.n === sent.size && checks.events.distinct_ids === sent.size && checks.orphanEvents.n === 0 && checks.orphanIdentities.n === 0 && checks.identityAlsoExternal.n === 0 && checks.catalog.counted === checks.catalog.stored;
    console.log(ok ? 'STRESS OK' : 'STRESS FAILED');
    if (!ok) process.exitCode = 1;
  } finally {
    await db.close();
    await scratch.drop();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
