import { parseArgs } from 'node:util';

export type Phase = 'load' | 'canvas' | 'estimate';
export const allPhases: Phase[] = ['load', 'canvas', 'estimate'];

export interface WebBenchOptions {
  phases: Phase[];
  /** `auto` builds web/ when its build is missing or older than a source file; `always`; `never`. */
  build: 'auto' | 'always' | 'never';
  /** Cold first loads per page (a fresh browser context each: empty cache, signed-in cookie). */
  loads: number;
  /** Nodes of the large journey. */
  nodes: number;
  /** Seconds of panning, then of zooming, per canvas. */
  interactSeconds: number;
  /** Timed edits in the segment builder; trivial GraphQL round trips for the baseline. */
  edits: number;
  baselineQueries: number;
  /** The Postgres server: a scratch database for the load and canvas phases; the estimate phase reads the bench/segments data set (`segmentsDatabase`) there. */
  serverUrl: string;
  segmentsDatabase: string;
}

/**
 * Flags (`--phases load,canvas --loads 5 --build never`), else BENCH_PHASES, BENCH_LOADS, … in the
 * environment, else npm's `npm_config_*` (`npm run bench:web --loads=3`), else the defaults.
 */
export function benchOptions(argv = process.argv.slice(2), env = process.env): WebBenchOptions {
  const names = ['phases', 'build', 'loads', 'nodes', 'interact-seconds', 'edits', 'baseline-queries', 'segments-database'] as const;
  type Name = (typeof names)[number];
  const { values, positionals } = parseArgs({ args: argv, options: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as Record<Name, { type: 'string' }>, allowPositionals: true });
  if (positionals.length) throw new Error(`Unexpected argument "${positionals[0]}". Through npm, write flags as --loads=3 (npm keeps "--loads 3" for itself), or set BENCH_LOADS, …`);
  const setting = (name: Name) => {
    const snake = name.replaceAll('-', '_');
    return values[name] ?? env[`BENCH_${snake.toUpperCase()}`] ?? env[`npm_config_${snake}`];
  };
  const integer = (name: Name, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const raw = setting(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be an integer from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const phases = (setting('phases') ?? allPhases.join(',')).split(',').map((p) => p.trim()).filter(Boolean) as Phase[];
  for (const phase of phases) if (!allPhases.includes(phase)) throw new Error(`--phases takes ${allPhases.join(', ')} (got "${phase}")`);
  const build = (setting('build') ?? 'auto').toLowerCase();
  if (build !== 'auto' && build !== 'always' && build !== 'never') throw new Error(`--build must be auto, always or never (got "${build}")`);
  return {
    phases,
    build,
    loads: integer('loads', 5, 1, 50),
    // The product refuses journeys of more than 500 nodes.
    nodes: integer('nodes', 200, 22, 500),
    interactSeconds: integer('interact-seconds', 4, 1, 60),
    edits: integer('edits', 8, 1, 100),
    baselineQueries: integer('baseline-queries', 20, 1, 1000),
    serverUrl: env.DATABASE_URL?.trim() || 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
    segmentsDatabase: setting('segments-database') ?? 'tideflow_bench_segments',
  };
}
