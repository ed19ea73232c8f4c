import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockfileContent, lockfileName, migrationsDir, readMigrationsList, readSchema } from './migrationsDirectory';
import { noSchemaFilter, withSchemaEngine } from './schemaEngine';

/**
 * The SQL that takes a database from the state of the committed migrations to
 * `schema.prisma`. The migrations are replayed on a throwaway in-memory PGlite
 * (the shadow database), as `prisma migrate dev` does with a real shadow DB.
 * Returns an empty string when the schema and migrations agree.
 */
export async function pendingSchemaChangeSql(): Promise<string> {
  const schema = await readSchema();
  const pglite = await PGlite.create();
  const migrationsList = await readMigrationsList();
  try {
    const result = await withSchemaEngine(schema, new PrismaPGlite(pglite), (engine) => engine.diff({
      from: migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: null,
      filters: noSchemaFilter,
    }));
    const sql = result.stdout ?? '';
    return /^\s*(--\s*This is an empty migration\.?\s*)?$/.test(sql) ? '' : sql;
  } finally {
    await pglite.close();
  }
}

/** Writes `migrations/<timestamp>_<name>/migration.sql` for the pending schema change, if any. */
export async function createMigration(name: string, now = new Date()): Promise<string | null> {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!slug) throw new Error('Migration name is required, e.g. `npm run db:migration:create -- add_segments`');
  const sql = await pendingSchemaChangeSql();
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${slug}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(path.join(migrationsDir, lockfileName), lockfileContent);
  return dir;
}
