/**
 * Runs `work` over `items`, up to `concurrency` keys at a time: the items of one key one after another
 * in their given order, different keys side by side. Once an item fails no new key is started; the
 * keys already under way finish their current item, and then the first error is thrown (nothing is
 * left running behind the caller's back).
 */
export async function inOrderPerKey<T>(items: readonly T[], keyOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const waiting = [...queues.values()];
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    for (let queue = waiting.shift(); queue && !failure; queue = waiting.shift()) {
      for (const item of queue) {
        try {
          await work(item);
        } catch (error) {
          failure ??= { error };
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, waiting.length)) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}
