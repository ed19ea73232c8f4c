/**
 * The baseline's worker, in a process of its own like the journey worker (`npm run worker`), with the same
 * settings: a NativeConnection, workflow code bundled at start-up, default concurrency, the `worker`
 * script's heap limit and the standalone worker's cache (`standaloneWorkerCachedWorkflows`).
 * Started by bench/journeys/run.ts with TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_TASK_QUEUE set.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { baselineActivities } from './activities';

async function main() {
  const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const taskQueue = process.env.TEMPORAL_TASK_QUEUE;
  if (!taskQueue) throw new Error('TEMPORAL_TASK_QUEUE is not set (this worker is started by bench/journeys/run.ts)');
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    activities: baselineActivities,
    // As the journey worker: TEMPORAL_WORKER_CACHED_WORKFLOWS, else `standaloneWorkerCachedWorkflows` of
    // @tideflow/workflows (not imported: the package's index would load Prisma and the journey code here).
    maxCachedWorkflows: Number(process.env.TEMPORAL_WORKER_CACHED_WORKFLOWS || 1000),
  });
  console.log(`Baseline worker on task queue "${taskQueue}" at ${address}`);
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await worker.run();
  await connection.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
