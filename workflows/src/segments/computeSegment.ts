import type { PrismaClient, SqlDriver } from '@tideflow/db';
import { SegmentDefinition, segmentMembersQuery } from '@tideflow/domain';
import { loadSegmentCatalog } from './segmentCatalog';
import { applyMembershipChanges, type MembershipOutcome } from './segmentMembership';
import { runSegmentQuery, segmentQuerySettings } from './segmentQueries';

export interface SegmentComputation extends MembershipOutcome {
  size: number;
}

/**
 * Computes a segment's members in full and moves users in and out. The first
 * build of a segment (`silent`) fills membership directly, without events: it
 * says who is in, not who just entered. Later recomputations record each
 * entry and exit, as live updates do.
 */
export async function recomputeSegment(prisma: PrismaClient, sql: SqlDriver, segmentId: string, options: { silent?: boolean; now?: Date } = {}): Promise<SegmentComputation> {
  const now = options.now ?? new Date();
  const segment = await prisma.segment.findUniqueOrThrow({ where: { id: segmentId } });
  if (!segment.definition) return { size: segment.size, entered: [], exited: [] };
  try {
    const definition = SegmentDefinition.parse(segment.definition);
    const { sqlContext } = await loadSegmentCatalog(prisma, segment.workspaceId);
    const members = segmentMembersQuery(definition, sqlContext(now));
    const current = `SELECT "userId" AS id FROM "SegmentMember" WHERE "segmentId" = $${members.params.length + 1}::uuid`;
    const params = [...members.params, segment.id];
    let outcome: MembershipOutcome;
    if (options.silent) {
      await sql.transaction(async (tx) => {
        await tx.query(`DELETE FROM "SegmentMember" WHERE "segmentId" = $1::uuid`, [segment.id]);
        await tx.query(`UPDATE "SegmentMembershipPeriod" SET "exitedAt" = $2::timestamptz WHERE "segmentId" = $1::uuid AND "exitedAt" IS NULL`, [segment.id, now.toISOString()]);
        await tx.query(
          `WITH members AS (${members.text}),
                stored AS (INSERT INTO "SegmentMember" ("segmentId", "userId", "workspaceId", "enteredAt") SELECT $${params.length}::uuid, id, $1::uuid, $${params.length + 1}::timestamptz FROM members RETURNING "userId")
           INSERT INTO "SegmentMembershipPeriod" ("segmentId", "userId", "workspaceId", "enteredAt") SELECT $${params.length}::uuid, "userId", $1::uuid, $${params.length + 1}::timestamptz FROM stored`,
          [...params, now.toISOString()],
        );
      }, { settings: { ...segmentQuerySettings } });
      outcome = { entered: [], exited: [] };
    } else {
      const [toEnter, toExit] = await Promise.all([
        runSegmentQuery<{ id: string }>(sql, { text: `${members.text} EXCEPT ${current}`, params }),
        runSegmentQuery<{ id: string }>(sql, { text: `${current} EXCEPT (${members.text})`, params }),
      ]);
      outcome = await applyMembershipChanges(sql, segment, { enter: toEnter.map((r) => r.id), exit: toExit.map((r) => r.id) }, now);
    }
    const size = await prisma.segmentMember.count({ where: { segmentId: segment.id } });
    await recordSize(prisma, segment.id, size, now, { status: 'READY', computedAt: now, lastError: null });
    return { size, ...outcome };
  } catch (error) {
    await prisma.segment.update({ where: { id: segment.id }, data: { status: 'FAILED', lastError: (error as Error).message.slice(0, 2000) } });
    throw error;
  }
}

/** The exact size, and today's point of the size trend. */
export async function recordSize(prisma: PrismaClient, segmentId: string, size: number, now: Date, extra: { status?: 'READY' | 'COMPUTING' | 'FAILED'; computedAt?: Date; lastError?: string | null } = {}): Promise<void> {
  const day = new Date(now.toISOString().slice(0, 10));
  await prisma.$transaction([
    prisma.segment.update({ where: { id: segmentId }, data: { size, ...extra } }),
    prisma.segmentSize.upsert({ where: { segmentId_day: { segmentId, day } }, create: { segmentId, day, size }, update: { size } }),
  ]);
}
