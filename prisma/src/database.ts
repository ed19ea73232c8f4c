import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import { type DatabaseConfig, databaseConfigFromEnv } from './databaseConfig';
import { PrismaClient } from './generated/client';
import { applyMigrations } from './migrations/applyMigrations';
import { pgliteSqlDriver, pgSqlDriver, type SqlDriver } from './sqlDriver';

export interface Database {
  prisma: PrismaClient;
  /** The driver under `prisma`, for paths that only run SQL (ingestion). */
  sql: SqlDriver;
  config: DatabaseConfig;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Postgres pool size (shared by Prisma and `sql`). PGlite is always a single connection. */
  poolSize?: number;
}

const driverOfClient = new WeakMap<PrismaClient, SqlDriver>();

/**
 * The driver under a client made by `openDatabase`, so code handed only the
 * Prisma client can still run its SQL on the same pool (or PGlite instance).
 */
export function sqlDriverOf(prisma: PrismaClient): SqlDriver {
  const driver = driverOfClient.get(prisma);
  if (!driver) throw new Error('This PrismaClient was not created by openDatabase(), so it has no SQL driver; pass Database.sql instead');
  return driver;
}

/**
 * How long a transaction waits for a pooled connection (PGlite: for its one connection). Work queued
 * beyond the pool's size — the worker runs up to 100 local activities at once — waits its turn, in
 * Prisma's interactive transactions as in the driver's, instead of failing after Prisma's default 2 s.
 */
const connectionWaitMs = 30_000;
const transactionOptions = { maxWait: connectionWaitMs };

/**
 * Opens the configured database. PGlite is single-connection, so in embedded
 * mode exactly one process (the API server, which also hosts the Temporal
 * worker) may open a given data directory.
 */
export async function openDatabase(config: DatabaseConfig = databaseConfigFromEnv(), options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    // One pool for Prisma and the raw driver, so ingestion adds no connections of its own.
    const pool = new Pool({ connectionString: config.url, max: options.poolSize ?? 10 });
    // An idle connection the server dropped is already out of the pool; the next query opens a new one.
    pool.on('error', () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
    const sql = pgSqlDriver(pool, { connectTimeoutMs: connectionWaitMs });
    driverOfClient.set(prisma, sql);
    return {
      prisma,
      sql,
      config,
      migrate: () => applyMigrations(new PrismaPg({ connectionString: config.url, max: 2 })),
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  // Loaded only here: PGlite and its adapter cost ~50 MB of memory a Postgres deployment never uses.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  if (config.dataDir !== 'memory://') mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir === 'memory://' ? undefined : config.dataDir);
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions });
  const sql = pgliteSqlDriver(pglite);
  driverOfClient.set(prisma, sql);
  return {
    prisma,
    sql,
    config,
    migrate: () => applyMigrations(adapterFactory),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
