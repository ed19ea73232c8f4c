import type { Prisma, SqlQueryable } from '@tideflow/db';

/**
 * Queues stored events whose names some live segment depends on, inside the
 * ingestion transaction (as journeys' inbox does), for the segment processor.
 * `interest`, when the caller read it already: see `segmentInterestQuery`.
 */
export async function queueForSegments(tx: SqlQueryable, workspaceId: string, events: ReadonlyArray<{ id: string; name: string }>, interest?: ReadonlySet<string>): Promise<number> {
  if (!events.length) return 0;
  const names = interest ?? (await segmentEventInterest(tx, workspaceId));
  if (!names.size) return 0;
  const ids = events.filter((event) => names.has(event.name)).map((event) => event.id);
  if (!ids.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO "SegmentInbox" ("workspaceId", "eventId") SELECT $1::uuid, id::uuid FROM jsonb_array_elements_text($2::jsonb) AS id ON CONFLICT ("eventId") DO NOTHING RETURNING 1`,
    [workspaceId, JSON.stringify(ids)],
  );
  return rowCount;
}

/** The event names some live segment of the workspace depends on. */
async function segmentEventInterest(tx: SqlQueryable, workspaceId: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ value: string }>(segmentInterestQuery('$1::uuid'), [workspaceId]);
  return new Set(rows.map((row) => row.value));
}

/** The same names as rows (`value`) of a lookup statement's part, for a caller that reads them with other lookups. */
export function segmentInterestQuery(workspace: string): string {
  return `SELECT "eventName" AS value FROM "SegmentEventInterest" WHERE "workspaceId" = ${workspace}`;
}

/** The workspace's segment-relevant event names: what its live segments depend on. Run after any segment change. */
export async function refreshSegmentInterest(tx: Prisma.TransactionClient, workspaceId: string): Promise<void> {
  await tx.$executeRawUnsafe(`DELETE FROM "SegmentEventInterest" WHERE "workspaceId" = $1::uuid`, workspaceId);
  await tx.$executeRawUnsafe(
    `INSERT INTO "SegmentEventInterest" ("workspaceId", "eventName")
     SELECT DISTINCT $1::uuid, d.name FROM "Segment" s, unnest(s."dependsOnEvents") AS d(name) WHERE s."workspaceId" = $1::uuid AND s.kind = 'LIVE'`,
    workspaceId,
  );
}
