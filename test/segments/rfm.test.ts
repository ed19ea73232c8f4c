import { type RfmBucket, RfmBucket as RfmBuckets, rfmBucketsOf } from '@tideflow/domain';
import { ago, all, day, hour, openSegmentLab, type SegmentLab, type EventSpec } from './segmentLab';

/**
 * RFM on constructed data whose quintiles are known: ten buyers with distinct
 * recency, frequency and monetary value, two per quintile on each axis, so each
 * buyer's scores (and so buckets, by rfmBucketsOf) are fixed. Then ties: buyers
 * who behaved identically must score (and be bucketed) identically.
 */

let lab: SegmentLab;
const OC = 'Order Completed';

// p0 … p9: last purchase (10 - i) days ago, so recency scores 1,1,2,2,3,3,4,4,5,5.
const buyers: Array<{ id: string; count: number; sum: number; scores: { r: number; f: number; m: number } }> = [
  { id: 'p0', count: 9, sum: 1000, scores: { r: 1, f: 5, m: 5 } },
  { id: 'p1', count: 1, sum: 100, scores: { r: 1, f: 1, m: 1 } },
  { id: 'p2', count: 7, sum: 800, scores: { r: 2, f: 4, m: 4 } },
  { id: 'p3', count: 3, sum: 400, scores: { r: 2, f: 2, m: 2 } },
  { id: 'p4', count: 5, sum: 600, scores: { r: 3, f: 3, m: 3 } },
  { id: 'p5', count: 8, sum: 700, scores: { r: 3, f: 4, m: 4 } },
  { id: 'p6', count: 10, sum: 900, scores: { r: 4, f: 5, m: 5 } },
  { id: 'p7', count: 6, sum: 500, scores: { r: 4, f: 3, m: 3 } },
  { id: 'p8', count: 2, sum: 200, scores: { r: 5, f: 1, m: 1 } },
  { id: 'p9', count: 4, sum: 300, scores: { r: 5, f: 2, m: 2 } },
];

/** `count` purchases adding up to `sum`, the last one `lastDaysAgo` days ago. */
function purchases(count: number, sum: number, lastDaysAgo: number, name = OC): EventSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name, at: ago(lastDaysAgo * day + i * hour), properties: { amount: i === 0 ? sum - (count - 1) : 1 } }));
}

beforeAll(async () => {
  lab = await openSegmentLab();
  await lab.addUsers(buyers.map((b, i) => ({ id: b.id, events: purchases(b.count, b.sum, 10 - i) })));
  await lab.addUsers([
    // Bought only outside the default 365-day window: not scored.
    { id: 'old', events: purchases(20, 5000, 400) },
    // Never bought.
    { id: 'none', events: [{ name: 'Product Viewed', at: ago(day) }] },
    // Five buyers of a Gift who behaved identically (same time, count and amount), and one who bought later.
    ...['t1', 't2', 't3', 't4', 't5'].map((id) => ({ id, events: purchases(2, 20, 30, 'Gift') })),
    { id: 't6', events: purchases(2, 20, 3, 'Gift') },
  ]);
});
afterAll(() => lab?.close());

const rfm = (bucket: RfmBucket, options: { event?: string; window?: unknown; amountProperty?: string } = {}) =>
  lab.members(all({ type: 'rfm', event: { kind: 'event', name: options.event ?? OC }, amountProperty: options.amountProperty ?? 'amount', bucket, ...(options.window ? { window: options.window } : {}) }));

it('the known quintiles put each buyer in the buckets rfmBucketsOf gives their scores', async () => {
  for (const bucket of RfmBuckets.options) {
    const expected = buyers.filter((b) => rfmBucketsOf(b.scores).includes(bucket)).map((b) => b.id);
    expect({ bucket, members: await rfm(bucket) }).toEqual({ bucket, members: expected });
  }
});

it('the classic buckets land where the construction says', async () => {
  expect(await rfm('champions')).toEqual(['p6']);
  expect(await rfm('cannotLoseThem')).toEqual(['p0']);
  expect(await rfm('lost')).toEqual(['p1']);
  expect(await rfm('newCustomers')).toEqual(['p8']);
  expect(await rfm('potentialLoyalists')).toEqual(['p7', 'p9']);
  expect(await rfm('atRisk')).toEqual(['p0', 'p2']);
  expect(await rfm('hibernating')).toEqual(['p1', 'p3']);
  expect(await rfm('loyal')).toEqual(['p5', 'p6']);
  expect(await rfm('needAttention')).toEqual(['p4']);
});

it('the window decides who is scored and on which events', async () => {
  // Ever: eleven buyers; the old one is the least recent, the most frequent and the biggest spender.
  expect(await rfm('cannotLoseThem', { window: { kind: 'ever' } })).toEqual(['old', 'p0']);
  // The last 6 days: p4 … p9, scored on their purchases in it only (p4 keeps 1 of 5): p5 (1,4,4), p8 (4,1,1), p9 (5,2,2).
  const lastSixDays = { kind: 'last', amount: 6, unit: 'days' };
  expect(await rfm('cannotLoseThem', { window: lastSixDays })).toEqual(['p5']);
  expect(await rfm('promising', { window: lastSixDays })).toEqual(['p8']);
  expect(await rfm('potentialLoyalists', { window: lastSixDays })).toEqual(['p9']);
  expect(await rfm('champions', { window: lastSixDays })).toEqual([]);
});

it('an amount property that is missing or not a number scores everyone the same on money', async () => {
  // Every monetary total is 0: the lowest score, so no one can be a champion.
  expect(await rfm('champions', { amountProperty: 'revenue' })).toEqual([]);
  expect(await rfm('lost', { amountProperty: 'revenue' })).toEqual(['p1']);
});

it('identical behaviour, identical scores: tied buyers are all in a bucket or all out of it', async () => {
  for (const bucket of RfmBuckets.options) {
    const members = (await rfm(bucket, { event: 'Gift' })).filter((id) => id !== 't6');
    expect({ bucket, tied: members.length === 0 || members.length === 5 }).toEqual({ bucket, tied: true });
  }
  // The five share the lowest scores on every axis; the later buyer is the most recent (5, 1, 1).
  expect(await rfm('lost', { event: 'Gift' })).toEqual(['t1', 't2', 't3', 't4', 't5']);
  expect(await rfm('newCustomers', { event: 'Gift' })).toEqual(['t6']);
});
