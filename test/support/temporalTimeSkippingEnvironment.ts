import { existsSync } from 'node:fs';
import path from 'node:path';
// Exported by the SDK "for use in tests to register search attributes"; not re-exported from the package root.
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repositoryRoot } from '@tideflow/db';
import { allSearchAttributes } from '@tideflow/workflows';

/** Temporal's Java time-skipping test server that `npm test` installs (scripts/lib/temporalTestServer.mjs). */
export function temporalTestServerPath(): string {
  const server = process.env.TEMPORAL_TEST_SERVER ?? path.join(repositoryRoot, '.tools', 'bin', 'temporal-test-server');
  if (!existsSync(server)) throw new Error(`Temporal test server not found at ${server}: run \`npm test\` (it installs it with Java and Maven)`);
  return server;
}

/**
 * Temporal's time-skipping test server, for workflows that wait for days: awaiting a
 * workflow's result skips over its timers, and `env.sleep(duration)` moves time forward.
 * Tideflow's search attributes are registered through the operator service (the test
 * server has no `--search-attribute` flag). Run one test at a time per environment:
 * skipped time is global to the server.
 */
export async function startTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
  try {
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(allSearchAttributes.map((key) => [key.name, encodeSearchAttributeIndexedValueType(key.type)!])),
    });
  } catch (error) {
    await env.teardown();
    throw error;
  }
  return env;
}
