import type { IdentitySnapshot, IngestMessage } from '@tideflow/domain';
import { blockedEventNamesQuery } from './catalogStore';
import { storedMessageIdsQuery } from './eventStore';
import { type IdentityRow, identitySnapshotOf, identitySnapshotQuery } from './identityStore';
import type { Transaction } from './ingestionTransaction';
import { SqlParams, workspaceOfLookup } from './sqlParams';

/** Calls that can be blocked in the catalog; identify, group and alias always update profiles. */
export const blockableTypes = new Set(['track', 'page', 'screen']);

/** What the database knows about a batch before anything is locked. */
export interface BatchLookup {
  /** messageIds already stored (a retried request). */
  storedMessageIds: Set<string>;
  /** Names of blocked event definitions among the batch's blockable calls. */
  blockedNames: Set<string>;
  /** The users the batch's ids belong to, read unlocked: a draft for choosing locks (see `lockAndPlanIdentities`). */
  unlockedIdentities: IdentitySnapshot;
}

/**
 * One statement for the three lookups every batch starts with. The identities
 * are read for every message, a superset of those that turn out fresh, which
 * the draft plan does not mind: it only looks up the ids it is given.
 */
export async function lookUpBatch(tx: Transaction, workspaceId: string, messages: IngestMessage[]): Promise<BatchLookup> {
  const params = new SqlParams();
  const workspace = workspaceOfLookup(params, workspaceId);
  const blockable = [...new Set(messages.filter((m) => blockableTypes.has(m.type)).map((m) => m.eventName))];
  const parts = [storedMessageIdsQuery(params, workspace, messages.map((m) => m.messageId)), blockedEventNamesQuery(params, workspace, blockable), identitySnapshotQuery(params, workspace, messages)];
  const query = parts.filter((part) => part !== null).join('\nUNION ALL\n');
  const rows = query ? (await tx.query<{ source: 'stored' | 'blocked' | IdentityRow['source']; value: string; id: string; externalId: string | null }>(query, params.values)).rows : [];
  const storedMessageIds = new Set<string>();
  const blockedNames = new Set<string>();
  const identities: IdentityRow[] = [];
  for (const row of rows) {
    if (row.source === 'stored') storedMessageIds.add(row.value);
    else if (row.source === 'blocked') blockedNames.add(row.value);
    else identities.push(row as IdentityRow);
  }
  return { storedMessageIds, blockedNames, unlockedIdentities: identitySnapshotOf(identities) };
}
