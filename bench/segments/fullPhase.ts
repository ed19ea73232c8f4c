import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from '@tideflow/db';
import { segmentMembersQuery } from '@tideflow/domain';
import { loadSegmentCatalog, segmentQuerySettings } from '@tideflow/workflows';
import type { SegmentKey } from './definitions';
import type { CreatedSegment } from './workspaceState';

export interface FullComputation {
  key: SegmentKey;
  description: string;
  members: number;
  /** Both queries returned exactly the same user ids. */
  sameUsers: boolean;
  /** Users only one of them returned (0 and 0 when sameUsers). */
  onlyCompiled: number;
  onlyHandWritten: number;
  compiledMs: number[];
  handWrittenMs: number[];
  compiled: { medianMs: number; minMs: number };
  handWritten: { medianMs: number; minMs: number };
  /** Median compiled / median hand-written (the target: ≤ 1.5). */
  ratio: number;
  /** Server-side execution time of one EXPLAIN (ANALYZE, BUFFERS) run each, for the report; plans are written to bench/.out. */
  explain: { compiledMs: number; handWrittenMs: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const plansDir = path.join(__dirname, '..', '.out', 'segments-plans');

/**
 * Full computation: the members query compiled from each definition (what recomputeSegment runs),
 * against the hand-written twin, on the same driver and with the product's settings for segment
 * queries (the `pg` pool under Prisma, `segmentQuerySettings`, rows fetched to the process), warm: one untimed run each (which also checks that
 * both return the same users), then `rounds` rounds alternating which of the two goes first.
 */
export async function fullComputationPhase(db: Database, workspaceId: string, anchor: Date, segments: CreatedSegment[], rounds: number, log: (message: string) => void): Promise<FullComputation[]> {
  const { sqlContext } = await loadSegmentCatalog(db.prisma, workspaceId);
  const context = sqlContext(anchor);
  const run = async (text: string, params: unknown[]) => {
    const started = performance.now();
    const { rows } = await db.sql.transaction((tx) => tx.query<{ id?: string; userId?: string }>(text, params), { settings: { ...segmentQuerySettings } });
    return { ms: performance.now() - started, ids: rows.map((row) => (row.id ?? row.userId)!) };
  };
  mkdirSync(plansDir, { recursive: true });
  const results: FullComputation[] = [];
  for (const segment of segments) {
    const compiled = segmentMembersQuery(segment.definition, context);
    const hand = { text: segment.handWritten, params: [workspaceId, anchor.toISOString(), ...segment.handParams] };
    const [a, b] = [await run(compiled.text, compiled.params), await run(hand.text, hand.params)];
    const setA = new Set(a.ids);
    const setB = new Set(b.ids);
    const onlyCompiled = a.ids.filter((id) => !setB.has(id)).length;
    const onlyHandWritten = b.ids.filter((id) => !setA.has(id)).length;
    const sameUsers = onlyCompiled === 0 && onlyHandWritten === 0 && setA.size === a.ids.length && setB.size === b.ids.length;
    const compiledMs: number[] = [];
    const handWrittenMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['compiled', 'hand'] as const) : (['hand', 'compiled'] as const);
      for (const which of order) {
        if (which === 'compiled') compiledMs.push((await run(compiled.text, compiled.params)).ms);
        else handWrittenMs.push((await run(hand.text, hand.params)).ms);
      }
    }
    const explain = async (label: string, text: string, params: unknown[]) => {
      const { rows } = await db.sql.transaction((tx) => tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params), { settings: { ...segmentQuerySettings } });
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      writeFileSync(path.join(plansDir, `${segment.key}-${label}.txt`), `${text}\n\n-- params: ${JSON.stringify(params)}\n\n${plan}\n`);
      return Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
    };
    const result: FullComputation = {
      key: segment.key,
      description: segment.description,
      members: a.ids.length,
      sameUsers,
      onlyCompiled,
      onlyHandWritten,
      compiledMs,
      handWrittenMs,
      compiled: { medianMs: median(compiledMs), minMs: Math.min(...compiledMs) },
      handWritten: { medianMs: median(handWrittenMs), minMs: Math.min(...handWrittenMs) },
      ratio: median(compiledMs) / median(handWrittenMs),
      explain: { compiledMs: await explain('compiled', compiled.text, compiled.params), handWrittenMs: await explain('hand', hand.text, hand.params) },
    };
    results.push(result);
    log(
      `  ${segment.key.padEnd(10)} ${result.members.toLocaleString('en-US').padStart(8)} members${sameUsers ? '' : ` (DIFFERENT: ${onlyCompiled} only compiled, ${onlyHandWritten} only hand-written)`}: compiled ${result.compiled.medianMs.toFixed(0)} ms, hand-written ${result.handWritten.medianMs.toFixed(0)} ms → ${result.ratio.toFixed(2)}x`,
    );
  }
  return results;
}
