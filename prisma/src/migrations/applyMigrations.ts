import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { readMigrationsList, readSchema } from './migrationsDirectory';
import { noSchemaFilter, withSchemaEngine } from './schemaEngine';

/**
 * Applies pending migrations from `prisma/migrations/` and records them in
 * `_prisma_migrations`, as `prisma migrate deploy` would.
 */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  return withSchemaEngine(await readSchema(), adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noSchemaFilter });
    return result.appliedMigrationNames;
  });
}
