// The baseline's workflow code (Temporal's sandbox: no Node imports). Bench-only, so it lives here and
// not in the product's workflows/ package.
import { proxyActivities, proxyLocalActivities, sleep } from '@temporalio/workflow';
import type { BaselineActivities } from './activities';

const { benchNoop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });
const local = proxyLocalActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

/**
 * The floor under a journey run: one workflow, one activity that does nothing. With `shape: 'journey'`
 * (BENCH_BASELINE_SHAPE=journey), the bench journey's shape without its work: a no-op local activity
 * (progress), a 1 s timer, three no-op local activities (split, webhook call, finish) — what Temporal
 * and its SDK cost for a run of that shape, to tell it from what the product's own code costs.
 */
export async function benchBaseline(shape?: 'journey'): Promise<void> {
  if (shape !== 'journey') return benchNoop();
  await local.benchNoop();
  await sleep('1 second');
  await local.benchNoop();
  await local.benchNoop();
  await local.benchNoop();
}
