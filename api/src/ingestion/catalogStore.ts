import { humanizeName, inferAttributeType, type JsonObject } from '@tideflow/domain';
import type { StoredEvent } from './eventStore';
import type { Transaction } from './ingestionTransaction';

/** Names of blocked event definitions among `names`. */
export async function findBlockedEventNames(tx: Transaction, workspaceId: string, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const { rows } = await tx.query<{ name: string }>(
    `SELECT name FROM "EventDefinition" WHERE "workspaceId" = $1::uuid AND status = 'BLOCKED' AND name IN (SELECT jsonb_array_elements_text($2::jsonb))`, [
      workspaceId,
      JSON.stringify(names)
    ]);
  return new Set(rows.map((row) => row.name));
}

export async function countDroppedEvents(tx: Transaction, workspaceId: string, droppedByName: Map<string, number>): Promise<void> {
  if (!droppedByName.size) return;
  await tx.query(
    `UPDATE "EventDefinition" d SET "droppedCount" = d."droppedCount" + x.n
       FROM jsonb_to_recordset($2::jsonb) AS x(name text, n bigint)
      WHERE d."workspaceId" = $1::uuid AND d.name = x.name`, [
      workspaceId,
      JSON.stringify([...droppedByName].map(([name, n]) => ({ name, n })))
    ]);
}

/** The event catalog fills itself: one upsert per distinct name, in name order (no deadlocks between batches). */
export async function recordEventDefinitions(tx: Transaction, workspaceId: string, events: StoredEvent[]): Promise<void> {
  if (!events.length) return;
  const byName = new Map<string, { name: string; type: string; n: number; first: Date; last: Date }>();
  for (const event of events) {
    const entry = byName.get(event.name) ?? { name: event.name, type: event.type, n: 0, first: event.timestamp, last: event.timestamp };
    entry.n++;
    if (event.timestamp < entry.first) entry.first = event.timestamp;
    if (event.timestamp > entry.last) entry.last = event.timestamp;
    byName.set(event.name, entry);
  }
  const rows = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => ({ ...e, first: e.first.toISOString(), last: e.last.toISOString() }));
  await tx.query(
    `INSERT INTO "EventDefinition" ("workspaceId", name, "displayName", type, "firstSeenAt", "lastSeenAt", count)
     SELECT $1::uuid, x.name, x.name, x.type::"EventType", x.first, x.last, x.n FROM jsonb_to_recordset($2::jsonb) AS x(name text, type text, n bigint, first timestamptz, last timestamptz)
     ORDER BY x.name
     ON CONFLICT ("workspaceId", name) DO UPDATE SET
       count = "EventDefinition".count + excluded.count,
       "firstSeenAt" = LEAST("EventDefinition"."firstSeenAt", excluded."firstSeenAt"),
       "lastSeenAt" = GREATEST("EventDefinition"."lastSeenAt", excluded."lastSeenAt"),
       "updatedAt" = now()`, [
      workspaceId,
      JSON.stringify(rows)
    ]);
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

/** Upserts catalog entries for trait names not written recently; returns the names written. */
export async function recordAttributeDefinitions(tx: Transaction, workspaceId: string, traitSets: JsonObject[], now = new Date(), memory = attributeCatalogMemory): Promise<string[]> {
  const fresh = new Map<string, string>();
  for (const traits of traitSets) {
    for (const [name, value] of Object.entries(traits)) {
      const type = inferAttributeType(value);
      if (!type || fresh.has(name) || memory.isFresh(workspaceId, name, now.getTime())) continue;
      fresh.set(name, type);
    }
  }
  if (!fresh.size) return [];
  const rows = [...fresh].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, type]) => ({ name, type, displayName: humanizeName(name) }));
  await tx.query(
    `INSERT INTO "AttributeDefinition" ("workspaceId", name, "displayName", type, system, "firstSeenAt", "lastSeenAt")
     SELECT $1::uuid, x.name, x."displayName", x.type::"AttributeType", false, $3::timestamptz, $3::timestamptz
       FROM jsonb_to_recordset($2::jsonb) AS x(name text, "displayName" text, type text)
     ORDER BY x.name
     ON CONFLICT ("workspaceId", name) DO UPDATE SET "lastSeenAt" = GREATEST("AttributeDefinition"."lastSeenAt", excluded."lastSeenAt")`, [
      workspaceId,
      JSON.stringify(rows),
      now.toISOString()
    ]);
  return rows.map((row) => row.name);
}
