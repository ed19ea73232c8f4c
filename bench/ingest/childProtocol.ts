import type { DatabaseConfig } from '@tideflow/db';

/** Environment variable carrying the child's database config (JSON). */
export const childConfigVariable = 'BENCH_API_DATABASE';
export type ChildConfig = DatabaseConfig;

/** API child → parent. */
export type ChildMessage =
  | { type: 'ready'; port: number; writeKey: string; workspaceId: string; rssBytes: number }
  | { type: 'stats'; events: number; users: number; identities: number; eventDefinitions: number; loggedErrors: number; firstErrors: string[]; rssBytes: number; maxRssBytes: number; peakMemory: MemoryPeaks }
  | { type: 'stopped'; maxRssBytes: number }
  | { type: 'failed'; message: string };

/** Parent → API child. */
export type ParentMessage = { type: 'stats' } | { type: 'stop' };

/** Peaks of `process.memoryUsage()` fields in the API process, sampled every 50 ms (bytes). */
export interface MemoryPeaks {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
