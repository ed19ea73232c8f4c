import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApiKey, createWorkspace, ingestMessages } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { validateSegmentBatch } from '@tideflow/domain';
import { randomBytes } from 'node:crypto';
import { createTideflowWorker, runEventCatalogRecount, SecretBox, searchAttributes, workflowIds } from '@tideflow/workflows';
import { openTestDatabase, startTemporalTestEnvironment } from '../support';

let env: TestWorkflowEnvironment;
let db: Database;

beforeAll(async () => {
  [env, db] = await Promise.all([startTemporalTestEnvironment(), openTestDatabase()]);
}, 120_000);
afterAll(async () => {
  await env?.teardown();
  await db?.close();
});

it('runs the catalog recount on a real Temporal server and repairs drifted counts', async () => {
  const workspace = await createWorkspace(db.prisma, { name: 'Acme', slug: 'acme' });
  await createApiKey(db.prisma, workspace.id, 'WRITE', 'w');
  const batch = validateSegmentBatch(
    { batch: Array.from({ length: 7 }, (_, i) => ({ type: 'track', userId: `u${i % 3}`, event: i % 2 ? 'Cart Viewed' : 'Order Completed', messageId: `m${i}` })) },
    { receivedAt: new Date(), newMessageId: () => 'x' },
  );
  if (!batch.ok) throw new Error('bad fixture');
  await ingestMessages(db.prisma, workspace.id, batch.messages);
  await db.prisma.eventDefinition.updateMany({ where: { workspaceId: workspace.id }, data: { count: 999 } });

  const taskQueue = `test-${workspace.id}`;
  const worker = await createTideflowWorker({ prisma: db.prisma, secrets: new SecretBox(randomBytes(32)), connection: env.nativeConnection, temporal: { address: '', namespace: env.namespace ?? 'default', taskQueue } });
  const result = await worker.runUntil(runEventCatalogRecount(env.client, taskQueue, workspace.id));

  expect(result).toEqual({ definitions: 2, events: 7, workflowId: workflowIds.eventCatalogRecount(workspace.id) });
  const counts = await db.prisma.eventDefinition.findMany({ where: { workspaceId: workspace.id }, orderBy: { name: 'asc' } });
  expect(counts.map((d) => [d.name, Number(d.count)])).toEqual([
    ['Cart Viewed', 3],
    ['Order Completed', 4],
  ]);
  const description = await env.client.workflow.getHandle(result.workflowId).describe();
  expect(description.typedSearchAttributes.get(searchAttributes.workspaceId)).toBe(workspace.id);
});
