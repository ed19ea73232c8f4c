import { existsSync, mkdirSync } from 'node:fs';
import { temporalCli, toolsBin } from './paths.mjs';
import { capture, log, run } from './process.mjs';

/**
 * The official Temporal CLI (dev server with SQLite persistence and the Web UI).
 * No npm or Debian package ships it and its release downloads are unreachable
 * offline, so it is built from its Go module through the Go module proxy.
 * v1.5.1 is the newest tag whose go.mod has no `replace` directive.
 */
export const temporalCliModule = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export async function ensureTemporalCli() {
  if (existsSync(temporalCli) && (await capture(temporalCli, ['--version']))) return temporalCli;
  const go = await capture('go', ['version']);
  if (!go) throw new Error('The Temporal CLI is missing and Go is not installed to build it. Install Go ≥ 1.23, or set TEMPORAL_CLI to an existing temporal binary.');
  log(`Building the Temporal CLI from ${temporalCliModule} with ${go.trim()} (several minutes the first time; cached afterwards)…`);
  mkdirSync(toolsBin, { recursive: true });
  await run('go', ['install', '-trimpath', '-ldflags=-s -w', temporalCliModule], { env: { ...process.env, GOBIN: toolsBin, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' } });
  return temporalCli;
}
