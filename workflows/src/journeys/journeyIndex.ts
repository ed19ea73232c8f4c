import type { Prisma } from '@tideflow/db';
import { type JourneyDefinition, profileChangeToken, segmentChangeEvents, systemEventNames } from '@tideflow/domain';

const triggerKinds = { eventTrigger: 'EVENT', apiTrigger: 'API', scheduleTrigger: 'SCHEDULE', segmentTrigger: 'SEGMENT' } as const;

/**
 * Keeps the lookups ingestion relies on in step with a journey's status, in
 * the same transaction as the status change: its entry triggers (only while
 * live), and the workspace's set of event names any live or paused journey
 * needs to see (triggers, and what runs listen to).
 */
export async function refreshJourneyIndex(tx: Prisma.TransactionClient, journey: { id: string; workspaceId: string; status: string; latestVersion: number | null }, definition: JourneyDefinition | null): Promise<void> {
  await tx.journeyTrigger.deleteMany({ where: { journeyId: journey.id } });
  if (journey.status === 'LIVE' && definition && journey.latestVersion !== null) {
    const rows = definition.nodes.flatMap((node) =>
      node.type in triggerKinds
        ? [
            {
              workspaceId: journey.workspaceId,
              journeyId: journey.id,
              version: journey.latestVersion!,
              nodeId: node.id,
              kind: triggerKinds[node.type as keyof typeof triggerKinds],
              eventName: node.type === 'eventTrigger' ? node.settings.eventName : node.type === 'segmentTrigger' ? segmentChangeEvents.entered : null,
              segmentId: node.type === 'segmentTrigger' ? node.settings.segmentId : null,
            },
          ]
        : [],
    );
    if (rows.length) await tx.journeyTrigger.createMany({ data: rows });
  }
  await tx.$executeRawUnsafe(`DELETE FROM "JourneyEventInterest" WHERE "workspaceId" = $1::uuid`, journey.workspaceId);
  await tx.$executeRawUnsafe(
    `INSERT INTO "JourneyEventInterest" ("workspaceId", "eventName")
     SELECT DISTINCT $1::uuid, name FROM (
       SELECT "eventName" AS name FROM "JourneyTrigger" WHERE "workspaceId" = $1::uuid AND "eventName" IS NOT NULL
       UNION
       SELECT CASE WHEN listened = $2 THEN $3 ELSE listened END
         FROM "JourneyVersion" v JOIN "Journey" j ON j.id = v."journeyId", unnest(v."listenedEvents") AS listened
        WHERE j."workspaceId" = $1::uuid AND j.status IN ('LIVE', 'PAUSED')
     ) names`,
    journey.workspaceId,
    profileChangeToken,
    systemEventNames.identify,
  );
}
