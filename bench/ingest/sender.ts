import { performance } from 'node:perf_hooks';

export interface SendResult {
  /** From the first request sent to the last response received (every 200 means committed). */
  elapsedMs: number;
  /** Per-batch request latency, in send order. */
  latenciesMs: number[];
  stored: number;
  duplicates: number;
}

/**
 * `senders` concurrent loops, each taking the next unsent batch and POSTing it
 * to /v1/batch with the write key as Basic-auth user. Any non-200 aborts the run:
 * a benchmark of failing requests measures nothing.
 */
export async function sendBatches(baseUrl: string, writeKey: string, batches: string[], senders: number, onProgress?: (done: number) => void): Promise<SendResult> {
  const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  const latenciesMs = new Array<number>(batches.length);
  let nextBatch = 0;
  let done = 0;
  let stored = 0;
  let duplicates = 0;
  let firstSent = Infinity;
  let lastReceived = 0;

  async function sender() {
    while (nextBatch < batches.length) {
      const index = nextBatch++;
      const started = performance.now();
      firstSent = Math.min(firstSent, started);
      const response = await fetch(`${baseUrl}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: batches[index] });
      const text = await response.text();
      const finished = performance.now();
      if (response.status !== 200) throw new Error(`Batch ${index} got HTTP ${response.status}: ${text.slice(0, 500)}`);
      const body = JSON.parse(text) as { stored: number; duplicates: number };
      latenciesMs[index] = finished - started;
      lastReceived = Math.max(lastReceived, finished);
      stored += body.stored;
      duplicates += body.duplicates;
      onProgress?.(++done);
    }
  }

  const stopOthersOnFailure = (error: unknown) => {
    nextBatch = batches.length;
    throw error;
  };
  await Promise.all(Array.from({ length: Math.min(senders, batches.length) }, () => sender().catch(stopOthersOnFailure)));
  return { elapsedMs: lastReceived - firstSent, latenciesMs, stored, duplicates };
}
