import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { type JourneyRun, type PrismaClient, sqlDriverOf } from '@tideflow/db';
import type { JourneyDefinition } from '@tideflow/domain';
import { searchAttributes } from '../searchAttributes';
import type { journeyRunV3 } from '../workflows';
import type { JourneyEvent, JourneyRunInput } from './journeyRunTypes';
import { journeyEventsSignal } from './journeySignals';

export interface TemporalTarget {
  client: Client;
  taskQueue: string;
}

/**
 * Starts a recorded run's workflow with signal-with-start: the trigger event
 * is the signal, so a start repeated by a retry or a second process is
 * harmless (an already finished run is not started again either).
 */
export async function startJourneyRun(temporal: TemporalTarget, prisma: PrismaClient, run: JourneyRun, definition: JourneyDefinition, journeyName: string): Promise<void> {
  const trigger = run.triggerEvent as unknown as JourneyEvent;
  const input: JourneyRunInput = {
    runId: run.id,
    workspaceId: run.workspaceId,
    journeyId: run.journeyId,
    journeyName,
    version: run.version,
    userId: run.userId,
    entryNumber: run.entryNumber,
    enteredAt: run.enteredAt.toISOString(),
    definition,
    triggerNodeId: run.triggerNodeId,
    trigger,
  };
  try {
    await temporal.client.workflow.signalWithStart<typeof journeyRunV3, [JourneyEvent[]]>('journeyRunV3', {
      workflowId: run.workflowId,
      taskQueue: temporal.taskQueue,
      args: [input],
      signal: journeyEventsSignal,
      signalArgs: [[trigger]],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: searchAttributes.workspaceId, value: run.workspaceId },
        { key: searchAttributes.journeyId, value: run.journeyId },
        { key: searchAttributes.journeyVersion, value: run.version },
        { key: searchAttributes.userId, value: run.userId },
      ],
      memo: { journey: journeyName, version: run.version, user: run.userId, entry: run.entryNumber, trigger: trigger.name },
      staticSummary: `Journey "${journeyName}" v${run.version} for user ${run.userId} (entry ${run.entryNumber})`,
    });
  } catch (error) {
    // Closed with this id already: the run happened; nothing to start.
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  await sqlDriverOf(prisma).query(`UPDATE "JourneyRun" SET "workflowStartedAt" = $2::timestamptz WHERE id = $1::uuid AND "workflowStartedAt" IS NULL`, [run.id, new Date().toISOString()]);
}
