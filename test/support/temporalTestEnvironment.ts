import { existsSync } from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { repositoryRoot } from '@tideflow/db';
import { allSearchAttributes } from '@tideflow/workflows';

/** The Temporal CLI that `npm test` / `npm run up` install (scripts/temporalCli.mjs). */
export function temporalCliPath(): string {
  const cli = process.env.TEMPORAL_CLI ?? path.join(repositoryRoot, '.tools', 'bin', 'temporal');
  if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}: run \`npm test\` (it installs it) or \`node scripts/temporalCli.mjs\``);
  return cli;
}

/** A real Temporal dev server (in memory) with Tideflow's search attributes registered. */
export function startTemporalTestEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath() },
      searchAttributes: allSearchAttributes,
      extraArgs: ['--log-level', 'error'],
    },
  });
}
