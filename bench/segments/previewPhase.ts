import { performance } from 'node:perf_hooks';
import type { Database } from '@tideflow/db';
import { segmentMembersQuery } from '@tideflow/domain';
import { loadSegmentCatalog, previewSegment, runSegmentQuery } from '@tideflow/workflows';
import type { SegmentKey } from './definitions';
import type { CreatedSegment } from './workspaceState';

export interface PreviewResult {
  key: SegmentKey;
  /** Wall time of previewSegment (validation, user count, sampled estimate), each run. */
  wallMs: number[];
  medianMs: number;
  maxMs: number;
  estimate: number;
  exact: number;
  /** (estimate − exact) / exact. */
  relativeError: number;
  samplePercent: number;
  exactPreview: boolean;
}

/**
 * previewSegment as the GraphQL resolver calls it while a marketer edits, on the whole workspace
 * (1M users: a deterministic sample), timed `runs` times each; its estimate against the exact size
 * counted right after with the same definition at the same moment.
 */
export async function previewPhase(db: Database, workspaceId: string, segments: CreatedSegment[], runs: number, log: (message: string) => void): Promise<PreviewResult[]> {
  const results: PreviewResult[] = [];
  for (const segment of segments) {
    const wallMs: number[] = [];
    let preview: Awaited<ReturnType<typeof previewSegment>> | null = null;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      preview = await previewSegment(db.prisma, workspaceId, segment.definition);
      wallMs.push(performance.now() - started);
    }
    if (preview!.problems.length) throw new Error(`preview of ${segment.key} found problems: ${JSON.stringify(preview!.problems)}`);
    const { sqlContext } = await loadSegmentCatalog(db.prisma, workspaceId);
    const members = segmentMembersQuery(segment.definition, sqlContext(new Date()));
    const [row] = await runSegmentQuery<{ n: number }>(db.sql, { text: `SELECT count(*)::int AS n FROM (${members.text}) m`, params: members.params });
    const exact = row!.n;
    const sorted = [...wallMs].sort((a, b) => a - b);
    const result: PreviewResult = {
      key: segment.key,
      wallMs,
      medianMs: sorted[Math.floor(sorted.length / 2)]!,
      maxMs: sorted[sorted.length - 1]!,
      estimate: preview!.size,
      exact,
      relativeError: exact === 0 ? (preview!.size === 0 ? 0 : Infinity) : (preview!.size - exact) / exact,
      samplePercent: preview!.samplePercent,
      exactPreview: preview!.exact,
    };
    results.push(result);
    log(`  ${segment.key.padEnd(10)} ${result.medianMs.toFixed(0)} ms (max ${result.maxMs.toFixed(0)}): estimate ${result.estimate.toLocaleString('en-US')} vs exact ${exact.toLocaleString('en-US')} (${(result.relativeError * 100).toFixed(1)}%, ${result.samplePercent.toFixed(1)}% sample)`);
  }
  return results;
}
