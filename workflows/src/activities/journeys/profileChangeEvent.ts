import { type Prisma, transactionQueryable } from '@tideflow/db';
import { systemEventNames } from '@tideflow/domain';
import { recordSystemEvents } from '../../events/systemEvents';
import type { JourneyRunIdentity } from '../../journeys/journeyRunTypes';
import { queueForSegments } from '../../segments/segmentInbox';

/**
 * A journey's update step changed the profile: recorded as the identify an
 * integrator would have sent (in the user's timeline, with the journey that made
 * it), and queued for the segment processor when a live segment depends on
 * profiles, so membership follows the change as it does after an identify call.
 * The messageId is the step's, so a retried step records it once.
 */
export async function recordJourneyProfileChange(tx: Prisma.TransactionClient, run: JourneyRunIdentity, userId: string, nodeId: string, iteration: string, at: Date): Promise<void> {
  const sql = transactionQueryable(tx);
  const event = {
    userId,
    name: systemEventNames.identify,
    messageId: `journey:${run.runId}:${iteration}:profile`,
    properties: { source: 'journey', journeyId: run.journeyId, journeyName: run.journeyName, nodeId },
  };
  const stored = await recordSystemEvents(sql, run.workspaceId, 'IDENTIFY', [event], at);
  await queueForSegments(sql, run.workspaceId, stored);
}
