/**
 * The API server under test, in its own process so its memory can be measured
 * on its own: opens the (already migrated) database, creates a workspace and a
 * write key, listens on a free port and reports port and key to the parent.
 * For PGlite this process is the only one that opens the data directory.
 */
import { createApiKey, createApiServer, createWorkspace } from '@tideflow/api';
import { openDatabase } from '@tideflow/db';
import { type ChildConfig, childConfigVariable, type ChildMessage, type MemoryPeaks, type ParentMessage } from './childProtocol';

/** Resolves once the message is handed to the IPC channel (so disconnecting right after loses nothing). */
const send = (message: ChildMessage) => new Promise<void>((resolve) => (process.send ? process.send(message, undefined, undefined, () => resolve()) : resolve()));

async function main() {
  const config = JSON.parse(process.env[childConfigVariable] ?? 'null') as ChildConfig | null;
  if (!config || !process.send) throw new Error(`apiChild.ts is started by run.ts (over IPC, with ${childConfigVariable} set)`);
  const db = await openDatabase(config);
  const workspace = await createWorkspace(db.prisma, { name: 'Ingestion benchmark (API)', slug: `bench-api-${process.pid}` });
  const { key } = await createApiKey(db.prisma, workspace.id, 'WRITE', 'benchmark write key');
  let loggedErrors = 0;
  const firstErrors: string[] = [];
  const api = createApiServer({
    db,
    logError: (error) => {
      loggedErrors++;
      if (firstErrors.length < 5) firstErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    },
  });
  const port = await api.listen(0, '127.0.0.1');
  // Where the memory goes at its peaks (V8 heap vs. buffers), for the report.
  const peakMemory: MemoryPeaks = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const samplePeaks = () => {
    const usage = process.memoryUsage();
    for (const key of Object.keys(peakMemory) as Array<keyof MemoryPeaks>) peakMemory[key] = Math.max(peakMemory[key], usage[key]);
  };
  setInterval(samplePeaks, 50).unref();

  process.on('message', (message: ParentMessage) => {
    void (async () => {
      if (message.type === 'stats') {
        const [row] = await db.prisma.$queryRawUnsafe<Array<{ events: bigint; users: bigint; identities: bigint; definitions: bigint }>>(
          `SELECT (SELECT count(*) FROM "Event" WHERE "workspaceId" = $1::uuid) AS events,
                  (SELECT count(*) FROM "User" WHERE "workspaceId" = $1::uuid) AS users,
                  (SELECT count(*) FROM "UserIdentity" WHERE "workspaceId" = $1::uuid) AS identities,
                  (SELECT count(*) FROM "EventDefinition" WHERE "workspaceId" = $1::uuid) AS definitions`,
          workspace.id,
        );
        await send({
          type: 'stats',
          events: Number(row!.events),
          users: Number(row!.users),
          identities: Number(row!.identities),
          eventDefinitions: Number(row!.definitions),
          loggedErrors,
          firstErrors,
          rssBytes: process.memoryUsage().rss,
          maxRssBytes: process.resourceUsage().maxRSS * 1024,
          peakMemory,
        });
      } else if (message.type === 'stop') {
        await api.close();
        await db.close();
        await send({ type: 'stopped', maxRssBytes: process.resourceUsage().maxRSS * 1024 });
        process.disconnect();
      }
    })().catch((error) => void send({ type: 'failed', message: String(error) }));
  });
  // The parent went away: nothing left to serve.
  process.on('disconnect', () => process.exit(0));
  await send({ type: 'ready', port, writeKey: key, workspaceId: workspace.id, rssBytes: process.memoryUsage().rss });
}

main().catch(async (error) => {
  await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
