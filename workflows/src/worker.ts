import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { PrismaClient } from '@tideflow/db';
import { createActivities } from './activities';
import type { SecretBox } from './secrets/secretBox';
import { type TemporalConfig, temporalConfigFromEnv } from './temporalConfig';

export interface TideflowWorkerOptions {
  prisma: PrismaClient;
  /** Opens channel secrets for sends. */
  secrets: SecretBox;
  temporal?: TemporalConfig;
  /** An existing connection (tests); otherwise one is opened to `temporal.address`. */
  connection?: NativeConnection;
  /** Pre-bundled workflow code (tests bundle once); otherwise bundled from ./workflows. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export const workflowsPath = require.resolve('./workflows');

/** A worker on the Tideflow task queue with every workflow and activity. */
export async function createTideflowWorker(options: TideflowWorkerOptions): Promise<Worker> {
  const temporal = options.temporal ?? temporalConfigFromEnv();
  const connection = options.connection ?? (await NativeConnection.connect({ address: temporal.address }));
  return Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    activities: createActivities({ prisma: options.prisma, secrets: options.secrets }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
  });
}
