import { randomUUID } from 'node:crypto';
import type { SqlDriver } from '@tideflow/db';
import type { IdentityMessage, IdentitySnapshot, IngestMessage } from '@tideflow/domain';
import { freshMessages, linksIdentities, lookUpBatch } from './batchLookup';
import { applyIdentityOperations, draftPlanOf, exclusiveIdentifierKeys, IdentityLocksTooWeak, identifierKeysOf, lockAndPlanIdentities } from './identityStore';
import { inTransaction } from './ingestionTransaction';
import { knownIdentities } from './knownIdentities';

/**
 * The messages of a batch that create, attach, rename or merge anything when
 * resolved on `draft`: those naming an identifier the draft does not know, or
 * one of a user the plan renames or merges (the keys `exclusiveIdentifierKeys`
 * picks). Every other message names known users only and changes nothing, so
 * the identity transaction plans, locks and reads these alone (a small part
 * of a batch of mostly known users). Empty when the batch changes nothing.
 */
export function messagesChangingIdentities<M extends IdentityMessage>(messages: M[], draft: IdentitySnapshot): M[] {
  const { operations } = draftPlanOf(messages, draft);
  if (!operations.length) return [];
  const keys = exclusiveIdentifierKeys(messages, draft, operations);
  return messages.filter((message) => identifierKeysOf(message).some((key) => keys.has(key)));
}

/**
 * Writes a batch's identity changes (new users and identities, renames,
 * merges) in a short transaction of its own, before the transaction that
 * stores the events. The exclusive locks those changes need (see
 * `exclusiveIdentifierKeys`) are then held for a few statements instead of
 * through the event insert, profile update and catalog upserts: a stream of
 * new users no longer makes concurrent batches queue behind each other. The
 * main transaction then finds every identifier known (and takes no identifier
 * locks) and plans nothing, or, if a concurrent change got in between, locks,
 * plans and writes what is left itself, as it always could.
 *
 * Committing these first is safe to repeat: a retried or failed batch finds the
 * users already there. Users of dropped (blocked) events are not created.
 * `messages`: the batch's `messagesChangingIdentities`.
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
