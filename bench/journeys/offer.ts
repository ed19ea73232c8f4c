import { nowMs, sleepUntil } from './clock';

/** When each item was offered and when the system accepted it (epoch ms). */
export interface Offered {
  sentAt: number[];
  acceptedAt: number[];
}

/**
 * Open-loop pacing at a steady rate: chunk k of `perTick` items is offered at start + k × tickMs,
 * whether or not earlier chunks have been answered (a closed loop would slow down with the system
 * and hide its latency). `send` offers one chunk and resolves once it is accepted.
 */
export async function offerPaced<T>(items: T[], perTick: number, tickMs: number, send: (chunk: T[], firstIndex: number) => Promise<void>): Promise<Offered> {
  const sentAt = new Array<number>(items.length);
  const acceptedAt = new Array<number>(items.length);
  const inFlight: Promise<void>[] = [];
  let failure: unknown = null;
  const start = nowMs() + 20;
  for (let first = 0, tick = 0; first < items.length && failure === null; first += perTick, tick++) {
    await sleepUntil(start + tick * tickMs);
    const chunk = items.slice(first, first + perTick);
    const sent = nowMs();
    inFlight.push(
      send(chunk, first).then(
        () => {
          const accepted = nowMs();
          for (let i = 0; i < chunk.length; i++) {
            sentAt[first + i] = sent;
            acceptedAt[first + i] = accepted;
          }
        },
        (error) => void (failure ??= error),
      ),
    );
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return { sentAt, acceptedAt };
}

/** Closed loop, as fast as the system takes it: `concurrency` senders each offer the next chunk once their last one is accepted. */
export async function offerBurst<T>(items: T[], chunkSize: number, concurrency: number, send: (chunk: T[], firstIndex: number) => Promise<void>): Promise<Offered> {
  const sentAt = new Array<number>(items.length);
  const acceptedAt = new Array<number>(items.length);
  let next = 0;
  const sender = async () => {
    while (next < items.length) {
      const first = next;
      next += chunkSize;
      const chunk = items.slice(first, first + chunkSize);
      const sent = nowMs();
      await send(chunk, first);
      const accepted = nowMs();
      for (let i = 0; i < chunk.length; i++) {
        sentAt[first + i] = sent;
        acceptedAt[first + i] = accepted;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, Math.ceil(items.length / chunkSize)) }, () =>
      sender().catch((error) => {
        next = items.length;
        throw error;
      }),
    ),
  );
  return { sentAt, acceptedAt };
}
