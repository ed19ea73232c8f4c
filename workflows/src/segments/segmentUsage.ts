import type { PrismaClient } from '@tideflow/db';

export interface SegmentUser {
  kind: 'JOURNEY' | 'SEGMENT';
  id: string;
  name: string;
}

/** Journeys (draft or any published version, unless archived) and segments whose definitions mention the segment. */
export async function segmentUsers(prisma: PrismaClient, workspaceId: string, segmentId: string): Promise<SegmentUser[]> {
  const needle = JSON.stringify(segmentId);
  const [journeys, segments] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ id: string; name: string }>>(
      `SELECT j.id, j.name FROM "Journey" j
        WHERE j."workspaceId" = $1::uuid AND j.status <> 'ARCHIVED'
          AND (strpos(j.draft::text, $2) > 0 OR EXISTS (SELECT 1 FROM "JourneyVersion" v WHERE v."journeyId" = j.id AND strpos(v.definition::text, $2) > 0))
        ORDER BY j.name`,
      workspaceId,
      needle,
    ),
    prisma.segment.findMany({ where: { workspaceId, references: { has: segmentId } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  return [...journeys.map((j) => ({ kind: 'JOURNEY' as const, ...j })), ...segments.map((s) => ({ kind: 'SEGMENT' as const, ...s }))];
}
