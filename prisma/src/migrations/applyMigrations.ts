import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { readMigrationsList, readSchema } from './migrationsDirectory';
import { noSchemaFilter, openSchemaEngine } from './schemaEngine';

/**
 * Applies pending migrations from `prisma/migrations/` and records them in
 * `_prisma_migrations`, as `prisma migrate deploy` would.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(await readSchema(), adapterFactory);
  try {
    const result = await engine.applyMigrations({ migrationsList: await readMigrationsList(), filters: noSchemaFilter });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
