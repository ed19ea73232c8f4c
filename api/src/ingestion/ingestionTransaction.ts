import type { SqlDriver, SqlQueryable } from '@tideflow/db';

/** One ingestion transaction: SQL straight on the driver's connection (see `SqlDriver`). */
export type Transaction = SqlQueryable;

/** Postgres error codes worth retrying the whole transaction for: deadlock, serialization failure. */
const retryableCodes = new Set(['40P01', '40001']);

function isRetryable(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (typeof code === 'string' && retryableCodes.has(code)) return true;
  // A user this batch resolved to was folded into another by a concurrent merge (see mergeUsers): plan again.
  if (code === '23503' && typeof constraint === 'string' && constraint.endsWith('_userId_fkey')) return true;
  return /deadlock detected|could not serialize/i.test(String((error as { message?: string } | null)?.message ?? ''));
}

/**
 * Every ingestion statement finds rows by unique keys. Without this, a table
 * that grew since it was last analyzed (a new workspace's users and identities,
 * say) can look small enough to the planner for a sequential scan per probe:
 * seconds per batch until autovacuum catches up.
 */
const indexProbesOnly = { enable_seqscan: 'off' };

/**
 * Runs `work` in a transaction, retrying deadlocks, serialization failures and
 * users merged away meanwhile a few times; `beforeRetry` runs before each retry.
 */
export async function inTransaction<T>(driver: SqlDriver, work: (tx: Transaction) => Promise<T>, { attempts = 4, beforeRetry }: { attempts?: number; beforeRetry?: () => void } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await driver.transaction(work, { settings: indexProbesOnly });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      beforeRetry?.();
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}
