import { type JourneyRun, type PrismaClient, type SqlQueryable, sqlDriverOf } from '@tideflow/db';
import { alwaysListenedEvents, durationMs, describeDuration, JourneyDefinition } from '@tideflow/domain';
import { workflowIds } from '../workflowIds';
import type { JourneyEvent } from './journeyRunTypes';
import type { JourneyVersionCache } from './journeyVersions';

export interface EntryRequest {
  workspaceId: string;
  journeyId: string;
  userId: string;
  triggerNodeId: string;
  /** What causes the entry: `event:<messageId>`, `api:<key>`, `schedule:<tick>:<userId>`. One entry per key. */
  entryKey: string;
  trigger: JourneyEvent;
}

export type EntryDecision =
  | { kind: 'entered'; run: JourneyRun; definition: JourneyDefinition; journeyName: string }
  /** The same cause already produced a run (a retried request or event). */
  | { kind: 'duplicate'; runId: string }
  | { kind: 'refused'; reason: string };

/** What the entry rules need, read in one statement once the user's entry lock is held. */
interface EntryFacts {
  name: string;
  status: string;
  latestVersion: number | null;
  duplicateId: string | null;
  entries: number;
  lastEntryNumber: number | null;
  lastEnteredAt: Date | null;
  active: boolean;
}

const entryFactsSql = `
  SELECT j.name, j.status::text AS status, j."latestVersion",
         (SELECT d.id FROM "JourneyRun" d WHERE d."journeyId" = j.id AND d."entryKey" = $3) AS "duplicateId",
         p.entries, p."lastEntryNumber", p."lastEnteredAt", p.active
    FROM "Journey" j
   CROSS JOIN LATERAL (
         SELECT count(*)::int AS entries, max(r."entryNumber") AS "lastEntryNumber",
                (array_agg(r."enteredAt" ORDER BY r."entryNumber" DESC))[1] AS "lastEnteredAt",
                coalesce(bool_or(r.status = 'ACTIVE'), false) AS active
           FROM "JourneyRun" r WHERE r."journeyId" = j.id AND r."userId" = $4::uuid) p
   WHERE j.id = $1::uuid AND j."workspaceId" = $2::uuid`;

const insertRunSql = `
  INSERT INTO "JourneyRun" ("workspaceId", "journeyId", version, "userId", "entryNumber", "workflowId", "triggerNodeId", "entryKey", "triggerEvent", "currentNodeId", "listeningTo", "enteredAt")
  VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5, $6, $7, $8, $9::jsonb, $7, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11::timestamptz)
  RETURNING *`;

const lock = (tx: SqlQueryable, key: string) => tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);

/**
 * Decides whether a user enters a journey now, and records the run, in one
 * transaction under a per (journey, user) lock: the journey is live, the
 * trigger belongs to its newest version, and the entry rules hold (window,
 * re-entry, entries per user, concurrent users).
 *
 * Every event that triggers a journey comes through here, so it runs on the
 * driver (lock, one read, the insert) rather than Prisma, and takes the frozen
 * definition from `versions` when given (published versions never change).
 */
export async function enterJourney(prisma: PrismaClient, request: EntryRequest, now = new Date(), versions?: JourneyVersionCache): Promise<EntryDecision> {
  return sqlDriverOf(prisma).transaction(async (tx): Promise<EntryDecision> => {
    // The lock first, the reads in a statement of their own: its snapshot then sees every entry committed before the lock was ours.
    await lock(tx, `journey-entry:${request.journeyId}:${request.userId}`);
    const [facts] = (await tx.query<EntryFacts>(entryFactsSql, [request.journeyId, request.workspaceId, request.entryKey, request.userId])).rows;
    if (!facts) return { kind: 'refused', reason: 'no such journey' };
    if (facts.duplicateId) return { kind: 'duplicate', runId: facts.duplicateId };
    if (facts.status !== 'LIVE' || facts.latestVersion === null) return { kind: 'refused', reason: `the journey is ${facts.status.toLowerCase()}` };
    const definition = versions?.cached(request.journeyId, facts.latestVersion)?.definition ?? (await readDefinition(tx, request, facts, versions));
    if (!definition.nodes.some((node) => node.id === request.triggerNodeId)) return { kind: 'refused', reason: `trigger ${request.triggerNodeId} is not in version ${facts.latestVersion}` };

    const rules = definition.entryRules;
    if (rules.window?.startAt && now < new Date(rules.window.startAt)) return { kind: 'refused', reason: `entries open at ${rules.window.startAt}` };
    if (rules.window?.endAt && now >= new Date(rules.window.endAt)) return { kind: 'refused', reason: `entries closed at ${rules.window.endAt}` };

    if (facts.entries > 0) {
      const reEntry = rules.reEntry;
      if (reEntry.mode === 'never') return { kind: 'refused', reason: 'already entered once (re-entry: never)' };
      if (reEntry.mode === 'afterExit' && facts.active) return { kind: 'refused', reason: 'already in the journey (re-entry: after exit)' };
      if (reEntry.mode === 'anyTime' && reEntry.minimumGap && facts.lastEnteredAt && now.getTime() - facts.lastEnteredAt.getTime() < durationMs(reEntry.minimumGap)) {
        return { kind: 'refused', reason: `entered less than ${describeDuration(reEntry.minimumGap)} ago (re-entry gap)` };
      }
    }
    if (rules.maxEntriesPerUser !== undefined && facts.entries >= rules.maxEntriesPerUser) return { kind: 'refused', reason: `reached the maximum of ${rules.maxEntriesPerUser} entries per user` };
    if (rules.maxConcurrentUsers !== undefined) {
      // Concurrency is per journey, so it takes the journey-wide lock too.
      await lock(tx, `journey-entry:${request.journeyId}`);
      const [{ active }] = (await tx.query<{ active: number }>(`SELECT count(*)::int AS active FROM "JourneyRun" WHERE "journeyId" = $1::uuid AND status = 'ACTIVE'`, [request.journeyId])).rows as [{ active: number }];
      if (active >= rules.maxConcurrentUsers) return { kind: 'refused', reason: `the journey already has ${active} ${active === 1 ? 'user' : 'users'} in it (maximum ${rules.maxConcurrentUsers})` };
    }

    const entryNumber = (facts.lastEntryNumber ?? 0) + 1;
    const [run] = (
      await tx.query<JourneyRun>(insertRunSql, [
        request.workspaceId, request.journeyId, facts.latestVersion, request.userId, entryNumber,
        workflowIds.journeyRun(request.journeyId, request.userId, entryNumber), request.triggerNodeId, request.entryKey,
        JSON.stringify(request.trigger), JSON.stringify(alwaysListenedEvents(definition)), now.toISOString(),
      ])
    ).rows as [JourneyRun];
    return { kind: 'entered', run, definition, journeyName: facts.name };
  });
}

/** The version's definition from the database (inside the transaction: PGlite has one connection), remembered for the next entry. */
async function readDefinition(tx: SqlQueryable, request: EntryRequest, facts: EntryFacts, versions: JourneyVersionCache | undefined): Promise<JourneyDefinition> {
  const [row] = (await tx.query<{ definition: unknown }>(`SELECT definition FROM "JourneyVersion" WHERE "journeyId" = $1::uuid AND version = $2`, [request.journeyId, facts.latestVersion])).rows;
  if (!row) throw new Error(`journey ${request.journeyId} has no version ${facts.latestVersion}`);
  const definition = JourneyDefinition.parse(row.definition);
  versions?.remember({ journeyId: request.journeyId, workspaceId: request.workspaceId, journeyName: facts.name, version: facts.latestVersion!, definition });
  return definition;
}
