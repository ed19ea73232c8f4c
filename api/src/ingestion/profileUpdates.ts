import { attributesFromContext, type CapturedAttributes, type IngestMessage, type JsonObject, splitTraits, systemAttributeNames } from '@tideflow/domain';
import type { Transaction } from './ingestionTransaction';

/** Everything a batch says about one user, folded in event-time order. */
export interface ProfileUpdate {
  userId: string;
  captured: CapturedAttributes;
  /** Custom traits to merge (null values remove a trait); null when no identify call touched them. */
  traits: JsonObject | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export function foldProfileUpdates(messages: IngestMessage[], userIdOfMessage: string[]): ProfileUpdate[] {
  const order = messages.map((message, index) => ({ message, userId: userIdOfMessage[index]! })).sort((a, b) => a.message.timestamp.getTime() - b.message.timestamp.getTime());
  const updates = new Map<string, ProfileUpdate>();
  for (const { message, userId } of order) {
    const update = updates.get(userId) ?? { userId, captured: {}, traits: null, firstSeenAt: message.timestamp, lastSeenAt: message.timestamp };
    updates.set(userId, update);
    Object.assign(update.captured, attributesFromContext(message.context));
    if (message.traits) {
      const { system, custom } = splitTraits(message.traits);
      Object.assign(update.captured, system);
      update.traits = { ...(update.traits ?? {}), ...custom };
    }
    if (message.timestamp < update.firstSeenAt) update.firstSeenAt = message.timestamp;
    if (message.timestamp > update.lastSeenAt) update.lastSeenAt = message.timestamp;
  }
  return [...updates.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1));
}

const columns = systemAttributeNames.filter((name) => name !== 'firstSeenAt' && name !== 'lastSeenAt');

/**
 * One UPDATE for the whole batch; rows are locked in id order so concurrent
 * batches cannot deadlock. FOR NO KEY UPDATE (the lock the UPDATE itself takes,
 * as no key column changes) leaves other batches free to insert events that
 * reference these users meanwhile (foreign-key checks take KEY SHARE locks).
 */
export async function applyProfileUpdates(tx: Transaction, updates: ProfileUpdate[]): Promise<void> {
  if (!updates.length) return;
  const payload = JSON.stringify(
    updates.map((update) => ({ id: update.userId, ...update.captured, traits: update.traits, first: update.firstSeenAt.toISOString(), last: update.lastSeenAt.toISOString() })),
  );
  await tx.query(
    `SELECT id FROM "User" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) ORDER BY id FOR NO KEY UPDATE`, [
      JSON.stringify(updates.map((update) => update.userId))
    ]);
  await tx.query(
    `UPDATE "User" u SET
       ${columns.map((c) => `"${c}" = COALESCE(x."${c}", u."${c}")`).join(',\n       ')},
       traits = CASE WHEN x.traits IS NULL THEN u.traits ELSE jsonb_strip_nulls(u.traits || x.traits) END,
       "firstSeenAt" = LEAST(u."firstSeenAt", x.first),
       "lastSeenAt" = GREATEST(u."lastSeenAt", x.last),
       "updatedAt" = now()
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ${columns.map((c) => `"${c}" text`).join(', ')}, traits jsonb, first timestamptz, last timestamptz)
     WHERE u.id = x.id`, [
      payload
    ]);
}
