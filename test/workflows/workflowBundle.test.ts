import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '@tideflow/workflows';

/**
 * Temporal's sandbox evaluates the workflow code's modules again for every run (and every replay of
 * a run evicted from the cache): what the bundle holds is paid per run. Zod and the schemas built
 * with it were a fifth of the workflow thread's time; journeys import `@tideflow/domain/journeyRuntime`.
 */
it('the workflow bundle holds the journey runtime and leaves zod and the schemas out', async () => {
  const { code } = await bundleWorkflowCode({ workflowsPath, ...workflowBundlerOptions, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never });
  const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"$/gm)].map((match) => match[1]!);
  // Paths are relative to the directory the bundler runs from.
  for (const expected of ['domain/src/conditions/compareValues.ts', 'domain/src/journeys/journeyBranches.ts', 'workflows/src/workflows/journeyRun/journeyRunWorkflow.ts']) {
    expect(modules.filter((module) => module.endsWith(expected))).toHaveLength(1);
  }
  expect(modules.filter((module) => /node_modules\/zod\/|\/segments\/|\/ingestion\/(?!ingestMessage)|ua-parser|liquidjs/.test(module))).toEqual([]);
});
