import type { PrismaClient } from '@tideflow/db';

/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Postgres error codes worth retrying the whole transaction for. */
const retryableCodes = new Set(['40P01', '40001']);

function isRetryable(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? '') + JSON.stringify((error as { meta?: unknown })?.meta ?? '');
  return [...retryableCodes].some((code) => text.includes(code)) || /deadlock detected|could not serialize/i.test(text);
}

/** Runs `work` in a transaction, retrying deadlocks and serialization failures a few times. */
export async function inTransaction<T>(prisma: PrismaClient, work: (tx: Transaction) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, { timeout: 60_000, maxWait: 30_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}
