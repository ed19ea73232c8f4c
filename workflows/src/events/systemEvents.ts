import type { SqlQueryable } from '@tideflow/db';
import type { JsonObject } from '@tideflow/domain';

/** An event the platform records itself (a segment entry or exit, a profile change made by a journey). */
export interface SystemEvent {
  userId: string;
  name: string;
  /** Deterministic, so recording the same fact twice stores it once. */
  messageId: string;
  properties: JsonObject;
}

/**
 * Stores system events as ingested ones are stored (deduplicated by messageId,
 * in messageId order) and counts them in the event catalog. Returns the rows
 * stored, for the journey and segment inboxes.
 */
export async function recordSystemEvents(tx: SqlQueryable, workspaceId: string, type: 'TRACK' | 'IDENTIFY', events: readonly SystemEvent[], at: Date): Promise<Array<{ id: string; name: string }>> {
  if (!events.length) return [];
  const { rows: stored } = await tx.query<{ id: string; name: string }>(
    `INSERT INTO "Event" ("workspaceId", "userId", type, name, properties, context, timestamp, "receivedAt", "messageId")
     SELECT $1::uuid, x."userId", $2::"EventType", x.name, x.properties, '{}'::jsonb, $3::timestamptz, $3::timestamptz, x."messageId"
       FROM jsonb_to_recordset($4::jsonb) AS x("userId" uuid, name text, properties jsonb, "messageId" text)
      ORDER BY x."messageId"
     ON CONFLICT ("workspaceId", "messageId") DO NOTHING RETURNING id::text AS id, name`,
    [workspaceId, type, at.toISOString(), JSON.stringify(events)],
  );
  const counts = [...new Set(stored.map((event) => event.name))].map((name) => ({ name, n: stored.filter((event) => event.name === name).length }));
  if (counts.length) {
    await tx.query(
      `INSERT INTO "EventDefinition" ("workspaceId", name, "displayName", type, "firstSeenAt", "lastSeenAt", count)
       SELECT $1::uuid, x.name, x.name, $2::"EventType", $3::timestamptz, $3::timestamptz, x.n FROM jsonb_to_recordset($4::jsonb) AS x(name text, n bigint) ORDER BY x.name
       ON CONFLICT ("workspaceId", name) DO UPDATE SET count = "EventDefinition".count + excluded.count, "lastSeenAt" = GREATEST("EventDefinition"."lastSeenAt", excluded."lastSeenAt"), "updatedAt" = now()
       RETURNING 1`,
      [workspaceId, type, at.toISOString(), JSON.stringify(counts)],
    );
  }
  return stored;
}
