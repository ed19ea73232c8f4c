import { databaseConfigFromEnv, defaultDataDir, describeDatabase, openDatabase } from '@tideflow/db';
import { SecretBox } from '../secrets/secretBox';
import { createTideflowWorker } from '../worker';
import { standaloneWorkerCachedWorkflows, temporalConfigFromEnv } from '../temporalConfig';

/**
 * A standalone worker (`npm run worker`), for Postgres deployments. With the
 * embedded PGlite the API process runs the worker itself: PGlite allows one process.
 */
async function main() {
  const config = databaseConfigFromEnv();
  if (config.kind === 'pglite') {
    console.error('The standalone worker needs DATABASE_URL=postgres://…; with embedded PGlite the API server runs the worker in its own process.');
    process.exit(2);
  }
  const db = await openDatabase(config);
  const temporal = temporalConfigFromEnv();
  temporal.cachedWorkflows ??= standaloneWorkerCachedWorkflows;
  const secrets = SecretBox.fromEnv(process.env.TIDEFLOW_DATA_DIR ?? defaultDataDir);
  const worker = await createTideflowWorker({ prisma: db.prisma, secrets, temporal });
  console.log(`Worker on task queue "${temporal.taskQueue}" at ${temporal.address}, database ${describeDatabase(config)}`);
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await worker.run();
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
