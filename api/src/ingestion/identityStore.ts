import { type IdentifiedUser, type IdentityMessage, type IdentityOperation, type IdentityPlan, type IdentitySnapshot, identifiersOf, planIdentityResolution, systemAttributeNames } from '@tideflow/domain';
import type { Transaction } from './ingestionTransaction';
import { SqlParams, type StatementPart, statementOf, workspaceOfLookup } from './sqlParams';

const emptySnapshot = (): IdentitySnapshot => ({ byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() });

/** Advisory-lock key of each identifier `identifiersOf` looks up (a previousId is both kinds). */
function identifierKeys(messages: IdentityMessage[]): string[] {
  const { userIds, anonymousIds } = identifiersOf(messages);
  return [...userIds.map((id) => `u:${id}`), ...anonymousIds.map((id) => `a:${id}`)];
}

/** The same keys for one message. */
export function identifierKeysOf(message: IdentityMessage): string[] {
  return identifierKeys([message]);
}

/** The plan a batch would have on `draft` (new users get placeholder ids): what decides its locks before anything is read. */
export function draftPlanOf(messages: IdentityMessage[], draft: IdentitySnapshot): IdentityPlan {
  let draftIds = 0;
  return planIdentityResolution(messages, draft, () => `draft-${++draftIds}`);
}

/**
 * The keys a batch must lock exclusively: identifiers the snapshot does not
 * know (the plan may create or attach them), and identifiers of users the plan
 * renames or merges (either side). Every other key only has to keep meaning
 * the same user until commit: a shared lock, which concurrent batches about
 * the same known users hold at the same time. Attaching a new identifier to a
 * known user (a returning customer's new device) changes what none of the
 * user's other identifiers mean: the new one, unknown, is exclusive; the
 * user's stay shared, so a heavy user's batches do not queue behind it.
 */
export function exclusiveIdentifierKeys(messages: IdentityMessage[], snapshot: IdentitySnapshot, operations: IdentityOperation[]): Set<string> {
  const changed = new Set<string>();
  for (const op of operations) {
    if (op.kind === 'merge') changed.add(op.fromUserId).add(op.intoUserId);
    else if (op.kind === 'setExternalId') changed.add(op.userId);
  }
  const exclusive = new Set<string>();
  for (const key of identifierKeys(messages)) {
    const id = key.slice(2);
    const owner = key.startsWith('u:') ? (snapshot.byExternalId.get(id) ?? snapshot.byAlias.get(id)) : snapshot.byAnonymousId.get(id);
    if (!owner || changed.has(owner.id)) exclusive.add(key);
  }
  return exclusive;
}

/**
 * Serialises concurrent requests that touch the same ids (two batches creating
 * the same new user, say) without blocking requests about other users:
 * transaction-scoped advisory locks on each identifier, taken in one sorted pass,
 * exclusive for the keys in `exclusive` (all of them with 'all') and shared for the rest.
 */
export async function lockIdentifiers(tx: Transaction, workspaceId: string, messages: IdentityMessage[], exclusive: Set<string> | 'all' = 'all'): Promise<void> {
  const keys = identifierKeys(messages);
  if (!keys.length) return;
  await tx.query(
    `SELECT CASE WHEN k.x THEN pg_advisory_xact_lock(k.h) ELSE pg_advisory_xact_lock_shared(k.h) END
       FROM (SELECT hashtextextended($1 || k.key, 0) AS h, bool_or(k.x) AS x FROM jsonb_to_recordset($2::jsonb) AS k(key text, x boolean) GROUP BY 1) k
      ORDER BY k.h`,
    [workspaceId, JSON.stringify(keys.map((key) => ({ key, x: exclusive === 'all' || exclusive.has(key) })))],
  );
}

/** Thrown when, once locked, a batch turns out to need an exclusive lock it holds shared (a concurrent change got in first). */
export class IdentityLocksTooWeak extends Error {
  constructor() {
    super('The identifiers of the batch changed before they were locked; retry with exclusive locks');
  }
}

/**
 * Locks the batch's identifiers and plans its identity resolution on what the
 * database holds once they are locked (`locked`, returned with the plan).
 * Optimistically (`lockAllExclusively` false) the plan is first drafted on
 * `draft` (what the process last saw committed, see `KnownIdentities`) to tell
 * which keys need exclusive locks; if the locked read disagrees,
 * `IdentityLocksTooWeak` is thrown and the caller retries the transaction with
 * every key exclusive. A draft that knows every identifier and changes
 * nothing (a stream of known users: most batches) is used as it is, without
 * locks or the read; the caller forgets it if the batch then fails a user
 * foreign key.
 */
export async function lockAndPlanIdentities(
  tx: Transaction,
  workspaceId: string,
  messages: IdentityMessage[],
  newId: () => string,
  lockAllExclusively: boolean,
  draft: IdentitySnapshot = emptySnapshot(),
): Promise<{ plan: IdentityPlan; locked: IdentitySnapshot }> {
  if (!messages.length) return { plan: planIdentityResolution(messages, emptySnapshot(), newId), locked: emptySnapshot() };
  let exclusive: Set<string> | 'all' = 'all';
  if (!lockAllExclusively) {
    const draftPlan = draftPlanOf(messages, draft);
    exclusive = exclusiveIdentifierKeys(messages, draft, draftPlan.operations);
    if (!exclusive.size && !draftPlan.operations.length) {
      // Every identifier known and nothing to change: no identifier lock either. Shared locks would only
      // keep these users from being merged away until commit, and row locks already do: an event's
      // foreign-key check holds its user's row against the merge's FOR UPDATE (see mergeUsers), so the
      // merge either waits and moves the batch's events, or went first and the insert fails its foreign
      // key, which retries the batch on what the database holds (ingestMessages forgets the draft).
      return { plan: draftPlan, locked: draft };
    }
  }
  await lockIdentifiers(tx, workspaceId, messages, exclusive);
  const locked = await loadIdentitySnapshot(tx, workspaceId, messages);
  const plan = planIdentityResolution(messages, locked, newId);
  if (exclusive !== 'all') {
    for (const key of exclusiveIdentifierKeys(messages, locked, plan.operations)) if (!exclusive.has(key)) throw new IdentityLocksTooWeak();
  }
  return { plan, locked };
}

type IdentityRow = { source: 'external' | 'ALIAS' | 'ANONYMOUS'; value: string; id: string; externalId: string | null };

/**
 * The query of the users every id of the batch already belongs to, as
 * `IdentityRow`s. Each id is one probe of a unique index (LATERAL … LIMIT 1
 * keeps the planner from scanning the workspace's users instead, whatever its
 * statistics say). A userId found as an externalId is not also probed as an
 * alias: resolution reads an alias only for ids no user has as externalId
 * (`planIdentityResolution`), so that probe could only find rows it ignores.
 * Null when the messages name no id.
 */
function identitySnapshotQuery(params: SqlParams, workspace: string, messages: IdentityMessage[]): string | null {
  const { userIds, anonymousIds } = identifiersOf(messages);
  if (!userIds.length && !anonymousIds.length) return null;
  const parts: string[] = [];
  if (userIds.length) {
    parts.push(`SELECT CASE WHEN e.id IS NULL THEN 'ALIAS' ELSE 'external' END AS source, k.value, COALESCE(e.id, a.id)::text AS id, COALESCE(e."externalId", a."externalId") AS "externalId"
            FROM jsonb_array_elements_text(${params.add(JSON.stringify(userIds))}::jsonb) AS k(value)
            LEFT JOIN LATERAL (SELECT id, "externalId" FROM "User" WHERE "workspaceId" = ${workspace} AND "externalId" = k.value LIMIT 1) e ON true
            LEFT JOIN LATERAL (SELECT "userId" FROM "UserIdentity" WHERE e.id IS NULL AND "workspaceId" = ${workspace} AND kind = 'ALIAS' AND value = k.value LIMIT 1) i ON true
            LEFT JOIN LATERAL (SELECT id, "externalId" FROM "User" WHERE id = i."userId" LIMIT 1) a ON true
           WHERE e.id IS NOT NULL OR a.id IS NOT NULL`);
  }
  if (anonymousIds.length) {
    parts.push(`SELECT 'ANONYMOUS' AS source, k.value AS value, u.id::text AS id, u."externalId" AS "externalId"
            FROM jsonb_array_elements_text(${params.add(JSON.stringify(anonymousIds))}::jsonb) AS k(value)
            CROSS JOIN LATERAL (SELECT "userId" FROM "UserIdentity" WHERE "workspaceId" = ${workspace} AND kind = 'ANONYMOUS' AND value = k.value LIMIT 1) i
            CROSS JOIN LATERAL (SELECT id, "externalId" FROM "User" WHERE id = i."userId" LIMIT 1) u`);
  }
  return parts.join('\n          UNION ALL\n          ');
}

function identitySnapshotOf(rows: IdentityRow[]): IdentitySnapshot {
  const snapshot = emptySnapshot();
  const users = new Map<string, IdentifiedUser>();
  for (const row of rows) {
    const user = users.get(row.id) ?? { id: row.id, externalId: row.externalId };
    users.set(row.id, user);
    const map = row.source === 'external' ? snapshot.byExternalId : row.source === 'ALIAS' ? snapshot.byAlias : snapshot.byAnonymousId;
    map.set(row.value, user);
  }
  return snapshot;
}

/** Looks up the users every id of the batch already belongs to. */
export async function loadIdentitySnapshot(tx: Transaction, workspaceId: string, messages: IdentityMessage[]): Promise<IdentitySnapshot> {
  const params = new SqlParams();
  const query = identitySnapshotQuery(params, workspaceOfLookup(params, workspaceId), messages);
  if (!query) return emptySnapshot();
  return identitySnapshotOf((await tx.query<IdentityRow>(query, params.values)).rows);
}

/** When each user first appears in the messages: a new profile's first and last seen until its profile update. */
function firstSeenAtOf(messages: IdentityMessageWithTime[], userIdOfMessage: string[]): Map<string, Date> {
  const firstSeenAt = new Map<string, Date>();
  messages.forEach((message, index) => {
    const userId = userIdOfMessage[index]!;
    const seen = firstSeenAt.get(userId);
    if (!seen || message.timestamp < seen) firstSeenAt.set(userId, message.timestamp);
  });
  return firstSeenAt;
}

type IdentityMessageWithTime = IdentityMessage & { timestamp: Date };

/**
 * Carries out the identity plan of `messages`: new users and identities in
 * bulk (one statement: the identities' foreign keys are checked at its end,
 * once the users exist), then renames and merges in order.
 */
export async function applyIdentityOperations(tx: Transaction, workspaceId: string, plan: IdentityPlan, messages: IdentityMessageWithTime[]): Promise<void> {
  const { operations } = plan;
  const created = operations.filter((op) => op.kind === 'createUser');
  const identities = operations.filter((op) => op.kind === 'addIdentity');
  const params = new SqlParams();
  const workspace = `${params.add(workspaceId)}::uuid`;
  const inserts: StatementPart[] = [];
  if (created.length) {
    const firstSeenAt = firstSeenAtOf(messages, plan.userIdOfMessage);
    const users = created.map((op) => ({ id: op.userId, externalId: op.externalId, seen: (firstSeenAt.get(op.userId) ?? new Date()).toISOString() }));
    inserts.push({
      name: 'new_users',
      writes: true,
      sql: `INSERT INTO "User" (id, "workspaceId", "externalId", "firstSeenAt", "lastSeenAt")
            SELECT x.id, ${workspace}, x."externalId", x.seen, x.seen
              FROM jsonb_to_recordset(${params.add(JSON.stringify(users))}::jsonb) AS x(id uuid, "externalId" text, seen timestamptz)
            RETURNING 1`,
    });
  }
  if (identities.length) {
    const rows = identities.map((op) => ({ userId: op.userId, kind: op.identityKind, value: op.value }));
    inserts.push({
      name: 'new_identities',
      writes: true,
      sql: `INSERT INTO "UserIdentity" ("workspaceId", "userId", kind, value)
            SELECT ${workspace}, x."userId", x.kind::"IdentityKind", x.value FROM jsonb_to_recordset(${params.add(JSON.stringify(rows))}::jsonb) AS x("userId" uuid, kind text, value text)
            ON CONFLICT ("workspaceId", kind, value) DO NOTHING
            RETURNING 1`,
    });
  }
  if (inserts.length) await tx.query(statementOf(inserts), params.values);
  for (const op of operations) {
    if (op.kind === 'setExternalId') {
      await tx.query(`UPDATE "User" SET "externalId" = $2, "updatedAt" = now() WHERE id = $1::uuid`, [op.userId, op.externalId]);
    } else if (op.kind === 'merge') {
      await mergeUsers(tx, workspaceId, op.fromUserId, op.intoUserId, op.fromExternalId);
    }
  }
}

const systemColumns = systemAttributeNames.filter((name) => name !== 'firstSeenAt' && name !== 'lastSeenAt');

/**
 * Folds one profile into another: events and identities move, traits merge
 * with the surviving user's values winning, the former userId stays resolvable
 * as an alias, journey runs and messages move along, and the folded profile is deleted.
 */
export async function mergeUsers(tx: Transaction, workspaceId: string, fromUserId: string, intoUserId: string, fromExternalId: string | null): Promise<void> {
  // The folded profile is locked before its events move: a concurrent batch can reach it through an
  // identifier this batch does not lock (another of its anonymousIds). If that batch stored events for
  // it first, this waits and then moves them too (instead of the DELETE cascading to them); otherwise
  // that batch finds the profile gone and retries (see ingestionTransaction).
  await tx.query(`SELECT 1 FROM "User" WHERE id = $1::uuid FOR UPDATE`, [fromUserId]);
  // The workspace as a subquery: see workspaceOfLookup (this must use the ("workspaceId", "userId", …) index).
  await tx.query(`UPDATE "Event" SET "userId" = $2::uuid WHERE "workspaceId" = (SELECT $3::uuid) AND "userId" = $1::uuid`, [fromUserId, intoUserId, workspaceId]);
  await tx.query(`UPDATE "UserIdentity" SET "userId" = $2::uuid WHERE "userId" = $1::uuid`, [fromUserId, intoUserId]);
  if (fromExternalId) {
    await tx.query(
      `INSERT INTO "UserIdentity" ("workspaceId", "userId", kind, value) VALUES ($1::uuid, $2::uuid, 'ALIAS', $3) ON CONFLICT ("workspaceId", kind, value) DO UPDATE SET "userId" = excluded."userId"`,
      [workspaceId, intoUserId, fromExternalId],
    );
  }
  await tx.query(
    `UPDATE "User" u SET
       traits = f.traits || u.traits,
       ${systemColumns.map((c) => `"${c}" = COALESCE(u."${c}", f."${c}")`).join(',\n       ')},
       "firstSeenAt" = LEAST(u."firstSeenAt", f."firstSeenAt"),
       "lastSeenAt" = GREATEST(u."lastSeenAt", f."lastSeenAt"),
       "createdAt" = LEAST(u."createdAt", f."createdAt"),
       "updatedAt" = now()
     FROM "User" f WHERE u.id = $2::uuid AND f.id = $1::uuid`,
    [fromUserId, intoUserId],
  );
  // Journeys and messages follow the person; merged runs are numbered after the surviving user's own.
  await tx.query(
    `UPDATE "JourneyRun" r SET "userId" = $2::uuid,
       "entryNumber" = r."entryNumber" + COALESCE((SELECT max(k."entryNumber") FROM "JourneyRun" k WHERE k."journeyId" = r."journeyId" AND k."userId" = $2::uuid), 0)
     WHERE r."userId" = $1::uuid`,
    [fromUserId, intoUserId],
  );
  await tx.query(`UPDATE "Message" SET "userId" = $2::uuid WHERE "userId" = $1::uuid`, [fromUserId, intoUserId]);
  await tx.query(`DELETE FROM "User" WHERE id = $1::uuid`, [fromUserId]);
}
