import { randomUUID } from 'node:crypto';
import { type PrismaClient, type SqlDriver, sqlDriverOf } from '@tideflow/db';
import type { IngestMessage } from '@tideflow/domain';
import { queueForJourneys, queueForSegments } from '@tideflow/workflows';
import { completeBatch } from './batchCompletion';
import { freshMessages, linksIdentities, lookUpBatch } from './batchLookup';
import { attributeCatalogMemory, countDroppedEvents } from './catalogStore';
import { insertEvents } from './eventStore';
import { messagesChangingIdentities, prepareIdentities } from './identityPreparation';
import { applyIdentityOperations, IdentityLocksTooWeak, lockAndPlanIdentities } from './identityStore';
import { inTransaction } from './ingestionTransaction';
import { knownIdentities } from './knownIdentities';
import { foldProfileUpdates } from './profileUpdates';

export interface IngestionResult {
  received: number;
  stored: number;
  /** Already stored under the same messageId: accepted, not stored again. */
  duplicates: number;
  /** Events whose definition is blocked: accepted and dropped. */
  dropped: number;
  /** What was stored, with the user each message resolved to (for triggers downstream). */
  accepted: Array<{ message: IngestMessage; userId: string }>;
}

const isSqlDriver = (database: SqlDriver | PrismaClient): database is SqlDriver => typeof (database as SqlDriver).transaction === 'function';

/**
 * Stores validated messages for one workspace: dedup by messageId (the event
 * insert skips resent messages; those that link ids are looked up first), drop
 * blocked events, resolve and merge identities, update profiles, insert
 * events, and keep the catalogs current. The events, profiles and catalogs go
 * in one transaction; identity changes the batch needs (new users, merges)
 * are committed just before it, in a short one of their own
 * (`prepareIdentities`), so their exclusive locks are not held while events
 * are stored.
 *
 * Concurrency: identifiers a batch creates or changes are locked first
 * (exclusively, with shared locks on the others it reads; a batch of known
 * users takes none, see `lockAndPlanIdentities`); row locks every batch
 * contends for come last, in one order and in one statement right before
 * COMMIT (users by id, then event and attribute definitions by name, see
 * `completeBatch`), so batches about the same users overlap instead of
 * queueing.
 *
 * Runs on the driver under Prisma (`SqlDriver`): ingestion is all SQL, and
 * Prisma's interactive transaction would re-encode every parameter. A batch
 * of known users costs three statements (lookup with the inbox interests,
 * events, profiles and catalogs): who they are is drafted from
 * `knownIdentities`, not read. New users cost a short identity transaction
 * first.
 */
export async function ingestMessages(database: SqlDriver | PrismaClient, workspaceId: string, messages: IngestMessage[]): Promise<IngestionResult> {
  const driver = isSqlDriver(database) ? database : sqlDriverOf(database);
  const now = new Date();
  // A retry (a user merged away by another process, say) plans on what the database holds, not on the draft.
  const store = (lockAllExclusively: boolean) =>
    inTransaction(driver, async (tx) => {
      const lookup = await lookUpBatch(tx, workspaceId, messages, { storedCandidates: messages.filter(linksIdentities) });
      const { fresh, droppedByName } = freshMessages(messages, lookup);

      const { plan, locked } = await lockAndPlanIdentities(tx, workspaceId, fresh, randomUUID, lockAllExclusively, knownIdentities.draft(workspaceId, fresh));
      await applyIdentityOperations(tx, workspaceId, plan, fresh);
      const stored = await insertEvents(tx, workspaceId, fresh, plan.userIdOfMessage);
      // Resent messages the insert skipped change nothing: profiles and catalogs learn from what it stored.
      const storedMessages = stored.map((event) => fresh[event.index]!);
      const profileUpdates = foldProfileUpdates(storedMessages, stored.map((event) => event.userId));
      await queueForJourneys(tx, workspaceId, stored, lookup.journeyInterest);
      await queueForSegments(tx, workspaceId, stored, lookup.segmentInterest);
      // Custom traits as stored (identify traits, and push tokens from context): what the attribute catalog learns.
      const traitSets = profileUpdates.flatMap((update) => (update.traits ? [update.traits] : []));
      const attributeNames = await completeBatch(tx, workspaceId, { profileUpdates, storedEvents: stored, traitSets, now });
      await countDroppedEvents(tx, workspaceId, droppedByName);
      return { storedMessages, plan, locked, stored, dropped: [...droppedByName.values()].reduce((sum, n) => sum + n, 0), attributeNames };
    }, { beforeRetry: () => knownIdentities.forgetBatch(workspaceId, messages) });
  // New users and identities first, in a short transaction of their own (see prepareIdentities).
  const changingIdentities = messagesChangingIdentities(messages, knownIdentities.draft(workspaceId, messages));
  if (changingIdentities.length) await prepareIdentities(driver, workspaceId, changingIdentities);
  const outcome = await store(false).catch((error: unknown) => {
    if (!(error instanceof IdentityLocksTooWeak)) throw error;
    knownIdentities.forgetBatch(workspaceId, messages);
    return store(true);
  });
  attributeCatalogMemory.remember(workspaceId, outcome.attributeNames, now.getTime());
  knownIdentities.remember(workspaceId, outcome.locked, outcome.plan);
  return {
    received: messages.length,
    stored: outcome.stored.length,
    duplicates: messages.length - outcome.dropped - outcome.stored.length,
    dropped: outcome.dropped,
    accepted: outcome.storedMessages.map((message, index) => ({ message, userId: outcome.stored[index]!.userId })),
  };
}
