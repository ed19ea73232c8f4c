import type { Client } from '@temporalio/client';
import { nowMs, sleep } from './clock';
import { type Offered, offerBurst, offerPaced } from './offer';
import type { OfferMode } from './journeyPhase';
import { type CpuReading, cpuBetween, type ProcessMetrics } from './processMetrics';

export const baselineWorkflowType = 'benchBaseline';

export interface BaselineTarget {
  client: Client;
  taskQueue: string;
  metrics: ProcessMetrics;
  postgresDatabase: string;
  log: (message: string) => void;
}

export interface BaselinePhaseRaw {
  name: string;
  mode: OfferMode;
  workflowIds: string[];
  offered: Offered;
  timedOut: boolean;
  cpu: CpuReading;
  /** Wall time over which `cpu` was measured. */
  cpuWallSeconds: number;
}

/** BENCH_BASELINE_SHAPE=journey: the baseline runs the journey's shape with no-op steps (see baseline/workflows.ts). An experiment, not the baseline. */
const baselineArgs = process.env.BENCH_BASELINE_SHAPE === 'journey' ? ['journey'] : [];

export const baselineWorkflowId = (phase: string, index: number) => `bench-baseline/${phase}/${index.toString().padStart(6, '0')}`;

/**
 * Starts `count` bare workflows (one no-op activity each) with `client.workflow.start`, paced at the
 * same rate as the journey's events or as fast as the server takes them, then waits until none is
 * running. Completion times come from Temporal's visibility afterwards (`collectCloseTimes`).
 */
export async function baselinePhase(target: BaselineTarget, name: string, count: number, mode: OfferMode, drainTimeoutMs: number): Promise<BaselinePhaseRaw> {
  const { client, metrics, log } = target;
  const workflowIds = Array.from({ length: count }, (_, i) => baselineWorkflowId(name, i));
  metrics.enterPhase(`baseline ${name}`);
  const cpuStart = metrics.cpuNow(target.postgresDatabase);
  const cpuStartedAt = nowMs();
  const start = async (chunk: string[]) => {
    await Promise.all(chunk.map((workflowId) => client.workflow.start(baselineWorkflowType, { workflowId, taskQueue: target.taskQueue, args: baselineArgs })));
  };
  try {
    const offered =
      mode.kind === 'paced'
        ? await offerPaced(workflowIds, (mode.rate * mode.tickMs) / 1000, mode.tickMs, start)
        : // One start is one RPC: 8 in flight per sender of the journey's burst.
          await offerBurst(workflowIds, 1, mode.senders * 8, start);
    log(`  ${name}: ${count} workflows started in ${((Math.max(...offered.acceptedAt) - Math.min(...offered.sentAt)) / 1000).toFixed(1)} s; waiting for them to complete…`);
    const deadline = nowMs() + drainTimeoutMs;
    let timedOut = false;
    for (;;) {
      await sleep(250);
      const { count: running } = await client.workflow.count(`WorkflowType = "${baselineWorkflowType}" AND ExecutionStatus = "Running"`);
      if (running === 0) break;
      if (nowMs() > deadline) {
        timedOut = true;
        log(`  ${name}: ${running} workflows still running ${drainTimeoutMs / 1000} s after the last start; measuring what completed`);
        break;
      }
    }
    await sleep(1_000);
    const cpu = cpuBetween(cpuStart, metrics.cpuNow(target.postgresDatabase));
    const cpuWallSeconds = (nowMs() - cpuStartedAt) / 1000;
    return { name, mode, workflowIds, offered, timedOut, cpu, cpuWallSeconds };
  } finally {
    metrics.enterPhase(null);
  }
}

export interface ClosedWorkflow {
  status: string;
  closeTime: number | null;
}

/** Status and close time of every workflow matching `query`, by workflow id (read from visibility after the phases). */
export async function collectCloseTimes(client: Client, query: string): Promise<Map<string, ClosedWorkflow>> {
  const closed = new Map<string, ClosedWorkflow>();
  for await (const execution of client.workflow.list({ query, pageSize: 1000 })) {
    closed.set(execution.workflowId, { status: execution.status.name, closeTime: execution.closeTime ? execution.closeTime.getTime() : null });
  }
  return closed;
}
