import { z } from 'zod';

/**
 * RFM: users who did the chosen event in the window are scored 1–5 on
 * recency (last time), frequency (count) and monetary value (sum of the
 * amount property), by quintile among those users; buckets are ranges of
 * scores, as in the classic RFM segment map.
 */
export const RfmBucket = z.enum(['champions', 'loyal', 'potentialLoyalists', 'newCustomers', 'promising', 'needAttention', 'atRisk', 'cannotLoseThem', 'hibernating', 'lost']);
export type RfmBucket = z.infer<typeof RfmBucket>;

export interface RfmRange {
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/** Score ranges (inclusive) per bucket. A user may fall in more than one of the broader buckets. */
export const rfmBuckets: Record<RfmBucket, { label: string; ranges: RfmRange }> = {
  champions: { label: 'Champions: bought recently, often, and spend the most', ranges: { r: [4, 5], f: [4, 5], m: [4, 5] } },
  loyal: { label: 'Loyal: buy often', ranges: { r: [3, 5], f: [4, 5], m: [1, 5] } },
  potentialLoyalists: { label: 'Potential loyalists: recent, a few purchases', ranges: { r: [4, 5], f: [2, 3], m: [1, 5] } },
  newCustomers: { label: 'New customers: bought recently, once', ranges: { r: [5, 5], f: [1, 1], m: [1, 5] } },
  promising: { label: 'Promising: fairly recent, once', ranges: { r: [3, 4], f: [1, 1], m: [1, 5] } },
  needAttention: { label: 'Need attention: average recency and frequency', ranges: { r: [3, 3], f: [2, 3], m: [1, 5] } },
  atRisk: { label: 'At risk: bought often, but long ago', ranges: { r: [1, 2], f: [3, 5], m: [1, 5] } },
  cannotLoseThem: { label: 'Cannot lose them: spent the most, long ago', ranges: { r: [1, 1], f: [4, 5], m: [4, 5] } },
  hibernating: { label: 'Hibernating: long ago, rarely', ranges: { r: [1, 2], f: [1, 2], m: [1, 5] } },
  lost: { label: 'Lost: longest ago, once, little', ranges: { r: [1, 1], f: [1, 1], m: [1, 2] } },
};

/** Which buckets a user with these scores falls into (pure; for previews and tests). */
export function rfmBucketsOf(scores: { r: number; f: number; m: number }): RfmBucket[] {
  return RfmBucket.options.filter((bucket) => {
    const { ranges } = rfmBuckets[bucket];
    return (['r', 'f', 'm'] as const).every((axis) => scores[axis] >= ranges[axis][0] && scores[axis] <= ranges[axis][1]);
  });
}
