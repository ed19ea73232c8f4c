import type { Prisma } from '@tideflow/db';
import { systemEventNames } from '@tideflow/domain';
import type { JourneyRunIdentity } from '../../journeys/journeyRunTypes';

/**
 * A journey's update step changed the profile: recorded as the identify an
 * integrator would have sent (in the user's timeline, with the journey that made
 * it), and queued for the segment processor when a live segment depends on
 * profiles, so membership follows the change as it does after an identify call.
 * The messageId is the step's, so a retried step records it once.
 */
export async function recordJourneyProfileChange(tx: Prisma.TransactionClient, run: JourneyRunIdentity, userId: string, nodeId: string, iteration: string, at: Date): Promise<void> {
  const name = systemEventNames.identify;
  const stored = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `INSERT INTO "Event" ("workspaceId", "userId", type, name, properties, context, timestamp, "receivedAt", "messageId")
     VALUES ($1::uuid, $2::uuid, 'IDENTIFY', $3, jsonb_build_object('source', 'journey', 'journeyId', $4::text, 'journeyName', $5::text, 'nodeId', $6::text), '{}'::jsonb, $7::timestamptz, $7::timestamptz, $8)
     ON CONFLICT ("workspaceId", "messageId") DO NOTHING RETURNING id`,
    run.workspaceId,
    userId,
    name,
    run.journeyId,
    run.journeyName,
    nodeId,
    at.toISOString(),
    `journey:${run.runId}:${iteration}:profile`,
  );
  const event = stored[0];
  if (!event) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "EventDefinition" ("workspaceId", name, "displayName", type, "firstSeenAt", "lastSeenAt", count) VALUES ($1::uuid, $2, $2, 'IDENTIFY', $3::timestamptz, $3::timestamptz, 1)
     ON CONFLICT ("workspaceId", name) DO UPDATE SET count = "EventDefinition".count + 1, "lastSeenAt" = GREATEST("EventDefinition"."lastSeenAt", excluded."lastSeenAt"), "updatedAt" = now()`,
    run.workspaceId,
    name,
    at.toISOString(),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "SegmentInbox" ("workspaceId", "eventId")
     SELECT $1::uuid, $2::uuid WHERE EXISTS (SELECT 1 FROM "SegmentEventInterest" WHERE "workspaceId" = $1::uuid AND "eventName" = $3)
     ON CONFLICT ("eventId") DO NOTHING`,
    run.workspaceId,
    event.id,
    name,
  );
}
