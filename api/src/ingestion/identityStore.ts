import { type IdentifiedUser, type IdentityMessage, type IdentityOperation, type IdentitySnapshot, identifiersOf, systemAttributeNames } from '@tideflow/domain';
import type { Transaction } from './ingestionTransaction';

/**
 * Serialises concurrent requests that touch the same ids (two batches creating
 * the same new user, say) without blocking requests about other users:
 * transaction-scoped advisory locks on each identifier, taken in one sorted pass.
 */
export async function lockIdentifiers(tx: Transaction, workspaceId: string, messages: IdentityMessage[]): Promise<void> {
  const { userIds, anonymousIds } = identifiersOf(messages);
  const keys = [...userIds.map((id) => `u:${id}`), ...anonymousIds.map((id) => `a:${id}`)];
  if (!keys.length) return;
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(k.h) FROM (SELECT DISTINCT hashtextextended($1 || k, 0) AS h FROM jsonb_array_elements_text($2::jsonb) AS k) k ORDER BY k.h`,
    workspaceId,
    JSON.stringify(keys),
  );
}

/** Looks up the users every id of the batch already belongs to. */
export async function loadIdentitySnapshot(tx: Transaction, workspaceId: string, messages: IdentityMessage[]): Promise<IdentitySnapshot> {
  const { userIds, anonymousIds } = identifiersOf(messages);
  const snapshot: IdentitySnapshot = { byExternalId: new Map(), byAlias: new Map(), byAnonymousId: new Map() };
  if (!userIds.length && !anonymousIds.length) return snapshot;
  const rows = await tx.$queryRawUnsafe<Array<{ source: 'external' | 'ALIAS' | 'ANONYMOUS'; value: string; id: string; externalId: string | null }>>(
    `SELECT 'external' AS source, u."externalId" AS value, u.id::text AS id, u."externalId" AS "externalId"
       FROM "User" u
      WHERE u."workspaceId" = $1::uuid AND u."externalId" IN (SELECT jsonb_array_elements_text($2::jsonb))
     UNION ALL
     SELECT i.kind::text, i.value, u.id::text, u."externalId"
       FROM "UserIdentity" i JOIN "User" u ON u.id = i."userId"
      WHERE i."workspaceId" = $1::uuid
        AND ((i.kind = 'ALIAS' AND i.value IN (SELECT jsonb_array_elements_text($2::jsonb)))
          OR (i.kind = 'ANONYMOUS' AND i.value IN (SELECT jsonb_array_elements_text($3::jsonb))))`,
    workspaceId,
    JSON.stringify(userIds),
    JSON.stringify(anonymousIds),
  );
  const users = new Map<string, IdentifiedUser>();
  for (const row of rows) {
    const user = users.get(row.id) ?? { id: row.id, externalId: row.externalId };
    users.set(row.id, user);
    const map = row.source === 'external' ? snapshot.byExternalId : row.source === 'ALIAS' ? snapshot.byAlias : snapshot.byAnonymousId;
    map.set(row.value, user);
  }
  return snapshot;
}

/** Carries out an identity plan: new users and identities in bulk, then renames and merges in order. */
export async function applyIdentityOperations(tx: Transaction, workspaceId: string, operations: IdentityOperation[], firstSeenAt: Map<string, Date>): Promise<void> {
  const created = operations.filter((op) => op.kind === 'createUser');
  if (created.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "User" (id, "workspaceId", "externalId", "firstSeenAt", "lastSeenAt")
       SELECT x.id, $1::uuid, x."externalId", x.seen, x.seen
         FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, "externalId" text, seen timestamptz)`,
      workspaceId,
      JSON.stringify(created.map((op) => ({ id: op.userId, externalId: op.externalId, seen: (firstSeenAt.get(op.userId) ?? new Date()).toISOString() }))),
    );
  }
  const identities = operations.filter((op) => op.kind === 'addIdentity');
  if (identities.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "UserIdentity" ("workspaceId", "userId", kind, value)
       SELECT $1::uuid, x."userId", x.kind::"IdentityKind", x.value FROM jsonb_to_recordset($2::jsonb) AS x("userId" uuid, kind text, value text)
       ON CONFLICT ("workspaceId", kind, value) DO NOTHING`,
      workspaceId,
      JSON.stringify(identities.map((op) => ({ userId: op.userId, kind: op.identityKind, value: op.value }))),
    );
  }
  for (const op of operations) {
    if (op.kind === 'setExternalId') {
      await tx.$executeRawUnsafe(`UPDATE "User" SET "externalId" = $2, "updatedAt" = now() WHERE id = $1::uuid`, op.userId, op.externalId);
    } else if (op.kind === 'merge') {
      await mergeUsers(tx, workspaceId, op.fromUserId, op.intoUserId, op.fromExternalId);
    }
  }
}

const systemColumns = systemAttributeNames.filter((name) => name !== 'firstSeenAt' && name !== 'lastSeenAt');

/**
 * Folds one profile into another: events and identities move, traits merge
 * with the surviving user's values winning, the former userId stays resolvable
 * as an alias, and the folded profile is deleted.
 */
export async function mergeUsers(tx: Transaction, workspaceId: string, fromUserId: string, intoUserId: string, fromExternalId: string | null): Promise<void> {
  await tx.$executeRawUnsafe(`UPDATE "Event" SET "userId" = $2::uuid WHERE "workspaceId" = $3::uuid AND "userId" = $1::uuid`, fromUserId, intoUserId, workspaceId);
  await tx.$executeRawUnsafe(`UPDATE "UserIdentity" SET "userId" = $2::uuid WHERE "userId" = $1::uuid`, fromUserId, intoUserId);
  if (fromExternalId) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "UserIdentity" ("workspaceId", "userId", kind, value) VALUES ($1::uuid, $2::uuid, 'ALIAS', $3) ON CONFLICT ("workspaceId", kind, value) DO UPDATE SET "userId" = excluded."userId"`,
      workspaceId,
      intoUserId,
      fromExternalId,
    );
  }
  await tx.$executeRawUnsafe(
    `UPDATE "User" u SET
       traits = f.traits || u.traits,
       ${systemColumns.map((c) => `"${c}" = COALESCE(u."${c}", f."${c}")`).join(',\n       ')},
       "firstSeenAt" = LEAST(u."firstSeenAt", f."firstSeenAt"),
       "lastSeenAt" = GREATEST(u."lastSeenAt", f."lastSeenAt"),
       "createdAt" = LEAST(u."createdAt", f."createdAt"),
       "updatedAt" = now()
     FROM "User" f WHERE u.id = $2::uuid AND f.id = $1::uuid`,
    fromUserId,
    intoUserId,
  );
  await tx.$executeRawUnsafe(`DELETE FROM "User" WHERE id = $1::uuid`, fromUserId);
}
