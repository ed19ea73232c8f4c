import type { Prisma, PrismaClient } from '@tideflow/db';
import type { JourneyRunEnd, JourneyRunIdentity, JourneyStep } from '../../journeys/journeyRunTypes';

type Db = PrismaClient | Prisma.TransactionClient;

/** Writes step-log lines; `(runId, seq)` is unique, so a retried activity adds nothing twice. */
export async function persistSteps(db: Db, run: JourneyRunIdentity, steps: readonly JourneyStep[]): Promise<void> {
  if (!steps.length) return;
  await db.journeyRunStep.createMany({
    data: steps.map((step) => ({
      runId: run.runId,
      journeyId: run.journeyId,
      seq: step.seq,
      nodeId: step.nodeId,
      kind: step.kind,
      branch: step.branch ?? null,
      reason: step.reason ?? null,
      messageId: step.messageId ?? null,
      at: new Date(step.at),
    })),
    skipDuplicates: true,
  });
}

export interface RunPosition {
  run: JourneyRunIdentity;
  steps: JourneyStep[];
  convertedAt: string | null;
}

/** Steps plus where the run stands, in one transaction. Ended runs are left as they are. */
export async function recordPosition(
  prisma: PrismaClient,
  position: RunPosition & { currentNodeId?: string | null; waitingSince?: string | null; listeningTo?: string[] },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await persistSteps(tx, position.run, position.steps);
    await tx.journeyRun.updateMany({
      where: { id: position.run.runId, status: 'ACTIVE' },
      data: {
        ...(position.currentNodeId !== undefined ? { currentNodeId: position.currentNodeId } : {}),
        ...(position.waitingSince !== undefined ? { waitingSince: position.waitingSince ? new Date(position.waitingSince) : null } : {}),
        ...(position.listeningTo !== undefined ? { listeningTo: position.listeningTo } : {}),
        ...(position.convertedAt ? { convertedAt: new Date(position.convertedAt) } : {}),
      },
    });
  });
}

export function createRunRecordActivities(deps: { prisma: PrismaClient }) {
  return {
    /** Where the run is now and which events it listens to; writes buffered steps. */
    async recordJourneyProgress(input: RunPosition & { currentNodeId: string; waitingSince: string | null; listeningTo: string[] }): Promise<void> {
      await recordPosition(deps.prisma, input);
    },

    /** The run's end: status, reason, time; it stops listening to events. */
    async finishJourneyRun(input: RunPosition & { status: JourneyRunEnd; reason: string }): Promise<void> {
      await deps.prisma.$transaction(async (tx) => {
        await persistSteps(tx, input.run, input.steps);
        await tx.journeyRun.updateMany({
          where: { id: input.run.runId, status: 'ACTIVE' },
          data: {
            status: input.status,
            endReason: input.reason.slice(0, 1000),
            endedAt: new Date(),
            waitingSince: null,
            listeningTo: [],
            ...(input.convertedAt ? { convertedAt: new Date(input.convertedAt) } : {}),
          },
        });
      });
    },
  };
}
