import type { SqlDriver } from '@tideflow/db';
import type { SegmentQuery } from '@tideflow/domain';

/**
 * Planner settings for segment queries. They scan whole workspaces with large compiled
 * predicates, so their estimated cost crosses Postgres's JIT thresholds: compiling the
 * expressions took 0.6–2 s on 1M users (bench/segments), more than it saved. Off (no-op on
 * PGlite, which has no JIT).
 */
export const segmentQuerySettings: Readonly<Record<string, string>> = { jit: 'off' };

/** Runs a compiled segment query (members, estimate) with `segmentQuerySettings`. */
export async function runSegmentQuery<Row>(sql: SqlDriver, query: SegmentQuery): Promise<Row[]> {
  return sql.transaction(async (tx) => (await tx.query<Row>(query.text, query.params)).rows, { settings: { ...segmentQuerySettings } });
}
