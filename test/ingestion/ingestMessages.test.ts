import type { Database } from '@tideflow/db';
import { validateSegmentBatch } from '@tideflow/domain';
import { createWorkspace, ingestMessages } from '@tideflow/api';
import { openTestDatabase } from '../support/testDatabase';

let db: Database;
let workspaceId: string;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  workspaceId = (await createWorkspace(db.prisma, { name: 'Acme', slug: 'acme' })).id;
});
afterAll(() => db.close());

async function send(batch: object[]) {
  const result = validateSegmentBatch({ batch }, { receivedAt: new Date(), newMessageId: () => `gen-${++n}` });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return ingestMessages(db.prisma, workspaceId, result.messages);
}

it('stores events, builds profiles and the catalogs', async () => {
  const result = await send([
    { type: 'identify', userId: 'u1', traits: { email: 'u1@example.com', plan: 'pro', seats: 3 }, messageId: 'i1' },
    { type: 'track', userId: 'u1', event: 'Order Completed', properties: { total: 99 }, messageId: 't1', context: { locale: 'th-TH' } },
  ]);
  expect(result).toMatchObject({ received: 2, stored: 2, duplicates: 0, dropped: 0 });
  const user = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'u1' } });
  expect(user).toMatchObject({ email: 'u1@example.com', locale: 'th-TH', traits: { plan: 'pro', seats: 3 } });
  const definitions = await db.prisma.eventDefinition.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } });
  expect(definitions.map((d) => [d.name, Number(d.count)])).toEqual([
    ['Order Completed', 1],
    ['User Identified', 1],
  ]);
  const seats = await db.prisma.attributeDefinition.findFirstOrThrow({ where: { workspaceId, name: 'seats' } });
  expect(seats).toMatchObject({ type: 'NUMBER', system: false, displayName: 'Seats' });
});

it('stores a repeated messageId once and still accepts it', async () => {
  const first = await send([{ type: 'track', userId: 'u2', event: 'Viewed', messageId: 'dup-1' }]);
  const again = await send([{ type: 'track', userId: 'u2', event: 'Viewed', messageId: 'dup-1' }]);
  expect(first.stored).toBe(1);
  expect(again).toMatchObject({ stored: 0, duplicates: 1 });
  expect(await db.prisma.event.count({ where: { workspaceId, messageId: 'dup-1' } })).toBe(1);
});

it('merges an anonymous profile into the known user on identify', async () => {
  await send([{ type: 'track', userId: 'known-3', event: 'Signed Up', messageId: 'k3' }]);
  await send([
    { type: 'page', anonymousId: 'anon-3', name: 'Pricing', messageId: 'a3-1', context: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' } },
    { type: 'identify', anonymousId: 'anon-3', traits: { favourite: 'blue' }, messageId: 'a3-2' },
  ]);
  const anonymous = await db.prisma.userIdentity.findFirstOrThrow({ where: { workspaceId, value: 'anon-3' } });
  expect(await db.prisma.event.count({ where: { userId: anonymous.userId } })).toBe(2);

  await send([{ type: 'identify', userId: 'known-3', anonymousId: 'anon-3', traits: { plan: 'free' }, messageId: 'k3-2' }]);
  const known = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'known-3' }, include: { identities: true } });
  expect(known.traits).toEqual({ plan: 'free', favourite: 'blue' });
  expect(known.browser).toBe('Chrome 120');
  expect(known.identities.map((i) => [i.kind, i.value])).toEqual([['ANONYMOUS', 'anon-3']]);
  expect(await db.prisma.event.count({ where: { userId: known.id } })).toBe(4);
  expect(await db.prisma.user.count({ where: { id: anonymous.userId } })).toBe(0);
});

it('alias folds the previous id into the user and keeps it resolvable', async () => {
  await send([{ type: 'track', userId: 'old-4', event: 'A', messageId: 'o4' }, { type: 'track', userId: 'new-4', event: 'B', messageId: 'n4' }]);
  await send([{ type: 'alias', previousId: 'old-4', userId: 'new-4', messageId: 'al4' }]);
  await send([{ type: 'track', userId: 'old-4', event: 'C', messageId: 'o4-2' }]);
  const user = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'new-4' }, include: { identities: true } });
  expect(user.identities.map((i) => [i.kind, i.value])).toEqual([['ALIAS', 'old-4']]);
  expect((await db.prisma.event.findMany({ where: { userId: user.id }, orderBy: { messageId: 'asc' } })).map((e) => e.messageId)).toEqual(['al4', 'n4', 'o4', 'o4-2']);
  expect(await db.prisma.user.count({ where: { workspaceId, externalId: 'old-4' } })).toBe(0);
});

it('accepts and drops events whose definition is blocked, counting them', async () => {
  await send([{ type: 'track', userId: 'u5', event: 'Noise', messageId: 'noise-1' }]);
  await db.prisma.eventDefinition.update({ where: { workspaceId_name: { workspaceId, name: 'Noise' } }, data: { status: 'BLOCKED' } });
  const result = await send([{ type: 'track', userId: 'u5', event: 'Noise', messageId: 'noise-2' }, { type: 'track', anonymousId: 'only-noise', event: 'Noise', messageId: 'noise-3' }]);
  expect(result).toMatchObject({ received: 2, stored: 0, dropped: 2 });
  const definition = await db.prisma.eventDefinition.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'Noise' } } });
  expect([Number(definition.count), Number(definition.droppedCount)]).toEqual([1, 2]);
  expect(await db.prisma.userIdentity.count({ where: { workspaceId, value: 'only-noise' } })).toBe(0);
});

it('handles concurrent batches about the same new users without duplicates', async () => {
  const batches = Array.from({ length: 6 }, (_, b) =>
    Array.from({ length: 20 }, (_, i) => ({ type: 'track', userId: `c-${i}`, anonymousId: `ca-${i}`, event: 'Concurrent', messageId: `c-${b}-${i}` })),
  );
  await Promise.all(batches.map(send));
  expect(await db.prisma.user.count({ where: { workspaceId, externalId: { startsWith: 'c-' } } })).toBe(20);
  expect(await db.prisma.event.count({ where: { workspaceId, name: 'Concurrent' } })).toBe(120);
  const definition = await db.prisma.eventDefinition.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'Concurrent' } } });
  expect(Number(definition.count)).toBe(120);
});

it('keeps 150 custom attributes on one user', async () => {
  const traits = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`attr_${i}`, i]));
  await send([{ type: 'identify', userId: 'wide', traits, messageId: 'wide-1' }]);
  const user = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'wide' } });
  expect(Object.keys(user.traits as object)).toHaveLength(150);
  expect(await db.prisma.attributeDefinition.count({ where: { workspaceId, name: { startsWith: 'attr_' } } })).toBe(150);
});

it('resolves a user merged away by another process meanwhile (the remembered identity is stale)', async () => {
  await send([{ type: 'track', userId: 'gone-7', event: 'Viewed', messageId: 'g7-1' }]);
  const gone = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'gone-7' } });
  // What alias(gone-7 → kept-7) does in another API process: this one still remembers gone-7 as its own user.
  const kept = await db.prisma.user.create({ data: { workspaceId, externalId: 'kept-7' } });
  await db.prisma.$transaction([
    db.prisma.event.updateMany({ where: { userId: gone.id }, data: { userId: kept.id } }),
    db.prisma.userIdentity.create({ data: { workspaceId, userId: kept.id, kind: 'ALIAS', value: 'gone-7' } }),
    db.prisma.user.delete({ where: { id: gone.id } }),
  ]);

  const result = await send([{ type: 'track', userId: 'gone-7', event: 'Viewed', messageId: 'g7-2' }]);
  expect(result).toMatchObject({ stored: 1 });
  expect(result.accepted.map((a) => a.userId)).toEqual([kept.id]);
  expect((await db.prisma.event.findMany({ where: { userId: kept.id }, orderBy: { messageId: 'asc' } })).map((e) => e.messageId)).toEqual(['g7-1', 'g7-2']);
  expect(await db.prisma.user.count({ where: { workspaceId, externalId: 'gone-7' } })).toBe(0);
});

it('a resent message changes nothing: its old context does not overwrite the newer one', async () => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';
  const first = { type: 'track', userId: 'resend-8', event: 'Resent Viewed', messageId: 'r8-1', timestamp: '2026-01-01T10:00:00.000Z', context: { userAgent: chrome } };
  await send([first]);
  await send([{ type: 'track', userId: 'resend-8', event: 'Resent Viewed', messageId: 'r8-2', timestamp: '2026-01-02T10:00:00.000Z', context: { userAgent: firefox } }]);
  const again = await send([first, { type: 'identify', userId: 'resend-8', anonymousId: 'resend-anon-8', messageId: 'r8-3' }]);
  expect(again).toMatchObject({ received: 2, stored: 1, duplicates: 1 });
  expect(again.accepted.map((a) => a.message.messageId)).toEqual(['r8-3']);
  const resentIdentify = await send([{ type: 'identify', userId: 'resend-8', anonymousId: 'resend-anon-8', messageId: 'r8-3' }]);
  expect(resentIdentify).toMatchObject({ stored: 0, duplicates: 1, accepted: [] });
  const user = await db.prisma.user.findFirstOrThrow({ where: { workspaceId, externalId: 'resend-8' }, include: { identities: true } });
  expect(user.browser).toBe('Firefox 121');
  expect(user.identities.map((i) => i.value)).toEqual(['resend-anon-8']);
  expect(Number((await db.prisma.eventDefinition.findUniqueOrThrow({ where: { workspaceId_name: { workspaceId, name: 'Resent Viewed' } } })).count)).toBe(2);
});
