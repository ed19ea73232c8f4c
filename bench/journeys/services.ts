import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { repositoryRoot } from '@tideflow/db';
import { searchAttributeFlags } from '@tideflow/workflows';

/** A process the benchmark started and stops. */
export interface Service {
  name: string;
  pid: number;
  /** The last lines it printed (for errors). */
  output(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (closed again before it is used: fine on a machine of our own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

/**
 * Spawns `command`, collects its output (stdout and stderr, last 200 lines), and resolves once a line
 * matches `ready`. Lines matching `echo` are copied to the benchmark's stderr with the service's name.
 */
export async function startService(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  echo?: RegExp;
  timeoutMs?: number;
}): Promise<Service> {
  const child: ChildProcess = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  let onLine: ((line: string) => void) | null = null;
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (options.echo?.test(line)) console.error(`[${options.name}] ${line}`);
        onLine?.(line);
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);

  const service: Service = {
    name: options.name,
    pid: child.pid!,
    output: () => [...lines],
    async stop(graceMs = 20_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${options.name} printed nothing matching ${options.ready} within ${(options.timeoutMs ?? 180_000) / 1000} s`)), options.timeoutMs ?? 180_000);
      onLine = (line) => {
        if (options.ready.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      void exit.then(() => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (code ${child.exitCode}) before it was ready`));
      });
    });
  } catch (error) {
    await service.stop(2_000);
    throw new Error(`${(error as Error).message}\n--- last output of ${options.name} ---\n${lines.slice(-30).join('\n')}`);
  } finally {
    onLine = null;
  }
  return service;
}

/** `node [flags] --import tsx <script>`: how the repository runs its TypeScript entry points (`npm start`, `npm run worker`). */
export function startTsService(options: { name: string; script: string; cwd: string; nodeFlags?: string[]; env: NodeJS.ProcessEnv; ready: RegExp; echo?: RegExp }): Promise<Service> {
  return startService({
    name: options.name,
    command: process.execPath,
    args: [...(options.nodeFlags ?? []), '--import', tsxLoader, options.script],
    cwd: options.cwd,
    env: options.env,
    ready: options.ready,
    echo: options.echo,
  });
}

export interface TemporalServer extends Service {
  address: string;
  namespace: string;
}

export function temporalCliPath(): string {
  const cli = process.env.TEMPORAL_CLI ?? path.join(repositoryRoot, '.tools', 'bin', 'temporal');
  if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}: run \`npm test\` or \`npm run up\` once (they install it), or set TEMPORAL_CLI`);
  return cli;
}

/**
 * The Temporal dev server (`temporal server start-dev`), headless, with Tideflow's search attributes,
 * its state in memory or in an SQLite file of its own. Ready once a client can connect.
 */
export async function startTemporalServer(db: 'memory' | 'file'): Promise<TemporalServer> {
  const port = await freePort();
  const dataDir = db === 'file' ? mkdtempSync(path.join(tmpdir(), 'tideflow-bench-temporal-')) : null;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error'];
  if (dataDir) args.push('--db-filename', path.join(dataDir, 'temporal.db'));
  for (const flag of searchAttributeFlags) args.push('--search-attribute', flag);
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      lines.splice(0, Math.max(0, lines.length - 200));
    });
  }
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${port}`;
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The Temporal dev server exited (code ${child.exitCode}):\n${lines.slice(-20).join('\n')}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: '1s' });
      await connection.close();
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop(1_000);
        throw new Error(`The Temporal dev server at ${address} did not answer within 60 s: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { name: 'temporal', pid: child.pid!, address, namespace: 'default', output: () => [...lines], stop };
}
