import { performance } from 'node:perf_hooks';
import type { Database } from '@tideflow/db';
import { createSegment } from '@tideflow/workflows';
import { type BenchSegment, benchSegments, type SegmentKey } from './definitions';

export interface CreatedSegment extends BenchSegment {
  id: string;
  /** createSegment: validation, then the first (silent) full computation storing every member. */
  createMs: number;
  size: number;
}

/**
 * Puts the workspace back as the data set left it: what earlier runs added (events after the anchor,
 * segments, journeys, runs, inboxes) is removed, so every run starts from the same data.
 */
export async function resetWorkspace(db: Database, workspaceId: string, anchor: Date): Promise<{ events: number }> {
  return db.sql.transaction(async (tx) => {
    await tx.query(`DELETE FROM "JourneyInbox" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    await tx.query(`DELETE FROM "SegmentInbox" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    await tx.query(`DELETE FROM "Journey" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    await tx.query(`DELETE FROM "Segment" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    await tx.query(`DELETE FROM "SegmentEventInterest" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    await tx.query(`DELETE FROM "JourneyEventInterest" WHERE "workspaceId" = $1::uuid`, [workspaceId]);
    const { rowCount } = await tx.query(`DELETE FROM "Event" WHERE "workspaceId" = $1::uuid AND timestamp >= $2::timestamptz`, [workspaceId, anchor.toISOString()]);
    await tx.query(`DELETE FROM "EventDefinition" WHERE "workspaceId" = $1::uuid AND name IN ('Segment Entered', 'Segment Exited', 'User Identified')`, [workspaceId]);
    return { events: rowCount };
  });
}

/** The five segments as live segments, created through the product (RFM first: the nested one refers to it). */
export async function createBenchSegments(db: Database, workspaceId: string, anchor: Date, log: (message: string) => void): Promise<CreatedSegment[]> {
  const created = new Map<SegmentKey, CreatedSegment>();
  const create = async (segment: BenchSegment) => {
    const started = performance.now();
    const row = await createSegment(db.prisma, db.sql, workspaceId, 'LIVE', { name: segment.name, description: segment.description, definition: segment.definition });
    const createMs = performance.now() - started;
    log(`  created "${segment.name}": ${row.size.toLocaleString('en-US')} members (${(createMs / 1000).toFixed(1)} s)`);
    created.set(segment.key, { ...segment, id: row.id, createMs, size: row.size });
  };
  // The RFM definition does not depend on the id; the nested one needs it.
  const rfm = benchSegments(anchor, '00000000-0000-0000-0000-000000000000').find((s) => s.key === 'rfm')!;
  await create(rfm);
  const segments = benchSegments(anchor, created.get('rfm')!.id);
  for (const segment of segments) if (segment.key !== 'rfm') await create(segment);
  return segments.map((s) => ({ ...created.get(s.key)!, ...s, id: created.get(s.key)!.id }));
}
