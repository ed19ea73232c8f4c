import type { JsonObject } from '@tideflow/domain';
import { attributeCatalogUpsert, eventCatalogUpsert } from './catalogStore';
import type { StoredEvent } from './eventStore';
import type { Transaction } from './ingestionTransaction';
import { type ProfileUpdate, profileUpdateParts, segmentProfileQueuePart } from './profileUpdates';
import { SqlParams, statementOf } from './sqlParams';

export interface BatchCompletion {
  profileUpdates: ProfileUpdate[];
  storedEvents: StoredEvent[];
  /** Custom traits of the batch's identify calls, for the attribute catalog. */
  traitSets: JsonObject[];
  now: Date;
}

/**
 * The rows every batch contends for, written in one statement right before
 * COMMIT, so their locks are held for a single round trip: the profile update,
 * then the event catalog, then the attribute catalog. Returns the attribute
 * names written (see `AttributeCatalogMemory`).
 *
 * The parts run in this order (see `statementOf`): users by id, then
 * definitions by name, as every batch locks them.
 */
export async function completeBatch(tx: Transaction, workspaceId: string, batch: BatchCompletion): Promise<string[]> {
  const params = new SqlParams();
  // Added only when a part uses it: Postgres refuses a parameter the statement never mentions.
  let workspaceSql: string | undefined;
  const workspace = () => (workspaceSql ??= `${params.add(workspaceId)}::uuid`);
  const parts = profileUpdateParts(params, batch.profileUpdates);
  const segmentQueue = parts.length ? segmentProfileQueuePart(params, workspace(), batch.storedEvents) : null;
  if (segmentQueue) parts.push(segmentQueue);
  if (batch.storedEvents.length) parts.push({ name: 'event_catalog', sql: eventCatalogUpsert(params, workspace(), batch.storedEvents), writes: true });
  const attributes = attributeCatalogUpsert(params, { id: workspaceId, sql: workspace }, batch.traitSets, batch.now);
  if (attributes) parts.push({ name: 'attribute_catalog', sql: attributes.sql, writes: true });
  if (!parts.length) return [];
  await tx.query(statementOf(parts), params.values);
  return attributes?.names ?? [];
}
