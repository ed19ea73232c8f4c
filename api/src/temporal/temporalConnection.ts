import { Client, Connection } from '@temporalio/client';
import type { TemporalConfig } from '@tideflow/workflows';
import type { TemporalAccess } from '../graphql/context';

/**
 * Keeps trying to reach Temporal in the background, so the API serves ingestion
 * and queries even while Temporal starts or restarts; `current()` is null until connected.
 */
export function connectTemporalInBackground(config: TemporalConfig, log: (message: string) => void) {
  let access: TemporalAccess | null = null;
  let connection: Connection | null = null;
  let stopped = false;
  const ready = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        connection = await Connection.connect({ address: config.address, connectTimeout: '3s' });
        access = { client: new Client({ connection, namespace: config.namespace }), taskQueue: config.taskQueue };
        return access;
      } catch (error) {
        if (attempt === 1 || attempt % 10 === 0) log(`Temporal at ${config.address} is not reachable yet (${(error as Error).message}); retrying`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    return null;
  })();
  return {
    current: () => access,
    ready,
    async check() {
      if (!connection) throw new Error(`not connected to ${config.address}`);
      await connection.healthService.check({});
    },
    async close() {
      stopped = true;
      await connection?.close();
    },
  };
}
