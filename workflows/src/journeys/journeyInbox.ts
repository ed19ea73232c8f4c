import type { Prisma } from '@tideflow/db';

/**
 * Queues stored events for the journey processor, inside the ingestion
 * transaction: an event that matters to a journey is never lost between its
 * commit and its processing. Only names some live or paused journey cares
 * about are queued, so ingestion without journeys pays one small lookup.
 */
export async function queueForJourneys(tx: Prisma.TransactionClient, workspaceId: string, events: ReadonlyArray<{ id: string; name: string }>): Promise<number> {
  if (!events.length) return 0;
  const interest = await tx.journeyEventInterest.findMany({ where: { workspaceId }, select: { eventName: true } });
  if (!interest.length) return 0;
  const names = new Set(interest.map((row) => row.eventName));
  const queued = events.filter((event) => names.has(event.name)).map((event) => ({ workspaceId, eventId: event.id }));
  if (!queued.length) return 0;
  return (await tx.journeyInbox.createMany({ data: queued, skipDuplicates: true })).count;
}
