import { attributesFromContext, type CapturedAttributes, type IngestMessage, type JsonObject, pushTokenFromContext, splitTraits, systemAttributeNames, systemEventNames } from '@tideflow/domain';
import type { StoredEvent } from './eventStore';
import type { SqlParams, StatementPart } from './sqlParams';

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
  const order = messages.map((message, index) => ({ message, userId: userIdOfMessage[index]!, time: message.timestamp.getTime() })).sort((a, b) => a.time - b.time);
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
    const pushToken = pushTokenFromContext(message.context);
    if (pushToken !== undefined && !(message.traits && 'pushToken' in message.traits)) update.traits = { ...(update.traits ?? {}), pushToken };
    if (message.timestamp < update.firstSeenAt) update.firstSeenAt = message.timestamp;
    if (message.timestamp > update.lastSeenAt) update.lastSeenAt = message.timestamp;
  }
  return [...updates.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1));
}

const columns = systemAttributeNames.filter((name) => name !== 'firstSeenAt' && name !== 'lastSeenAt');

/** What each column of a profile becomes: `u` is the stored row, `x` the batch's update. */
const assignments: Array<[column: string, value: string]> = [
  ...columns.map((c): [string, string] => [c, `COALESCE(x."${c}", u."${c}")`]),
  ['traits', `CASE WHEN x.traits IS NULL THEN u.traits ELSE jsonb_strip_nulls(u.traits || x.traits) END`],
  ['firstSeenAt', `LEAST(u."firstSeenAt", x.first)`],
  ['lastSeenAt', `GREATEST(u."lastSeenAt", x.last)`],
];

/**
 * Whether the update changes the row. Traits compare as text, so even a
 * number re-sent as 1.0 instead of 1 is stored as sent.
 */
const changeOf = ([column, value]: [string, string]) => (column === 'traits' ? `(x.traits IS NOT NULL AND (${value})::text <> u.traits::text)` : `${value} IS DISTINCT FROM u."${column}"`);
const changesRow = assignments.map(changeOf).join('\n              OR ');

/** Whether the update changes what segments read of a profile: every attribute but the seen-at range (left to the sweep). */
const changesAttributes = assignments
  .filter(([column]) => column !== 'firstSeenAt' && column !== 'lastSeenAt')
  .map(changeOf)
  .join('\n              OR ');

/**
 * One UPDATE for the whole batch, as parts of a statement (see `completeBatch`):
 * the rows it would change are locked first, in id order, so concurrent
 * batches cannot deadlock; a profile the batch leaves as it is (a known user
 * whose attributes and seen-at range already cover the batch) is not written
 * at all: no lock, no new row version. FOR NO KEY UPDATE (the lock the UPDATE
 * itself takes, as no key column changes) leaves other batches free to insert
 * events that reference these users meanwhile (foreign-key checks take KEY SHARE).
 * The last part, `profiles`, returns one row per profile written; `changed_profiles`
 * says which of them changed an attribute (see `segmentProfileQueuePart`).
 */
export function profileUpdateParts(params: SqlParams, updates: ProfileUpdate[]): StatementPart[] {
  if (!updates.length) return [];
  const payload = JSON.stringify(
    updates.map((update) => ({ id: update.userId, ...update.captured, traits: update.traits, first: update.firstSeenAt.toISOString(), last: update.lastSeenAt.toISOString() })),
  );
  return [
    {
      name: 'profile_changes',
      sql: `SELECT * FROM jsonb_to_recordset(${params.add(payload)}::jsonb) AS x(id uuid, ${columns.map((c) => `"${c}" text`).join(', ')}, traits jsonb, first timestamptz, last timestamptz)`,
    },
    {
      name: 'changed_profiles',
      sql: `SELECT u.id, (${changesAttributes}) AS attributes_changed FROM "User" u JOIN profile_changes x ON x.id = u.id
        WHERE ${changesRow}
        ORDER BY u.id FOR NO KEY UPDATE OF u`,
    },
    {
      name: 'profiles',
      writes: true,
      sql: `UPDATE "User" u SET
         ${assignments.map(([column, value]) => `"${column}" = ${value}`).join(',\n         ')},
         "updatedAt" = now()
        FROM profile_changes x
       WHERE u.id = x.id AND u.id IN (SELECT id FROM changed_profiles)
       RETURNING 1`,
    },
  ];
}

/**
 * A track, page or screen call can change a profile as an identify does (a new
 * browser or app version from its context, a first-seen country, a push token):
 * the user's last event of the batch is queued for the segment processor marked
 * `profileChanged`, so profile-based live segments are re-checked for them.
 * Only when a live segment reads profiles (it then depends on identify calls),
 * and only for users whose attributes changed (most batches of known users: none).
 * Follows `profileUpdateParts` in the same statement (it reads `changed_profiles`).
 */
export function segmentProfileQueuePart(params: SqlParams, workspace: string, events: StoredEvent[]): StatementPart | null {
  if (!events.length) return null;
  const lastOfUser = new Map<string, StoredEvent>();
  for (const event of events) {
    const last = lastOfUser.get(event.userId);
    if (!last || event.timestamp >= last.timestamp) lastOfUser.set(event.userId, event);
  }
  const payload = JSON.stringify([...lastOfUser.values()].map((event) => ({ userId: event.userId, eventId: event.id })));
  return {
    name: 'segment_profile_queue',
    writes: true,
    sql: `INSERT INTO "SegmentInbox" ("workspaceId", "eventId", "profileChanged")
      SELECT ${workspace}, e."eventId", true
        FROM changed_profiles c JOIN jsonb_to_recordset(${params.add(payload)}::jsonb) AS e("userId" uuid, "eventId" uuid) ON e."userId" = c.id
       WHERE c.attributes_changed
         AND EXISTS (SELECT 1 FROM "SegmentEventInterest" i WHERE i."workspaceId" = ${workspace} AND i."eventName" = ${params.add(systemEventNames.identify)})
       ORDER BY e."eventId"
      ON CONFLICT ("eventId") DO UPDATE SET "profileChanged" = true
      RETURNING 1`,
  };
}
