import { Context } from '@temporalio/activity';

/**
 * Heartbeats while `work` runs. Sends declare a short heartbeat timeout, so a
 * worker that dies mid-send is noticed in seconds (not at the start-to-close
 * timeout), while a slow but live provider call is not mistaken for a dead one.
 * A local activity (journeyRunV3's sends) has no heartbeats: its workflow task
 * times out instead when the worker dies.
 */
export async function whileHeartbeating<T>(work: () => Promise<T>, everyMs = 2_000): Promise<T> {
  const context = Context.current();
  if (context.info.isLocal) return work();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
