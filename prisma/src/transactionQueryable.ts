import type { Prisma } from './generated/client';
import type { SqlQueryable } from './sqlDriver';

/**
 * A Prisma interactive transaction seen as a `SqlQueryable`, so SQL helpers
 * written for the driver (inbox queues, system events) also run inside a
 * transaction that Prisma's ORM calls share. `rowCount` counts the rows the
 * statement returned: give writes a RETURNING clause where it matters.
 */
export function transactionQueryable(tx: Prisma.TransactionClient): SqlQueryable {
  return {
    async query<Row = Record<string, unknown>>(text: string, params: unknown[] = []) {
      const rows = await tx.$queryRawUnsafe<Row[]>(text, ...params);
      return { rows, rowCount: rows.length };
    },
  };
}
