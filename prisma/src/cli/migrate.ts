import { databaseConfigFromEnv, describeDatabase } from '../databaseConfig';
import { openDatabase } from '../database';

/** `npm run db:migrate`: applies pending migrations to the configured database. */
async function main() {
  const config = databaseConfigFromEnv();
  const db = await openDatabase(config);
  try {
    const applied = await db.migrate();
    console.log(applied.length ? `Applied ${applied.length} migration(s) to ${describeDatabase(config)}:\n  ${applied.join('\n  ')}` : `${describeDatabase(config)} is up to date.`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
