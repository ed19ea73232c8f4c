import { proxyActivities, upsertMemo } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { sweepTimeSensitiveSegments } = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '5 minutes', maximumAttempts: 3 },
});

/** One pass of the periodic sweep of time-sensitive live segments (started by the `segment-sweep` Schedule). */
export async function segmentSweep() {
  const result = await sweepTimeSensitiveSegments();
  upsertMemo({ result: `${result.segments} segments: ${result.entered} entered, ${result.exited} exited${result.failed ? `, ${result.failed} failed` : ''}` });
  return result;
}
