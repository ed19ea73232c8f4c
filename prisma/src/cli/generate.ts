import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { packageRoot, schemaPath } from '../migrations/migrationsDirectory';

/**
 * `npm run db:generate`. `prisma generate` never runs the native schema
 * engine, but the CLI insists on locating one; any existing file satisfies it.
 */
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--schema', path.relative(packageRoot, schemaPath)], {
  cwd: packageRoot,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
});
