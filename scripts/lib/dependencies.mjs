import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from './paths.mjs';
import { log, run } from './process.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** npm install when node_modules is missing or older than the lockfile; then the Prisma client. */
export async function ensureDependencies() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs);
  if (stale) {
    log('Installing npm dependencies…');
    const fresh = existsSync(lock) && !existsSync(path.join(root, 'node_modules'));
    try {
      await run(npm, [fresh ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: root });
    } catch (error) {
      // `npm ci` refuses a lockfile that lost other platforms' optional packages; install still works.
      if (!fresh) throw error;
      log('npm ci failed; falling back to npm install…');
      await run(npm, ['install', '--no-audit', '--no-fund'], { cwd: root });
    }
  }
  await run(npm, ['run', '--silent', 'db:generate'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
