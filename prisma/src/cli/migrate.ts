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

// The WASM schema engine leaves a 10 s timer behind; don't make the shell wait for it.
main().then(() => process.exit(0), (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
