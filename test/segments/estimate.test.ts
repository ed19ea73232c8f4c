import { ago, all, attribute, minute, openSegmentLab, type SegmentLab } from './segmentLab';

/**
 * segmentEstimateQuery: at 100% it counts exactly the members; below, it counts
 * the members among a deterministic sample of users (by a hash of their id), the
 * same on every run and on PGlite and Postgres alike; the returned sample is the
 * most recently seen sampled members.
 */

let lab: SegmentLab;
const count = 300;
const name = (i: number) => `n${String(i).padStart(3, '0')}`;
// Fixed ids: the sample depends only on them, so it is the same on every backend.
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const under200 = all(attribute('n', 'lessThan', { value: 200 }));
/** Members of `under200` in the 50% sample of these fixed ids (hashtext is the same function on PGlite and Postgres). */
const PINNED_FIFTY_PERCENT = 88;

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { n: 'NUMBER' } });
  await lab.addUsers(Array.from({ length: count }, (_, i) => ({ id: name(i), uuid: uuid(i), lastSeenAt: ago(i * minute), traits: { n: i } })));
});
afterAll(() => lab?.close());

it('at 100%: the exact member count, and the most recently seen members as the sample', async () => {
  const members = await lab.members(under200);
  expect(members).toHaveLength(200);
  const estimate = await lab.estimate(under200, 100, 10);
  expect(estimate.matched).toBe(200);
  expect(estimate.sample).toEqual(Array.from({ length: 10 }, (_, i) => name(i)));
  expect((await lab.estimate(under200, 100, 1_000)).sample).toEqual(members);
});

it('below 100%: a deterministic sample by id hash, nested as the percentage grows', async () => {
  const members = new Set(await lab.members(under200));
  const at = async (percent: number) => lab.estimate(under200, percent, 1_000);
  const [ten, fifty, fiftyAgain, ninety] = [await at(10), await at(50), await at(50), await at(90)];
  expect(fiftyAgain).toEqual(fifty);
  for (const estimate of [ten, fifty, ninety]) {
    expect(estimate.sample).toHaveLength(estimate.matched);
    expect(estimate.sample.every((id) => members.has(id))).toBe(true);
  }
  expect(ten.sample.every((id) => fifty.sample.includes(id))).toBe(true);
  expect(fifty.sample.every((id) => ninety.sample.includes(id))).toBe(true);
  // Roughly the share asked for.
  expect(fifty.matched).toBeGreaterThan(200 * 0.35);
  expect(fifty.matched).toBeLessThan(200 * 0.65);
  expect(ten.matched).toBeLessThan(fifty.matched);
});

it('the sample is the users whose id hash falls under the percentage: the same set on PGlite and Postgres', async () => {
  const fifty = await lab.estimate(under200, 50, 1_000);
  const rows = await lab.db.prisma.$queryRawUnsafe<Array<{ externalId: string }>>(
    `SELECT "externalId" FROM "User" WHERE "workspaceId" = $1::uuid AND (traits ->> 'n')::int < 200 AND (hashtext(id::text) & 1023) < 512 ORDER BY "externalId"`,
    lab.workspaceId,
  );
  expect(fifty.sample).toEqual(rows.map((r) => r.externalId));
  expect(fifty.matched).toBe(PINNED_FIFTY_PERCENT);
});

it('a tiny percentage still samples (at least 1/1024 of users), and an empty segment estimates 0', async () => {
  expect((await lab.estimate(under200, 0.01, 10)).matched).toBeLessThanOrEqual(200);
  const nobody = await lab.estimate(all(attribute('n', 'lessThan', { value: 0 })), 50, 10);
  expect(nobody).toEqual({ matched: 0, sample: [] });
});
