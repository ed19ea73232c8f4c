import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows an INSERT, UPDATE or DELETE changed. */
  rowCount: number;
}

/** One connection inside a transaction: SQL text with `$1…` parameters. */
export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<Row>>;
}

/**
 * The database driver under Prisma (a `pg` pool, or the PGlite instance), for
 * hot paths that only run SQL: no query compiler, no parameter re-encoding.
 * Parameters go to the driver as they are (a string for a `$1::jsonb` is sent
 * as its text). Rows come back as the driver parses them: timestamptz as Date,
 * json as values; cast int8 to int or text, as pg and PGlite read it differently.
 */
export interface SqlDriver {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Runs one statement on its own: atomic as every statement is, in one round trip instead of the
   * three a transaction around it takes (BEGIN, the statement, COMMIT).
   */
  query: SqlQueryable['query'];
}

export interface TransactionOptions {
  /** Planner or runtime settings for this transaction only (`SET LOCAL`), e.g. `{ enable_seqscan: 'off' }`. */
  settings?: Record<string, string>;
}

/** `SET LOCAL …;` statements for `settings`; names must be plain setting names, values are quoted. */
function setLocal(settings: Record<string, string> = {}): string {
  return Object.entries(settings)
    .map(([name, value]) => {
      if (!/^[a-z_][a-z0-9_.]*$/i.test(name)) throw new Error(`Not a setting name: ${name}`);
      return `SET LOCAL ${name} = '${value.replaceAll("'", "''")}';`;
    })
    .join(' ');
}

export interface PgDriverOptions {
  /** How long to wait for a free pooled connection before failing. */
  connectTimeoutMs?: number;
}

/** Transactions on a `pg` pool: each takes a connection of its own, so they run side by side. */
export function pgSqlDriver(pool: Pool, options: PgDriverOptions = {}): SqlDriver {
  const connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
  return {
    kind: 'postgres',
    async transaction(work, transactionOptions) {
      const client = await connectWithin(pool, connectTimeoutMs);
      const tx: SqlQueryable = { query: (text, params) => pgQuery(client, text, params) };
      let broken: Error | undefined;
      try {
        // One round trip: the settings travel with BEGIN (a simple query may hold several statements).
        await client.query(`BEGIN; ${setLocal(transactionOptions?.settings)}`);
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped from the pool, not reused.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async query(text, params) {
      // A client a failed statement left unusable is not queryable any more: the pool drops it on release.
      const client = await connectWithin(pool, connectTimeoutMs);
      try {
        return await pgQuery(client, text, params);
      } finally {
        client.release();
      }
    },
  };
}

async function pgQuery<Row>(client: PoolClient, text: string, params?: unknown[]): Promise<SqlResult<Row>> {
  const result = await client.query(text, params);
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
}

function connectWithin(pool: Pool, ms: number): Promise<PoolClient> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new Error(`No database connection became free within ${ms / 1000}s`));
    }, ms);
    pool.connect().then(
      (client) => {
        clearTimeout(timer);
        // Too late: whoever asked has given up, so the connection goes straight back.
        if (timedOut) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Transactions on PGlite: it is a single connection, so `PGlite.transaction`
 * holds its transaction mutex from BEGIN to COMMIT and every other query
 * (Prisma's included, as its adapter goes through the same instance) waits.
 */
export function pgliteSqlDriver(pglite: PGlite): SqlDriver {
  return {
    kind: 'pglite',
    transaction: (work, options) =>
      pglite.transaction(async (tx) => {
        const settings = setLocal(options?.settings);
        if (settings) await tx.exec(settings);
        return work({ query: (text, params) => pgliteQuery(tx, text, params) });
      }),
    query: (text, params) => pgliteQuery(pglite, text, params),
  };
}

/** PGlite and its transactions answer queries alike. */
async function pgliteQuery<Row>(on: Pick<PGlite, 'query'>, text: string, params?: unknown[]): Promise<SqlResult<Row>> {
  const result = await on.query<Row>(text, params);
  return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
}
