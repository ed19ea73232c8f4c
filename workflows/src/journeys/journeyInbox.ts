import type { SqlQueryable } from '@tideflow/db';

/**
 * Queues stored events for the journey processor, inside the ingestion
 * transaction: an event that matters to a journey is never lost between its
 * commit and its processing. Only names some live or paused journey cares
 * about are queued, so ingestion without journeys pays one small lookup
 * (none when the caller read `interest` with its own, see `journeyInterestQuery`).
 */
export async function queueForJourneys(tx: SqlQueryable, workspaceId: string, events: ReadonlyArray<{ id: string; name: string }>, interest?: ReadonlySet<string>): Promise<number> {
  if (!events.length) return 0;
  const names = interest ?? (await journeyEventInterest(tx, workspaceId));
  if (!names.size) return 0;
  const ids = events.filter((event) => names.has(event.name)).map((event) => event.id);
  if (!ids.length) return 0;
  const { rowCount } = await tx.query(
    `INSERT INTO "JourneyInbox" ("workspaceId", "eventId") SELECT $1::uuid, id::uuid FROM jsonb_array_elements_text($2::jsonb) AS id ON CONFLICT ("eventId") DO NOTHING`,
    [workspaceId, JSON.stringify(ids)],
  );
  return rowCount;
}

/** The event names some live or paused journey of the workspace cares about. */
async function journeyEventInterest(tx: SqlQueryable, workspaceId: string): Promise<Set<string>> {
  const { rows } = await tx.query<{ value: string }>(journeyInterestQuery('$1::uuid'), [workspaceId]);
  return new Set(rows.map((row) => row.value));
}

/** The same names as rows (`value`) of a lookup statement's part, for a caller that reads them with other lookups. */
export function journeyInterestQuery(workspace: string): string {
  return `SELECT "eventName" AS value FROM "JourneyEventInterest" WHERE "workspaceId" = ${workspace}`;
}
