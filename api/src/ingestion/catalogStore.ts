import { humanizeName, inferAttributeType, type JsonObject } from '@tideflow/domain';
import type { StoredEvent } from './eventStore';
import type { Transaction } from './ingestionTransaction';
import type { SqlParams } from './sqlParams';

/** The part of a batch's lookup that finds the blocked event definitions among `names` (one index probe per name). */
export function blockedEventNamesQuery(params: SqlParams, workspace: string, names: string[]): string | null {
  if (!names.length) return null;
  return `SELECT 'blocked' AS source, d.name AS value, NULL::text AS id, NULL::text AS "externalId"
            FROM jsonb_array_elements_text(${params.add(JSON.stringify(names))}::jsonb) AS k(value)
            CROSS JOIN LATERAL (SELECT name FROM "EventDefinition" WHERE "workspaceId" = ${workspace} AND name = k.value AND status = 'BLOCKED' LIMIT 1) d`;
}

export async function countDroppedEvents(tx: Transaction, workspaceId: string, droppedByName: Map<string, number>): Promise<void> {
  if (!droppedByName.size) return;
  await tx.query(
    `UPDATE "EventDefinition" d SET "droppedCount" = d."droppedCount" + x.n
       FROM jsonb_to_recordset($2::jsonb) AS x(name text, n bigint)
      WHERE d."workspaceId" = $1::uuid AND d.name = x.name`,
    [workspaceId, JSON.stringify([...droppedByName].map(([name, n]) => ({ name, n })))],
  );
}

/**
 * The event catalog fills itself: one upsert per distinct name, in name order
 * (no deadlocks between batches). A statement part (see `completeBatch`).
 */
export function eventCatalogUpsert(params: SqlParams, workspace: string, events: StoredEvent[]): string {
  const byName = new Map<string, { name: string; type: string; n: number; first: Date; last: Date }>();
  for (const event of events) {
    const entry = byName.get(event.name) ?? { name: event.name, type: event.type, n: 0, first: event.timestamp, last: event.timestamp };
    entry.n++;
    if (event.timestamp < entry.first) entry.first = event.timestamp;
    if (event.timestamp > entry.last) entry.last = event.timestamp;
    byName.set(event.name, entry);
  }
  const rows = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => ({ ...e, first: e.first.toISOString(), last: e.last.toISOString() }));
  return `INSERT INTO "EventDefinition" ("workspaceId", name, "displayName", type, "firstSeenAt", "lastSeenAt", count)
          SELECT ${workspace}, x.name, x.name, x.type::"EventType", x.first, x.last, x.n
            FROM jsonb_to_recordset(${params.add(JSON.stringify(rows))}::jsonb) AS x(name text, type text, n bigint, first timestamptz, last timestamptz)
           ORDER BY x.name
          ON CONFLICT ("workspaceId", name) DO UPDATE SET
            count = "EventDefinition".count + excluded.count,
            "firstSeenAt" = LEAST("EventDefinition"."firstSeenAt", excluded."firstSeenAt"),
            "lastSeenAt" = GREATEST("EventDefinition"."lastSeenAt", excluded."lastSeenAt"),
            "updatedAt" = now()
          RETURNING 1`;
}

/**
 * Custom traits seen for the first time enter the attribute catalog with an
 * inferred type. Names already catalogued are remembered per process (see
 * `attributeCatalogMemory`), so a steady stream of identify calls costs no catalog writes.
 */
export class AttributeCatalogMemory {
  private readonly writtenAt = new Map<string, number>();
  constructor(private readonly refreshAfterMs = 10 * 60 * 1000) {}

  isFresh(workspaceId: string, name: string, now: number): boolean {
    return now - (this.writtenAt.get(`${workspaceId}\u0000${name}`) ?? -Infinity) < this.refreshAfterMs;
  }

  /** Call after the transaction that wrote them commits. */
  remember(workspaceId: string, names: string[], now: number): void {
    for (const name of names) this.writtenAt.set(`${workspaceId}\u0000${name}`, now);
  }
}

export const attributeCatalogMemory = new AttributeCatalogMemory();

/**
 * Upserts catalog entries for trait names not written recently (a statement
 * part, see `completeBatch`); `names` are the names it writes.
 */
export function attributeCatalogUpsert(
  params: SqlParams,
  workspace: { id: string; sql: () => string },
  traitSets: JsonObject[],
  now: Date,
  memory = attributeCatalogMemory,
): { sql: string; names: string[] } | null {
  const fresh = new Map<string, string>();
  for (const traits of traitSets) {
    for (const [name, value] of Object.entries(traits)) {
      const type = inferAttributeType(value);
      if (!type || fresh.has(name) || memory.isFresh(workspace.id, name, now.getTime())) continue;
      fresh.set(name, type);
    }
  }
  if (!fresh.size) return null;
  const rows = [...fresh].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, type]) => ({ name, type, displayName: humanizeName(name) }));
  const seenAt = params.add(now.toISOString());
  return {
    names: rows.map((row) => row.name),
    sql: `INSERT INTO "AttributeDefinition" ("workspaceId", name, "displayName", type, system, "firstSeenAt", "lastSeenAt")
          SELECT ${workspace.sql()}, x.name, x."displayName", x.type::"AttributeType", false, ${seenAt}::timestamptz, ${seenAt}::timestamptz
            FROM jsonb_to_recordset(${params.add(JSON.stringify(rows))}::jsonb) AS x(name text, "displayName" text, type text)
           ORDER BY x.name
          ON CONFLICT ("workspaceId", name) DO UPDATE SET "lastSeenAt" = GREATEST("AttributeDefinition"."lastSeenAt", excluded."lastSeenAt")
          RETURNING 1`,
  };
}
