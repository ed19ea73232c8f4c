import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '@tideflow/db';
import { searchAttributeFlags } from '@tideflow/workflows';

/** A process the benchmark started, and stops. */
export interface Service {
  name: string;
  pid: number;
  /** Its last lines of output (for errors). */
  output(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
}

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

/** Spawns a process and resolves once a line of its output matches `ready` (or once `probe` succeeds). */
export async function startService(options: { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; cwd?: string; ready?: RegExp; probe?: () => Promise<boolean>; echo?: RegExp; timeoutMs?: number }): Promise<Service> {
  const child: ChildProcess = spawn(options.command, options.args, { cwd: options.cwd ?? repositoryRoot, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let readySeen = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 200) lines.shift();
        if (options.ready?.test(line)) readySeen = true;
        if (options.echo?.test(line)) console.error(`[${options.name}] ${line}`);
      }
    });
  }
  const service: Service = {
    name: options.name,
    pid: child.pid!,
    output: () => [...lines],
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited (code ${child.exitCode}) before it was ready:\n${lines.slice(-30).join('\n')}`);
    if (readySeen || (options.probe && (await options.probe()))) return service;
    if (Date.now() > deadline) {
      await service.stop(2_000);
      throw new Error(`${options.name} was not ready within ${(options.timeoutMs ?? 180_000) / 1000} s:\n${lines.slice(-30).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** The Temporal dev server (`temporal server start-dev`), headless, in memory, with Tideflow's search attributes. */
export async function startTemporal(): Promise<Service & { address: string }> {
  const cli = process.env.TEMPORAL_CLI ?? path.join(repositoryRoot, '.tools', 'bin', 'temporal');
  if (!existsSync(cli)) throw new Error(`Temporal CLI not found at ${cli}: run \`npm test\` or \`npm run up\` once (they install it), or set TEMPORAL_CLI`);
  const port = await freePort();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error', ...searchAttributeFlags.flatMap((flag) => ['--search-attribute', flag])];
  // The gRPC port opens before the namespace is ready; the API's worker retries until it is.
  const service = await startService({ name: 'temporal', command: cli, args, env: process.env, probe: () => portOpen(port), timeoutMs: 60_000 });
  return { ...service, address: `127.0.0.1:${port}` };
}

/** `node --max-old-space-size=256 --import tsx api/src/main.ts`: the API as its `start` script runs it (worker in process, as by default). */
export function startApi(env: NodeJS.ProcessEnv): Promise<Service> {
  return startService({
    name: 'api',
    command: process.execPath,
    // BENCH_API_NODE_ARGS adds flags for profiling, e.g. "--cpu-prof --cpu-prof-dir=bench/.out/prof".
    args: ['--max-old-space-size=256', ...(process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), '--import', pathToFileURL(require.resolve('tsx')).href, path.join(repositoryRoot, 'api', 'src', 'main.ts')],
    cwd: path.join(repositoryRoot, 'api'),
    env,
    ready: /Worker polling task queue/,
    echo: /error|failed|warn/i,
    timeoutMs: 180_000,
  });
}
