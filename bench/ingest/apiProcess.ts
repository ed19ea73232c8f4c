import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatabaseConfig } from '@tideflow/db';
import { childConfigVariable, type ChildMessage, type ParentMessage } from './childProtocol';

type Stats = Extract<ChildMessage, { type: 'stats' }>;

/** The API server running in a child process (see apiChild.ts). */
export interface ApiProcess {
  pid: number;
  baseUrl: string;
  writeKey: string;
  workspaceId: string;
  /** RSS right after start-up, before any ingestion. */
  startupRssBytes: number;
  /** Row counts in the API's workspace, errors the server logged, and its memory. */
  stats(): Promise<Stats>;
  /** Closes the server and database; resolves with the child's own peak RSS (getrusage maxRSS). */
  stop(): Promise<number>;
  /** Last resort (on failure). */
  kill(): void;
}

/** The Node flags the API runs with in production: api's `start` script and docker/compose.yaml. */
export const apiNodeFlags = ['--max-old-space-size=256'];

export async function startApiProcess(config: DatabaseConfig, timeoutMs = 120_000): Promise<ApiProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'apiChild.ts'), [], {
    // tsx as a loader, resolved from here so the child does not depend on the working directory;
    // BENCH_API_NODE_ARGS adds flags for profiling, e.g. "--cpu-prof --cpu-prof-dir=bench/.out/prof".
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href, ...apiNodeFlags, ...(process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    env: { ...process.env, [childConfigVariable]: JSON.stringify(config), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends ChildMessage['type']>(type: T, ms = timeoutMs) =>
    new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`The API process sent no "${type}" within ${ms / 1000}s`)), ms);
      const onMessage = (message: ChildMessage) => {
        if (message.type === type) done(null, message as Extract<ChildMessage, { type: T }>);
        else if (message.type === 'failed') done(new Error(`The API process failed: ${message.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`The API process exited (code ${code}) before sending "${type}"`));
      function done(error: Error | null, message?: Extract<ChildMessage, { type: T }>) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(message!);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const request = (message: ParentMessage) => child.send(message);

  let ready: Extract<ChildMessage, { type: 'ready' }>;
  try {
    ready = await next('ready');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${ready.port}`,
    writeKey: ready.writeKey,
    workspaceId: ready.workspaceId,
    startupRssBytes: ready.rssBytes,
    stats: () => {
      const reply = next('stats');
      request({ type: 'stats' });
      return reply;
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      const reply = next('stopped');
      request({ type: 'stop' });
      const { maxRssBytes } = await reply;
      await exited;
      return maxRssBytes;
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
