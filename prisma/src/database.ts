import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type DatabaseConfig, databaseConfigFromEnv } from './databaseConfig';
import { PrismaClient } from './generated/client';
import { applyMigrations } from './migrations/applyMigrations';

export interface Database {
  prisma: PrismaClient;
  config: DatabaseConfig;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Postgres pool size. PGlite is always a single connection. */
  poolSize?: number;
}

/**
 * Opens the configured database. PGlite is single-connection, so in embedded
 * mode exactly one process (the API server, which also hosts the Temporal
 * worker) may open a given data directory.
 */
export async function openDatabase(config: DatabaseConfig = databaseConfigFromEnv(), options: OpenDatabaseOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    const adapterFactory = new PrismaPg({ connectionString: config.url, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    return {
      prisma,
      config,
      migrate: () => applyMigrations(new PrismaPg({ connectionString: config.url, max: 2 })),
      close: () => prisma.$disconnect(),
    };
  }

  if (config.dataDir !== 'memory://') mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir === 'memory://' ? undefined : config.dataDir);
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    config,
    migrate: () => applyMigrations(adapterFactory),
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
