import { performance } from 'node:perf_hooks';

/**
 * Epoch milliseconds with sub-millisecond resolution, monotonic within this process. Every time the
 * benchmark records (event accepted, webhook received, workflow started) uses this clock, and the
 * Temporal server's close times share the machine's wall clock.
 */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves at epoch ms `at` (at once if it has passed). */
export const sleepUntil = (at: number) => sleep(Math.max(0, at - nowMs()));
