import { type CalendarSpec, type Client, type DayOfWeek, type Month, MONTHS, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleSpec } from '@temporalio/client';
import type { AudienceSchedule, JourneyNodeOf, Weekday } from '@tideflow/domain';
import { searchAttributes } from '../searchAttributes';
import { workflowIds } from '../workflowIds';
import type { journeyAudienceEntry } from '../workflows';
import type { TemporalTarget } from './startJourneyRun';

type ScheduleTriggerNode = JourneyNodeOf<'scheduleTrigger'>;

const days: Record<Weekday, DayOfWeek> = { mon: 'MONDAY', tue: 'TUESDAY', wed: 'WEDNESDAY', thu: 'THURSDAY', fri: 'FRIDAY', sat: 'SATURDAY', sun: 'SUNDAY' };

/** The Temporal Schedule spec of an audience schedule, in the trigger's time zone. */
export function scheduleSpecOf(schedule: AudienceSchedule, timezone: string): { spec: ScheduleSpec; once: boolean } {
  const at = (time: string) => {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return { hour, minute };
  };
  let calendar: CalendarSpec;
  switch (schedule.kind) {
    case 'once': {
      // An instant: expressed in UTC, whatever the trigger's zone.
      const date = new Date(schedule.at);
      calendar = { year: date.getUTCFullYear(), month: MONTHS[date.getUTCMonth()] as Month, dayOfMonth: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), comment: `once at ${schedule.at}` };
      return { spec: { calendars: [calendar], timezone: 'UTC' }, once: true };
    }
    case 'daily':
      calendar = { ...at(schedule.time), comment: `daily at ${schedule.time}` };
      break;
    case 'weekly':
      calendar = { ...at(schedule.time), dayOfWeek: schedule.weekdays.map((day) => days[day]), comment: `weekly on ${schedule.weekdays.join(', ')} at ${schedule.time}` };
      break;
    case 'monthly':
      calendar = { ...at(schedule.time), dayOfMonth: schedule.dayOfMonth, comment: `monthly on day ${schedule.dayOfMonth} at ${schedule.time}` };
      break;
  }
  return { spec: { calendars: [calendar], timezone }, once: false };
}

export interface JourneyScheduleTarget {
  workspaceId: string;
  journeyId: string;
  journeyName: string;
}

/**
 * Makes the journey's Temporal Schedules match its scheduled-audience
 * triggers: one per trigger node, paused while the journey is, and removed
 * for nodes that are gone (or when the journey stops).
 */
export async function syncJourneySchedules(temporal: TemporalTarget, journey: JourneyScheduleTarget, nodes: ScheduleTriggerNode[], removedNodeIds: string[], paused: boolean): Promise<void> {
  const { client } = temporal;
  for (const nodeId of removedNodeIds) await deleteSchedule(client, workflowIds.journeySchedule(journey.journeyId, nodeId));
  for (const node of nodes) {
    const scheduleId = workflowIds.journeySchedule(journey.journeyId, node.id);
    const { spec, once } = scheduleSpecOf(node.settings.schedule, node.settings.timezone);
    const action = {
      type: 'startWorkflow' as const,
      workflowType: 'journeyAudienceEntry',
      workflowId: scheduleId,
      taskQueue: temporal.taskQueue,
      args: [{ workspaceId: journey.workspaceId, journeyId: journey.journeyId, nodeId: node.id }] as Parameters<typeof journeyAudienceEntry>,
      typedSearchAttributes: [
        { key: searchAttributes.workspaceId, value: journey.workspaceId },
        { key: searchAttributes.journeyId, value: journey.journeyId },
      ],
      staticSummary: `Scheduled audience of journey "${journey.journeyName}"`,
    };
    const state = { paused, note: paused ? 'journey paused' : `journey "${journey.journeyName}" is live`, ...(once ? { remainingActions: 1 } : {}) };
    const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' };
    const handle = client.schedule.getHandle(scheduleId);
    try {
      await handle.update((previous) => ({ ...previous, spec, action, policies, state: { ...state } }));
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
      await client.schedule.create({ scheduleId, spec, action, policies, state, memo: { journey: journey.journeyName }, typedSearchAttributes: action.typedSearchAttributes });
    }
  }
}

async function deleteSchedule(client: Client, scheduleId: string): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleId).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}
