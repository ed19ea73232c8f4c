import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDemoWorkspace } from '@tideflow/api';
import type { Database } from '@tideflow/db';
import { openTestDatabase } from '../support';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

it('seeds the demo workspace once: keys in credentials.json, sample data, a live journey', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tideflow-demo-'));
  const demo = await ensureDemoWorkspace(db.prisma, dataDir, new Date('2026-11-20T12:00:00Z'));
  expect(demo).not.toBeNull();
  const file = path.join(dataDir, 'credentials.json');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(demo);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  const workspaceId = demo!.workspaceId;
  expect(await db.prisma.user.count({ where: { workspaceId } })).toBeGreaterThan(100);
  expect(await db.prisma.event.count({ where: { workspaceId } })).toBeGreaterThan(1000);
  const journeys = await db.prisma.journey.findMany({ where: { workspaceId }, include: { triggers: true } });
  expect(journeys.map((j) => [j.name, j.status, j.latestVersion])).toEqual([['Abandoned cart', 'LIVE', 1]]);
  expect(journeys[0]!.triggers.map((t) => [t.kind, t.eventName])).toEqual([['EVENT', 'Added To Cart']]);
  expect(await db.prisma.journeyEventInterest.count({ where: { workspaceId } })).toBe(2);

  expect(await ensureDemoWorkspace(db.prisma, dataDir)).toBeNull();
});
