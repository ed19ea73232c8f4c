import { databaseConfigFromEnv, defaultDataDir, describeDatabase, openDatabase } from '@tideflow/db';
import { SecretBox } from '../secrets/secretBox';
import { createTideflowWorker } from '../worker';
import { temporalConfigFromEnv } from '../temporalConfig';

/**
 * The standalone worker's sticky cache, sized with its heap limit (`--max-old-space-size` in the
 * `worker` script): at ~0.4 MiB a cached run, 1,000 runs keep the process under 1 GiB however
 * large the backlog of runs in flight (bench/journeys). Runs beyond it are replayed when they wake.
 */
const standaloneCachedWorkflows = 1000;

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
  temporal.cachedWorkflows ??= standaloneCachedWorkflows;
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
