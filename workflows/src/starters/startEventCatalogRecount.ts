import { type Client, WorkflowIdConflictPolicy } from '@temporalio/client';
import type { EventCatalogRecount } from '../activities';
import { searchAttributes } from '../searchAttributes';
import { workflowIds } from '../workflowIds';
import type { eventCatalogRecount } from '../workflows';

/** Starts (or joins the running) catalog recount of a workspace and waits for its result. */
export async function runEventCatalogRecount(client: Client, taskQueue: string, workspaceId: string): Promise<EventCatalogRecount & { workflowId: string }> {
  const workflowId = workflowIds.eventCatalogRecount(workspaceId);
  const handle = await client.workflow.start<typeof eventCatalogRecount>('eventCatalogRecount', {
    taskQueue,
    workflowId,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    args: [{ workspaceId }],
    typedSearchAttributes: [{ key: searchAttributes.workspaceId, value: workspaceId }],
    memo: { title: `Event catalog recount for workspace ${workspaceId}` },
  });
  return { ...(await handle.result()), workflowId };
}
