import { Context } from '@temporalio/activity';
import type { PrismaClient, SqlDriver } from '@tideflow/db';
import { recomputeSegment } from '../segments/computeSegment';

export interface SegmentSweepResult {
  segments: number;
  entered: number;
  exited: number;
  failed: number;
}

/**
 * Time alone moves users in and out of segments with sliding windows,
 * relative dates or RFM scores: this recomputes those live segments (in every
 * workspace), recording each entry and exit as live updates do.
 */
export function createSegmentSweepActivities(deps: { prisma: PrismaClient; sql: SqlDriver }) {
  return {
    async sweepTimeSensitiveSegments(): Promise<SegmentSweepResult> {
      const segments = await deps.prisma.segment.findMany({ where: { kind: 'LIVE', timeSensitive: true }, select: { id: true }, orderBy: { id: 'asc' } });
      const result: SegmentSweepResult = { segments: segments.length, entered: 0, exited: 0, failed: 0 };
      for (const segment of segments) {
        Context.current().heartbeat(segment.id);
        try {
          const outcome = await recomputeSegment(deps.prisma, deps.sql, segment.id);
          result.entered += outcome.entered.length;
          result.exited += outcome.exited.length;
        } catch {
          // Recorded on the segment (status FAILED, lastError); the others still get swept.
          result.failed++;
        }
      }
      return result;
    },
  };
}
