import type { IngestMessage } from '@tideflow/domain';
import { journeyInterestQuery, segmentInterestQuery } from '@tideflow/workflows';
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
  /** Event names journeys and live segments wait for (their inboxes are written in the same transaction). */
  journeyInterest: Set<string>;
  segmentInterest: Set<string>;
}

type LookupSource = 'stored' | 'blocked' | 'journey' | 'segment';

const interestPart = (source: LookupSource, query: string) => `SELECT '${source}' AS source, i.value, NULL::text AS id, NULL::text AS "externalId" FROM (${query}) i`;

/**
 * Messages whose replay could change who is who (they link two ids): a resent
 * one must be known as such before identities are planned. Any other resent
 * message is skipped by the event insert itself, and only what it stored
 * updates profiles and catalogs.
 */
export const linksIdentities = (message: IngestMessage) => message.type === 'alias' || (message.userId !== null && message.anonymousId !== null);

/**
 * One statement for the lookups every batch starts with, before anything is
 * locked: which of `storedCandidates` (default: none) are stored already,
 * which event names are blocked, and (unless `interest` is false) the inbox
 * interests.
 */
export async function lookUpBatch(
  tx: Transaction,
  workspaceId: string,
  messages: IngestMessage[],
  { storedCandidates = [], interest = true }: { storedCandidates?: IngestMessage[]; interest?: boolean } = {},
): Promise<BatchLookup> {
  const params = new SqlParams();
  const workspace = workspaceOfLookup(params, workspaceId);
  const blockable = [...new Set(messages.filter((m) => blockableTypes.has(m.type)).map((m) => m.eventName))];
  const parts = [
    storedMessageIdsQuery(params, workspace, storedCandidates.map((m) => m.messageId)),
    blockedEventNamesQuery(params, workspace, blockable),
    interest ? interestPart('journey', journeyInterestQuery(workspace)) : null,
    interest ? interestPart('segment', segmentInterestQuery(workspace)) : null,
  ];
  const query = parts.filter((part) => part !== null).join('\nUNION ALL\n');
  const rows = query ? (await tx.query<{ source: LookupSource; value: string }>(query, params.values)).rows : [];
  const lookup: BatchLookup = { storedMessageIds: new Set(), blockedNames: new Set(), journeyInterest: new Set(), segmentInterest: new Set() };
  const setOf = { stored: lookup.storedMessageIds, blocked: lookup.blockedNames, journey: lookup.journeyInterest, segment: lookup.segmentInterest };
  for (const row of rows) setOf[row.source].add(row.value);
  return lookup;
}

/** The messages a batch stores: not stored before, and not of a blocked event (those are counted per name). */
export function freshMessages(messages: IngestMessage[], lookup: BatchLookup): { fresh: IngestMessage[]; droppedByName: Map<string, number> } {
  const droppedByName = new Map<string, number>();
  const fresh = messages.filter((m) => {
    if (lookup.storedMessageIds.has(m.messageId)) return false;
    if (!blockableTypes.has(m.type) || !lookup.blockedNames.has(m.eventName)) return true;
    droppedByName.set(m.eventName, (droppedByName.get(m.eventName) ?? 0) + 1);
    return false;
  });
  return { fresh, droppedByName };
}
