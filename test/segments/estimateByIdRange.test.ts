import { idRangeSample } from '@tideflow/domain';
import { ago, all, attribute, day, minute, openSegmentLab, type SegmentLab } from './segmentLab';

/**
 * The estimate while editing on large workspaces samples users by id range (previewSegment): the users
 * whose id is below a bound that covers the share asked for, read through the user and event indexes
 * directly. Ids here are spread evenly over the uuid space, so the range holds a known set of users.
 */

let lab: SegmentLab;
const count = 400;
const name = (i: number) => `r${String(i).padStart(3, '0')}`;
/** The i-th of `count` ids spread evenly over the 128-bit space (the middle of its slot). */
const spreadUuid = (i: number) => {
  const hex = (((2n ** 128n) * BigInt(2 * i + 1)) / BigInt(2 * count)).toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
/** User i ordered i % 4 times in the last week. */
const orders = (i: number) => i % 4;
const twoOrdersUnder300 = all(attribute('n', 'lessThan', { value: 300 }), {
  type: 'behaviour',
  event: { kind: 'event', name: 'Order Completed' },
  did: true,
  count: { rule: 'atLeast', times: 2 },
  window: { kind: 'last', amount: 7, unit: 'days' },
  filters: [],
});

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { n: 'NUMBER' } });
  await lab.addUsers(
    Array.from({ length: count }, (_, i) => ({
      id: name(i),
      uuid: spreadUuid(i),
      lastSeenAt: ago(i * minute),
      traits: { n: i },
      events: Array.from({ length: orders(i) }, (_, k) => ({ name: 'Order Completed', at: ago((k + 1) * day) })),
    })),
  );
});
afterAll(() => lab?.close());

it('the bound covers the share asked for, exactly', () => {
  expect(idRangeSample(25)).toEqual({ below: '40000000-0000-0000-0000-000000000000', fraction: 0.25 });
  expect(idRangeSample(100).fraction).toBe(1);
  // Never less than 1/1024 of the users.
  expect(idRangeSample(0.01).fraction).toBeCloseTo(1 / 1024, 5);
});

it('counts the members among the users below the bound (attribute and event conditions both narrowed to the range)', async () => {
  const members = await lab.members(twoOrdersUnder300);
  expect(members).toHaveLength(150);
  const quarter = await lab.estimate(twoOrdersUnder300, 25, 1_000, 'idRange');
  // Users 0–99 have ids below 0x40000000-…; of them, those with 2 or 3 orders.
  const expected = Array.from({ length: 100 }, (_, i) => i).filter((i) => orders(i) >= 2).map(name);
  expect(quarter.sample).toEqual(expected);
  expect(quarter.matched).toBe(50);
  // Scaled by the range's share, as previewSegment does: 50 / 0.25, against 150 members (the range is not representative of n < 300 here by design).
  expect(quarter.matched / idRangeSample(25).fraction).toBe(200);
});

it('is deterministic and nested as the share grows; at 100% it is the exact count', async () => {
  const at = (percent: number) => lab.estimate(twoOrdersUnder300, percent, 1_000, 'idRange');
  const [ten, fifty, fiftyAgain, whole] = [await at(10), await at(50), await at(50), await at(100)];
  expect(fiftyAgain).toEqual(fifty);
  expect(ten.sample.every((id) => fifty.sample.includes(id))).toBe(true);
  expect(fifty.matched).toBe(100);
  expect(whole.matched).toBe(150);
  expect(whole.sample).toEqual(await lab.members(twoOrdersUnder300));
});

it('returns the most recently seen members first when the sample is cut', async () => {
  const firstFive = await lab.estimate(twoOrdersUnder300, 25, 5, 'idRange');
  expect(firstFive.matched).toBe(50);
  // lastSeenAt falls with i: the first five members of the range by recency.
  expect(firstFive.sample).toEqual(['r002', 'r003', 'r006', 'r007', 'r010']);
});
