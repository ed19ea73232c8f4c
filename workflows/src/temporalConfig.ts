/** Where the worker and clients find Temporal. */
export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /**
   * Workflow runs a worker keeps in memory between their tasks (Temporal's sticky cache). Unset: the
   * SDK's default, sized from the process's heap limit. Each cached journey run holds ~0.4 MiB, so an
   * unbounded backlog of runs in flight is what grows a worker's memory (bench/journeys).
   */
  cachedWorkflows?: number;
  /** Local activities a worker runs at once (bookkeeping, sends, webhook calls); unset: `defaultLocalActivitySlots`. */
  localActivitySlots?: number;
}

export function temporalConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  return {
    address: env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? 'tideflow',
    cachedWorkflows: cachedWorkflowsOf(env.TEMPORAL_WORKER_CACHED_WORKFLOWS),
    localActivitySlots: localActivitySlotsOf(env.TEMPORAL_WORKER_LOCAL_ACTIVITIES),
  };
}

/**
 * The standalone worker's cache (`npm run worker`) when the variable is unset, sized with its heap
 * limit (`--max-old-space-size=768` in the `worker` script): at ~0.4 MiB a cached run, 1,000 runs
 * keep the process under 1 GiB however large the backlog of runs in flight (bench/journeys). Runs
 * beyond it are replayed when they wake.
 */
export const standaloneWorkerCachedWorkflows = 1000;

/** A whole number from a variable: undefined when unset or blank, NaN when not a whole number. */
function wholeNumberOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
}

function cachedWorkflowsOf(value: string | undefined): number | undefined {
  const count = wholeNumberOf(value);
  // Temporal refuses 1 (a run being replaced must fit beside the one it evicts); 0 turns the cache off.
  if (Number.isNaN(count) || count === 1) throw new Error(`TEMPORAL_WORKER_CACHED_WORKFLOWS must be 0 (no cache) or a whole number of at least 2, got "${value}"`);
  return count;
}

function localActivitySlotsOf(value: string | undefined): number | undefined {
  const count = wholeNumberOf(value);
  if (Number.isNaN(count) || count === 0) throw new Error(`TEMPORAL_WORKER_LOCAL_ACTIVITIES must be a whole number of at least 1, got "${value}"`);
  return count;
}
