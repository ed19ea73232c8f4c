import type { Prisma, SqlQueryable } from '@tideflow/db';

/**
 * Queues stored events whose names some live segment depends on, inside the
 * ingestion transaction (as journeys' inbox does), for the segment processor.
 */
export async function queueForSegments(tx: SqlQueryable, workspaceId: string, events: ReadonlyArray<{ id: string; name: string }>): Promise<number> {
  if (!events.length) return 0;
  const { rows: interest } = await tx.query<{ eventName: string }>(`SELECT "eventName" FROM "SegmentEventInterest" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
  if (!interest.length) return 0;
  const names = new Set(interest.map((row) => row.eventName));
  const ids = events.filter((event) => names.has(event.name)).map((event) => event.id);
  if (!ids.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO "SegmentInbox" ("workspaceId", "eventId") SELECT $1::uuid, id::uuid FROM jsonb_array_elements_text($2::jsonb) AS id ON CONFLICT ("eventId") DO NOTHING RETURNING 1`,
    [workspaceId, JSON.stringify(ids)],
  );
  return rowCount;
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
