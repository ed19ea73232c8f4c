#!/usr/bin/env node
// `npm test`: installs what the tests need (npm dependencies, the Prisma
// client, the Temporal CLI), type-checks every package, then runs every jest
// project: unit, and integration against the embedded PGlite and a real
// Temporal dev server — or against Postgres when DATABASE_URL is set.
// Extra arguments go to jest, e.g. `npm test -- --selectProjects integration`.
import path from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { root } from './lib/paths.mjs';
import { log, run } from './lib/process.mjs';
import { ensureTemporalCli } from './lib/temporalCli.mjs';
import { ensureTemporalTestServer } from './lib/temporalTestServer.mjs';

async function main() {
  const jestArgs = process.argv.slice(2);
  await ensureDependencies();
  await ensureTemporalCli();
  await ensureTemporalTestServer();
  if (!jestArgs.length) {
    log('Type-checking every package…');
    await run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only'], { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } });
  }
  log(`Running tests on ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'the embedded PGlite'}…`);
  await run(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...jestArgs], {
    cwd: root,
    // PGlite loads its WASM with a dynamic import, which jest's VM only allows with this flag.
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
  });
}

main().catch((error) => {
  console.error(`\x1b[31m[tideflow]\x1b[0m ${error.message}`);
  process.exit(1);
});
