import { proxyActivities, upsertMemo } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { recountEventDefinitions } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, initialInterval: '1 second' },
});

/** Recounts a workspace's event catalog from its stored events. */
export async function eventCatalogRecount(input: { workspaceId: string }) {
  const result = await recountEventDefinitions(input.workspaceId);
  upsertMemo({ result: `${result.definitions} definitions, ${result.events} events` });
  return result;
}
