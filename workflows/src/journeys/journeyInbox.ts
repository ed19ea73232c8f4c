import type { SqlQueryable } from '@tideflow/db';

/**
 * Queues stored events for the journey processor, inside the ingestion
 * transaction: an event that matters to a journey is never lost between its
 * commit and its processing. Only names some live or paused journey cares
 * about are queued, so ingestion without journeys pays one small lookup.
 */
export async function queueForJourneys(tx: SqlQueryable, workspaceId: string, events: ReadonlyArray<{ id: string; name: string }>): Promise<number> {
  if (!events.length) return 0;
  const { rows: interest } = await tx.query<{ eventName: string }>(`SELECT "eventName" FROM "JourneyEventInterest" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
  if (!interest.length) return 0;
  const names = new Set(interest.map((row) => row.eventName));
  const ids = events.filter((event) => names.has(event.name)).map((event) => event.id);
  if (!ids.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO "JourneyInbox" ("workspaceId", "eventId") SELECT $1::uuid, id::uuid FROM jsonb_array_elements_text($2::jsonb) AS id ON CONFLICT ("eventId") DO NOTHING`,
    [workspaceId, JSON.stringify(ids)],
  );
  return rowCount;
}
