import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { TemporalTarget } from '../journeys/startJourneyRun';
import { workflowIds } from '../workflowIds';

/** Creates (or updates) the Temporal Schedule that sweeps time-sensitive segments every `everyMinutes`. */
export async function ensureSegmentSweepSchedule(temporal: TemporalTarget, everyMinutes = 5): Promise<void> {
  const scheduleId = workflowIds.segmentSweep;
  const spec = { intervals: [{ every: `${everyMinutes} minutes` }] };
  const action = { type: 'startWorkflow' as const, workflowType: 'segmentSweep', workflowId: scheduleId, taskQueue: temporal.taskQueue, args: [], staticSummary: 'Sweep of time-sensitive live segments' };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' };
  try {
    await temporal.client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action, policies }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await temporal.client.schedule.create({ scheduleId, spec, action, policies, memo: { purpose: 'segments with sliding windows, relative dates or RFM scores' } });
  }
}
