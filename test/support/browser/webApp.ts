import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { repositoryRoot } from '@tideflow/db';

const defaultWebDir = path.join(repositoryRoot, 'web');
const nextBin = path.join(repositoryRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function run(args: string[], env: NodeJS.ProcessEnv, webDir = defaultWebDir): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: webDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * `next build` of web/ (production), once per test run: the browser tests use the build users get.
 * `dir`: a copy of web/ elsewhere (bench/web builds a snapshot of the commit, not the shared working tree).
 */
export async function buildWebApp(options: { dir?: string } = {}): Promise<void> {
  const child = run(['build'], {}, options.dir);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`next build failed (${code}):\n${output}`);
}

export function webAppBuilt(options: { dir?: string } = {}): boolean {
  return existsSync(path.join(options.dir ?? defaultWebDir, '.next', 'BUILD_ID'));
}

export interface RunningWebApp {
  url: string;
  /** The `next start` process (for CPU and memory readings). */
  pid: number;
  close(): Promise<void>;
}

/** `next start` on a free port, talking to the given API. */
export async function startWebApp(options: { apiUrl: string; dir?: string }): Promise<RunningWebApp> {
  const port = await freePort();
  const child = run(['start', '--port', String(port), '--hostname', '127.0.0.1'], { TIDEFLOW_API_URL: options.apiUrl }, options.dir);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in|started server|Local:/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`next start exited (${code}): ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
