import { RfmBucket, rfmBuckets, rfmBucketsOf } from './rfm';

describe('rfmBucketsOf', () => {
  it.each([
    [{ r: 5, f: 5, m: 5 }, ['champions', 'loyal']],
    [{ r: 4, f: 4, m: 4 }, ['champions', 'loyal']],
    [{ r: 4, f: 4, m: 3 }, ['loyal']],
    [{ r: 3, f: 5, m: 1 }, ['loyal']],
    [{ r: 5, f: 2, m: 1 }, ['potentialLoyalists']],
    [{ r: 5, f: 1, m: 5 }, ['newCustomers']],
    [{ r: 4, f: 1, m: 1 }, ['promising']],
    [{ r: 3, f: 1, m: 3 }, ['promising']],
    [{ r: 3, f: 3, m: 3 }, ['needAttention']],
    [{ r: 2, f: 3, m: 1 }, ['atRisk']],
    [{ r: 1, f: 4, m: 4 }, ['atRisk', 'cannotLoseThem']],
    [{ r: 1, f: 5, m: 3 }, ['atRisk']],
    [{ r: 2, f: 2, m: 5 }, ['hibernating']],
    [{ r: 1, f: 1, m: 2 }, ['hibernating', 'lost']],
    [{ r: 1, f: 1, m: 3 }, ['hibernating']],
    [{ r: 4, f: 1, m: 5 }, ['promising']],
  ] as const)('%o → %o', (scores, buckets) => {
    expect(rfmBucketsOf(scores)).toEqual(buckets);
  });

  it('scores outside 1–5 fall in no bucket', () => {
    expect(rfmBucketsOf({ r: 0, f: 3, m: 3 })).toEqual([]);
    expect(rfmBucketsOf({ r: 6, f: 6, m: 6 })).toEqual([]);
  });

  it('every bucket is reachable, and every score combination has a defined answer', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) for (const bucket of rfmBucketsOf({ r, f, m })) seen.add(bucket);
    expect([...seen].sort()).toEqual([...RfmBucket.options].sort());
  });

  it('every bucket has a label and ranges within 1–5', () => {
    for (const bucket of RfmBucket.options) {
      const { label, ranges } = rfmBuckets[bucket];
      expect(label.length).toBeGreaterThan(0);
      for (const [low, high] of Object.values(ranges)) expect(1 <= low && low <= high && high <= 5).toBe(true);
    }
  });
});
