import type { PrismaClient } from '@tideflow/db';
import { durationMs, describeDuration, isValidTimeZone, nextAllowedTime, parseDateValue, userAttribute, valueAtPath, type WaitUntilSettings } from '@tideflow/domain';
import type { JourneyEvent } from '../../journeys/journeyRunTypes';
import { recordPosition, type RunPosition } from './runRecords';
import { loadRunUser, userFactsOf } from './runUser';

export interface WaitUntilPlan {
  /** When to continue; null: continue now (the reason says why). */
  untilMs: number | null;
  reason: string;
}

/** Resolves a wait-until that depends on the user (attribute date, time of day in their time zone) or on the trigger. */
export async function planWaitUntil(prisma: PrismaClient, runId: string, settings: WaitUntilSettings, trigger: JourneyEvent, nowMs: number): Promise<WaitUntilPlan> {
  if (settings.mode === 'absolute') return { untilMs: Date.parse(settings.at), reason: `until ${settings.at}` };
  const user = await loadRunUser(prisma, runId);
  if (settings.mode === 'timeOfDay') {
    const userZone = user?.timezone && isValidTimeZone(user.timezone) ? user.timezone : null;
    const zone = userZone ?? settings.fallbackTimezone;
    const zoneNote = userZone ? `user's time zone ${zone}` : `fallback time zone ${zone}`;
    const untilMs = nextAllowedTime(nowMs, settings.time, settings.weekdays, isValidTimeZone(zone) ? zone : 'UTC');
    return { untilMs, reason: `until ${settings.time} on ${settings.weekdays.join('/')} (${zoneNote})` };
  }
  const raw = settings.source === 'user' ? (user ? userAttribute(userFactsOf(user), settings.path) : undefined) : valueAtPath(trigger.properties, settings.path.replace(/^properties\./, ''));
  const base = parseDateValue(raw);
  const subject = `${settings.source === 'user' ? 'user' : 'event'}.${settings.path}`;
  if (base === null) return { untilMs: null, reason: `${subject} is ${raw === undefined ? 'missing' : `not a date (${JSON.stringify(raw)})`}: continued at once` };
  const shift = settings.offset ? (settings.offset.direction === 'before' ? -1 : 1) * durationMs(settings.offset.duration) : 0;
  const offsetText = settings.offset ? `${describeDuration(settings.offset.duration)} ${settings.offset.direction} ` : '';
  return { untilMs: base + shift, reason: `until ${offsetText}${subject} (${new Date(base).toISOString()})` };
}

export function createWaitUntilActivities(deps: { prisma: PrismaClient }) {
  return {
    async planJourneyWaitUntil(input: RunPosition & { nodeId: string; settings: WaitUntilSettings; trigger: JourneyEvent; nowMs: number }): Promise<WaitUntilPlan> {
      await recordPosition(deps.prisma, { ...input, currentNodeId: input.nodeId });
      return planWaitUntil(deps.prisma, input.run.runId, input.settings, input.trigger, input.nowMs);
    },
  };
}
