import path from 'node:path';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { databaseConfigFromEnv, defaultDataDir, describeDatabase, openDatabase } from '@tideflow/db';
import { createTideflowWorker, JourneyInboxProcessor, JourneyVersionCache, SecretBox, SegmentInboxProcessor, ensureSegmentSweepSchedule, resumeSegmentUploads, temporalConfigFromEnv } from '@tideflow/workflows';
import { credentialsFile, ensureDemoAdmin, ensureDemoWorkspace } from './seed/demoWorkspace';
import { createApiServer } from './server';
import { connectTemporalInBackground } from './temporal/temporalConnection';

const log = (message: string) => console.log(`[api] ${message}`);

/**
 * The API process: database (migrated on start), first-run demo workspace,
 * HTTP API on API_PORT, and, unless WORKER=external, the Temporal worker.
 * Embedded PGlite allows one process, so there the worker must run here.
 */
async function main() {
  const dataDir = process.env.TIDEFLOW_DATA_DIR ?? defaultDataDir;
  const port = Number(process.env.API_PORT ?? 4000);
  const dbConfig = databaseConfigFromEnv();
  const temporalConfig = temporalConfigFromEnv();
  const runWorker = process.env.WORKER !== 'external' || dbConfig.kind === 'pglite';

  const db = await openDatabase(dbConfig);
  const applied = await db.migrate();
  log(`${describeDatabase(dbConfig)}: ${applied.length ? `applied ${applied.map((name) => path.basename(name)).join(', ')}` : 'schema up to date'}`);
  const demo = await ensureDemoWorkspace(db.prisma, dataDir);
  if (demo) {
    log(`Created the demo workspace "${demo.workspaceSlug}" with sample users and events. Credentials (also in ${credentialsFile(dataDir)}):`);
    log(`  write key  (ingestion, /v1/*):         ${demo.writeKey}`);
    log(`  secret key (GraphQL, Bearer token):    ${demo.secretKey}`);
    log(`  app sign-in:                           ${demo.adminEmail} / ${demo.adminPassword}`);
  }
  const admin = await ensureDemoAdmin(db.prisma, dataDir);
  if (admin) log(`Created the demo admin for the app: ${admin.email} / ${admin.password} (also in ${credentialsFile(dataDir)})`);

  // This process decides when the worker stops (after the HTTP server), so no signal handlers of Temporal's own.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const temporal = connectTemporalInBackground(temporalConfig, log);
  const secrets = SecretBox.fromEnv(dataDir);
  const journeyVersions = new JourneyVersionCache(db.prisma);
  const journeyProcessor = new JourneyInboxProcessor({ prisma: db.prisma, temporal: temporal.current, versions: journeyVersions, onError: (error) => console.error('[journeys]', error) });
  journeyProcessor.start();
  const segmentProcessor = new SegmentInboxProcessor({ prisma: db.prisma, sql: db.sql, onMembershipChanged: () => journeyProcessor.wake(), onError: (error) => console.error('[segments]', error) });
  segmentProcessor.start();
  const resumed = await resumeSegmentUploads(db.prisma, db.sql, dataDir, (error) => console.error('[segments] upload failed', error));
  if (resumed) log(`Resuming ${resumed} segment upload(s) interrupted by the last stop`);
  void temporal.ready.then(async (access) => {
    journeyProcessor.wake();
    if (access) await ensureSegmentSweepSchedule(access, Number(process.env.SEGMENT_SWEEP_MINUTES ?? 5)).catch((error) => console.error('[segments] could not schedule the sweep', error));
  });
  const api = createApiServer({
    secrets,
    journeyVersions,
    journeyProcessor,
    segmentProcessor,
    dataDir,
    db,
    graphiql: process.env.NODE_ENV !== 'production',
    allowedOrigins: (process.env.WEB_ORIGINS ?? `http://localhost:${process.env.WEB_PORT ?? 3000}`).split(','),
    temporal: temporal.current,
    healthChecks: { temporal: temporal.check },
  });
  await api.listen(port);
  log(`Listening on http://localhost:${port} (GraphQL /graphql, ingestion /v1, health /healthz)`);

  let worker: Worker | null = null;
  let workerRun: Promise<void> | null = null;
  if (runWorker) {
    void temporal.ready.then(async () => {
      worker = await createTideflowWorker({ prisma: db.prisma, secrets, temporal: temporalConfig });
      workerRun = worker.run();
      log(`Worker polling task queue "${temporalConfig.taskQueue}" at ${temporalConfig.address}`);
      await workerRun;
    }).catch((error) => console.error('[api] worker stopped with an error', error));
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await api.close();
    await segmentProcessor.stop();
    await journeyProcessor.stop();
    const running = worker as Worker | null;
    if (running?.getState() === 'RUNNING') running.shutdown();
    await workerRun?.catch(() => undefined);
    await temporal.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('[api] failed to start:', error);
  process.exit(1);
});
