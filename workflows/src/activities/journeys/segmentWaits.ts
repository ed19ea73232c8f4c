import type { PrismaClient } from '@tideflow/db';
import type { JourneyRunIdentity } from '../../journeys/journeyRunTypes';
import { recordPosition, type RunPosition } from './runRecords';

export interface SegmentMembershipNow {
  member: boolean;
  segmentName: string;
}

/** Whether the run's user is in the segment now (the run row follows merged users). */
export async function membershipNow(prisma: PrismaClient, run: JourneyRunIdentity, segmentId: string): Promise<SegmentMembershipNow> {
  const owner = await prisma.journeyRun.findUnique({ where: { id: run.runId }, select: { userId: true } });
  const segment = await prisma.segment.findFirst({ where: { id: segmentId, workspaceId: run.workspaceId }, select: { name: true } });
  if (!owner || !segment) return { member: false, segmentName: segment?.name ?? segmentId };
  const member = await prisma.segmentMember.findUnique({ where: { segmentId_userId: { segmentId, userId: owner.userId } }, select: { userId: true } });
  return { member: member !== null, segmentName: segment.name };
}

export function createSegmentWaitActivities(deps: { prisma: PrismaClient }) {
  return {
    /** Starts listening for the user's membership changes and says where the user stands now. */
    async startJourneySegmentWait(input: RunPosition & { nodeId: string; segmentId: string; waitingSince: string; listeningTo: string[] }): Promise<SegmentMembershipNow> {
      await recordPosition(deps.prisma, { ...input, currentNodeId: input.nodeId, waitingSince: input.waitingSince, listeningTo: input.listeningTo });
      return membershipNow(deps.prisma, input.run, input.segmentId);
    },

    async checkJourneySegmentMembership(input: { run: JourneyRunIdentity; segmentId: string }): Promise<SegmentMembershipNow> {
      return membershipNow(deps.prisma, input.run, input.segmentId);
    },
  };
}
