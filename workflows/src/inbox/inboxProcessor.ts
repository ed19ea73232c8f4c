/**
 * The drain loop shared by the journey and segment inbox processors: woken right
 * after ingestion commits and on a timer, a drain takes batches until the queue is
 * empty; wakes during a drain coalesce into one more drain, so no event waits for
 * the next tick and no two drains of one process overlap.
 */
export abstract class InboxProcessor {
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly reportError?: (error: unknown) => void) {}

  /** Processes one batch of the queue; returns how many rows it took (0 when the queue is empty). */
  protected abstract drainOnce(): Promise<number>;

  /** Extra periodic work beside the drain (e.g. a sweep for what was left behind). */
  protected onTick(): Promise<void> {
    return Promise.resolve();
  }

  /** Processes the queue soon; calls while a drain runs coalesce into one more drain. */
  wake(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drainQueue()
      .catch((error) => this.reportError?.(error))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once the queue is empty, including what a drain already under way is processing. */
  async drain(): Promise<void> {
    await this.draining?.catch(() => undefined);
    await this.drainQueue();
  }

  start(intervalMs = 5_000): void {
    this.timer ??= setInterval(() => {
      this.wake();
      void this.onTick().catch((error) => this.reportError?.(error));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.draining;
  }

  private async drainQueue(): Promise<void> {
    while ((await this.drainOnce()) > 0);
  }
}
