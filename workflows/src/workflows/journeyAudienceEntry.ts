import { proxyActivities, upsertMemo, workflowInfo } from '@temporalio/workflow';
import type { JourneyActivities } from '../activities/journeys';

const { enterJourneyAudience } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** One tick of a scheduled-audience trigger (started by its Temporal Schedule). */
export async function journeyAudienceEntry(input: { workspaceId: string; journeyId: string; nodeId: string }) {
  // The tick's identity for idempotent entries. The schedule names a tick's workflow after the second it
  // started, so two ticks within one second (manual triggers) share a workflow id: the run id tells them apart.
  const { workflowId, runId } = workflowInfo();
  const result = await enterJourneyAudience({ ...input, tick: `${workflowId}/${runId}` });
  upsertMemo({ result: `${result.matched} matched, ${result.entered} entered, ${result.refused} refused by entry rules` });
  return result;
}
