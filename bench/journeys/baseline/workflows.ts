// The baseline's workflow code (Temporal's sandbox: no Node imports). Bench-only, so it lives here and
// not in the product's workflows/ package.
import { proxyActivities } from '@temporalio/workflow';
import type { BaselineActivities } from './activities';

const { benchNoop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

/** The floor under a journey run: one workflow, one activity that does nothing. */
export async function benchBaseline(): Promise<void> {
  await benchNoop();
}
