/** Segment's documented limits, plus the sanity bounds Tideflow adds. */
export const ingestionLimits = {
  maxMessageBytes: 32 * 1024,
  maxBatchBytes: 500 * 1024,
  maxIdLength: 255,
  maxEventNameLength: 255,
  maxJsonDepth: 32,
  maxKeyLength: 255,
  /** Timestamps before this are refused as clock garbage, not history. */
  earliestTimestamp: new Date('2000-01-01T00:00:00Z'),
  /** How far ahead of the server's clock a (corrected) timestamp may be. */
  maxFutureSkewMs: 24 * 60 * 60 * 1000,
} as const;
