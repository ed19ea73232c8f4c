import type { IngestMessage } from '@tideflow/domain';
import { blockedEventNamesQuery } from './catalogStore';
import { storedMessageIdsQuery } from './eventStore';
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
}

/** One statement for the lookups every batch starts with, before anything is locked. */
export async function lookUpBatch(tx: Transaction, workspaceId: string, messages: IngestMessage[]): Promise<BatchLookup> {
  const params = new SqlParams();
  const workspace = workspaceOfLookup(params, workspaceId);
  const blockable = [...new Set(messages.filter((m) => blockableTypes.has(m.type)).map((m) => m.eventName))];
  const parts = [storedMessageIdsQuery(params, workspace, messages.map((m) => m.messageId)), blockedEventNamesQuery(params, workspace, blockable)];
  const query = parts.filter((part) => part !== null).join('\nUNION ALL\n');
  const rows = query ? (await tx.query<{ source: 'stored' | 'blocked'; value: string }>(query, params.values)).rows : [];
  const storedMessageIds = new Set<string>();
  const blockedNames = new Set<string>();
  for (const row of rows) (row.source === 'stored' ? storedMessageIds : blockedNames).add(row.value);
  return { storedMessageIds, blockedNames };
}
