import type { SqlDriver, SqlQueryable } from '@tideflow/db';
import { recordSystemEvents } from '../events/systemEvents';
import { queueForJourneys } from '../journeys/journeyInbox';
import { queueForSegments } from './segmentInbox';

/** Membership changes are recorded as system events, so they show in timelines and can start journeys. */
export const segmentEventNames = { entered: 'Segment Entered', exited: 'Segment Exited' } as const;

export interface SegmentRef {
  id: string;
  name: string;
  workspaceId: string;
}

export interface MembershipOutcome {
  entered: string[];
  exited: string[];
}

const chunkSize = 5_000;

/**
 * Moves users into and out of a segment: current members, the history of
 * stays, `Segment Entered` / `Segment Exited` events (queued for journeys in
 * the same transaction) and the segment's size. Users already in (or out) are
 * skipped, so applying the same change twice changes nothing.
 */
export async function applyMembershipChanges(
  sql: SqlDriver,
  segment: SegmentRef,
  changes: { enter: readonly string[]; exit: readonly string[] },
  at = new Date(),
  options: { queueReferring?: boolean } = {},
): Promise<MembershipOutcome> {
  const queueReferring = options.queueReferring ?? true;
  const outcome: MembershipOutcome = { entered: [], exited: [] };
  for (let start = 0; start < Math.max(changes.enter.length, changes.exit.length); start += chunkSize) {
    const enter = changes.enter.slice(start, start + chunkSize);
    const exit = changes.exit.slice(start, start + chunkSize);
    const part = await sql.transaction((tx) => applyChunk(tx, segment, enter, exit, at, queueReferring));
    outcome.entered.push(...part.entered);
    outcome.exited.push(...part.exited);
  }
  return outcome;
}

async function applyChunk(tx: SqlQueryable, segment: SegmentRef, enter: readonly string[], exit: readonly string[], at: Date, queueReferring: boolean): Promise<MembershipOutcome> {
  const ids = (list: readonly string[]) => JSON.stringify(list);
  const entered = enter.length
    ? (
        await tx.query<{ userId: string }>(
          `INSERT INTO "SegmentMember" ("segmentId", "userId", "workspaceId", "enteredAt")
           SELECT $1::uuid, u.id, $2::uuid, $3::timestamptz FROM "User" u
            WHERE u.id IN (SELECT value::uuid FROM jsonb_array_elements_text($4::jsonb)) AND u."workspaceId" = $2::uuid
           ORDER BY u.id
           ON CONFLICT DO NOTHING RETURNING "userId"`,
          [segment.id, segment.workspaceId, at.toISOString(), ids(enter)],
        )
      ).rows.map((row) => row.userId)
    : [];
  const exited = exit.length
    ? (
        await tx.query<{ userId: string }>(
          `DELETE FROM "SegmentMember" WHERE "segmentId" = $1::uuid AND "userId" IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb)) RETURNING "userId"`,
          [segment.id, ids(exit)],
        )
      ).rows.map((row) => row.userId)
    : [];
  if (!entered.length && !exited.length) return { entered, exited };

  if (entered.length) {
    await tx.query(
      `INSERT INTO "SegmentMembershipPeriod" ("segmentId", "userId", "workspaceId", "enteredAt")
       SELECT $1::uuid, value::uuid, $2::uuid, $3::timestamptz FROM jsonb_array_elements_text($4::jsonb)`,
      [segment.id, segment.workspaceId, at.toISOString(), ids(entered)],
    );
  }
  if (exited.length) {
    await tx.query(
      `UPDATE "SegmentMembershipPeriod" SET "exitedAt" = $2::timestamptz
        WHERE "segmentId" = $1::uuid AND "exitedAt" IS NULL AND "userId" IN (SELECT value::uuid FROM jsonb_array_elements_text($3::jsonb))`,
      [segment.id, at.toISOString(), ids(exited)],
    );
  }
  await tx.query(`UPDATE "Segment" SET size = GREATEST(size + $2::int, 0), "updatedAt" = now() WHERE id = $1::uuid`, [segment.id, entered.length - exited.length]);

  const properties = { segmentId: segment.id, segmentName: segment.name };
  const events = [
    ...entered.map((userId) => ({ userId, name: segmentEventNames.entered, properties, messageId: `segment:${segment.id}:${userId}:in:${at.getTime()}` })),
    ...exited.map((userId) => ({ userId, name: segmentEventNames.exited, properties, messageId: `segment:${segment.id}:${userId}:out:${at.getTime()}` })),
  ];
  const stored = await recordSystemEvents(tx, segment.workspaceId, 'TRACK', events, at);
  await queueForJourneys(tx, segment.workspaceId, stored);
  // Live segments that refer to this one re-check these users (the segment processor, which re-checks them itself, opts out).
  if (queueReferring) await queueForSegments(tx, segment.workspaceId, stored);
  return { entered, exited };
}
