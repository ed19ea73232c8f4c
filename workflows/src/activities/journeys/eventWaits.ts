import type { PrismaClient } from '@tideflow/db';
import { compare, type JourneyNodeOf, type JsonObject, matchesPropertyFilters, valueAtPath } from '@tideflow/domain';
import type { JourneyEvent, JourneyRunIdentity } from '../../journeys/journeyRunTypes';
import { recordPosition, type RunPosition } from './runRecords';

type WaitSettings = JourneyNodeOf<'waitForEvent'>['settings'];

/**
 * The first stored event since `since` that the wait accepts. It covers the
 * moments when no signal could reach the run: before it listened, and a
 * signal lost to a crash.
 */
export async function findMatchingEvent(prisma: PrismaClient, run: JourneyRunIdentity, settings: WaitSettings, triggerProperties: JsonObject, since: Date, exclude: readonly string[]): Promise<JourneyEvent | null> {
  const owner = await prisma.journeyRun.findUnique({ where: { id: run.runId }, select: { userId: true } });
  if (!owner) return null;
  const expectedKey = settings.matchTrigger ? valueAtPath(triggerProperties, settings.matchTrigger.triggerProperty) : undefined;
  if (settings.matchTrigger && (expectedKey === undefined || expectedKey === null || typeof expectedKey === 'object')) return null;
  const rows = await prisma.event.findMany({
    where: { workspaceId: run.workspaceId, userId: owner.userId, name: settings.eventName, timestamp: { gte: since }, messageId: { notIn: [...exclude] } },
    orderBy: { timestamp: 'asc' },
    take: 1000,
    select: { messageId: true, name: true, properties: true, timestamp: true },
  });
  for (const row of rows) {
    const properties = row.properties as JsonObject;
    if (!matchesPropertyFilters(properties, settings.filters)) continue;
    if (settings.matchTrigger && !compare(valueAtPath(properties, settings.matchTrigger.eventProperty), 'eq', expectedKey as string | number | boolean)) continue;
    return { messageId: row.messageId, name: row.name, properties, timestamp: row.timestamp.toISOString() };
  }
  return null;
}

/** Which events a wait accepts: those that happened from `since` on, other than the ones the run has seen. */
interface EventQuery {
  settings: WaitSettings;
  triggerProperties: JsonObject;
  since: string;
  exclude: string[];
}

export function createEventWaitActivities(deps: { prisma: PrismaClient }) {
  return {
    /** Starts listening for the event (signals are routed by `listeningTo`) and returns one already stored, if any. */
    async startJourneyEventWait(input: RunPosition & EventQuery & { nodeId: string; waitingSince: string; listeningTo: string[] }): Promise<JourneyEvent | null> {
      await recordPosition(deps.prisma, { ...input, currentNodeId: input.nodeId, waitingSince: input.waitingSince, listeningTo: input.listeningTo });
      return findMatchingEvent(deps.prisma, input.run, input.settings, input.triggerProperties, new Date(input.since), input.exclude);
    },

    async findJourneyEvent(input: EventQuery & { run: JourneyRunIdentity }): Promise<JourneyEvent | null> {
      return findMatchingEvent(deps.prisma, input.run, input.settings, input.triggerProperties, new Date(input.since), input.exclude);
    },
  };
}
