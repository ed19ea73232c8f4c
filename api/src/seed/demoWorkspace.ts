import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@tideflow/db';
import { validateSegmentBatch } from '@tideflow/domain';
import { addMember } from '../auth/accounts';
import { createApiKey } from '../auth/apiKeys';
import { ingestMessages } from '../ingestion/ingestMessages';
import { createWorkspace } from '../workspaces/createWorkspace';
import { demoSegmentCalls } from './demoData';
import { createDemoJourneys } from './demoJourneys';

export interface DemoCredentials {
  workspaceId: string;
  workspaceSlug: string;
  writeKey: string;
  secretKey: string;
  /** The demo admin who signs in to the app. */
  adminEmail?: string;
  adminPassword?: string;
}

export const demoAdminEmail = 'admin@demo.tideflow.local';

export const credentialsFile = (dataDir: string) => path.join(dataDir, 'credentials.json');

/**
 * On first start, a demo workspace with a write key, a secret key, a month
 * of sample store activity (ingested through the real ingestion path) and a
 * live abandoned-cart journey, a demo admin who signs in to the app, and the
 * keys written to `.data/credentials.json` (mode 600). Later starts keep everything.
 */
export async function ensureDemoWorkspace(prisma: PrismaClient, dataDir: string, now = new Date()): Promise<DemoCredentials | null> {
  if ((await prisma.workspace.count()) > 0) return null;
  const workspace = await createWorkspace(prisma, { name: 'Demo Store', slug: 'demo', timezone: 'Asia/Bangkok' });
  const write = await createApiKey(prisma, workspace.id, 'WRITE', 'Demo write key');
  const secret = await createApiKey(prisma, workspace.id, 'SECRET', 'Demo secret key');

  const calls = demoSegmentCalls(now);
  for (let start = 0; start < calls.length; start += 500) {
    const batch = validateSegmentBatch({ batch: calls.slice(start, start + 500) }, { receivedAt: now, newMessageId: randomUUID });
    if (!batch.ok) throw new Error(`demo data is invalid: ${JSON.stringify(batch.problems.slice(0, 3))}`);
    await ingestMessages(prisma, workspace.id, batch.messages);
  }
  const purchases = await prisma.eventDefinition.findMany({ where: { workspaceId: workspace.id, name: { in: ['buy_byCOD', 'buy_byCC'] } } });
  await prisma.eventGroup.create({ data: { workspaceId: workspace.id, name: 'Purchase', description: 'Orders paid by card or cash on delivery', events: { connect: purchases.map((d) => ({ id: d.id })) } } });

  await createDemoJourneys(prisma, workspace.id);

  const adminPassword = randomBytes(12).toString('base64url');
  await addMember(prisma, { workspaceId: workspace.id, email: demoAdminEmail, name: 'Demo Admin', password: adminPassword, role: 'ADMIN' });
  const credentials: DemoCredentials = { workspaceId: workspace.id, workspaceSlug: workspace.slug, writeKey: write.key, secretKey: secret.key, adminEmail: demoAdminEmail, adminPassword };
  await mkdir(dataDir, { recursive: true });
  await writeFile(credentialsFile(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}

/**
 * Data directories from before accounts existed have a demo workspace but no
 * one to sign in: this adds the demo admin once and records the password.
 */
export async function ensureDemoAdmin(prisma: PrismaClient, dataDir: string): Promise<{ email: string; password: string } | null> {
  if ((await prisma.account.count()) > 0) return null;
  const workspace = await prisma.workspace.findFirst({ orderBy: { createdAt: 'asc' } });
  if (!workspace) return null;
  const password = randomBytes(12).toString('base64url');
  await addMember(prisma, { workspaceId: workspace.id, email: demoAdminEmail, name: 'Demo Admin', password, role: 'ADMIN' });
  const file = credentialsFile(dataDir);
  let credentials: Record<string, unknown> = {};
  try {
    credentials = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {}
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...credentials, adminEmail: demoAdminEmail, adminPassword: password }, null, 2)}\n`, { mode: 0o600 });
  return { email: demoAdminEmail, password };
}
