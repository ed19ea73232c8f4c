import { randomUUID } from 'node:crypto';
import type { SqlDriver } from '@tideflow/db';
import { type IdentityMessage, type IdentitySnapshot, type IngestMessage, planIdentityResolution } from '@tideflow/domain';
import { freshMessages, linksIdentities, lookUpBatch } from './batchLookup';
import { applyIdentityOperations, IdentityLocksTooWeak, lockAndPlanIdentities } from './identityStore';
import { inTransaction } from './ingestionTransaction';
import { knownIdentities } from './knownIdentities';

/** Whether resolving the batch on `draft` creates, attaches, renames or merges anything. */
export function needsIdentityWrites(messages: IdentityMessage[], draft: IdentitySnapshot): boolean {
  let draftIds = 0;
  return planIdentityResolution(messages, draft, () => `draft-${++draftIds}`).operations.length > 0;
}

/**
 * Writes a batch's identity changes (new users and identities, renames,
 * merges) in a short transaction of its own, before the transaction that
 * stores the events. The exclusive locks those changes need (see
 * `exclusiveIdentifierKeys`) are then held for a few statements instead of
 * through the event insert, profile update and catalog upserts: a stream of
 * new users no longer makes concurrent batches queue behind each other. The
 * main transaction then finds every identifier known (shared locks only) and
 * plans nothing, or, if a concurrent change got in between, plans and writes
 * what is left itself, as it always could.
 *
 * Committing these first is safe to repeat: a retried or failed batch finds the
 * users already there. Users of dropped (blocked) events are not created.
 */
export async function prepareIdentities(driver: SqlDriver, workspaceId: string, messages: IngestMessage[]): Promise<void> {
  try {
    const outcome = await inTransaction(driver, async (tx) => {
      const { fresh } = freshMessages(messages, await lookUpBatch(tx, workspaceId, messages, { storedCandidates: messages.filter(linksIdentities), interest: false }));
      const { plan, locked } = await lockAndPlanIdentities(tx, workspaceId, fresh, randomUUID, false, knownIdentities.draft(workspaceId, fresh));
      await applyIdentityOperations(tx, workspaceId, plan, fresh);
      return { plan, locked };
    }, { beforeRetry: () => knownIdentities.forgetBatch(workspaceId, messages) });
    knownIdentities.remember(workspaceId, outcome.locked, outcome.plan);
  } catch (error) {
    // The draft was wrong: the main transaction locks these identifiers exclusively and writes the changes itself.
    if (!(error instanceof IdentityLocksTooWeak)) throw error;
    knownIdentities.forgetBatch(workspaceId, messages);
  }
}
