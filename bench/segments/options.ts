import { parseArgs } from 'node:util';

export type Phase = 'full' | 'preview' | 'incremental' | 'e2e';
export const allPhases: Phase[] = ['full', 'preview', 'incremental', 'e2e'];

export interface SegmentsBenchOptions {
  users: number;
  events: number;
  seed: number;
  /** Reuse the scratch database when its recorded seed, sizes and generator version match (default); `false` rebuilds it. */
  reuse: boolean;
  /** Rebuild a matching dataset anyway once its anchor ("now" of the data) is older than this (windows of 7 and 30 days drift). */
  maxAgeDays: number;
  /** Timed rounds per segment (compiled and hand-written alternate in each); the report gives the median and the min. */
  rounds: number;
  /** Single events ingested and drained one by one for the incremental phase. */
  incrementalEvents: number;
  /** End to end: events per second offered, and for how long. */
  rate: number;
  durationSeconds: number;
  /** One offered event in this many makes its user enter the segment a journey is triggered by. */
  entryEvery: number;
  phases: Phase[];
  /** The Postgres server; the benchmark keeps its data in a database of its own there (`database`). */
  serverUrl: string;
  database: string;
}

const defaults = { users: 1_000_000, events: 10_000_000, seed: 20_261_125, maxAgeDays: 3, rounds: 5, incrementalEvents: 2_000, rate: 200, duration: 60, entryEvery: 10 };

/**
 * Flags (`--users 1000000 --events 10000000 --seed 1 --reuse false --rate 200 --duration 60 --phases full,preview`),
 * else BENCH_USERS, BENCH_EVENTS, … in the environment, else npm's `npm_config_*`
 * (so `npm run bench:segments --rate=100` works too), else the defaults.
 */
export function benchOptions(argv = process.argv.slice(2), env = process.env): SegmentsBenchOptions {
  const names = ['users', 'events', 'seed', 'reuse', 'max-age-days', 'rounds', 'incremental-events', 'rate', 'duration', 'entry-every', 'phases', 'database'] as const;
  const { values, positionals } = parseArgs({ args: argv, options: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as Record<(typeof names)[number], { type: 'string' }>, allowPositionals: true });
  if (positionals.length) throw new Error(`Unexpected argument "${positionals[0]}". Through npm, write flags as --users=100000 (npm keeps "--users 100000" for itself), or set BENCH_USERS, …`);
  const setting = (name: (typeof names)[number]) => {
    const snake = name.replaceAll('-', '_');
    return values[name] ?? env[`BENCH_${snake.toUpperCase()}`] ?? env[`npm_config_${snake}`];
  };
  const integer = (name: (typeof names)[number], fallback: number, min: number) => {
    const raw = setting(name);
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min} (got "${raw}")`);
    return value;
  };
  const reuseRaw = (setting('reuse') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(reuseRaw)) throw new Error(`--reuse must be true or false (got "${reuseRaw}")`);
  const phases = (setting('phases') ?? allPhases.join(',')).split(',').map((p) => p.trim()).filter(Boolean) as Phase[];
  for (const phase of phases) if (!allPhases.includes(phase)) throw new Error(`--phases takes ${allPhases.join(', ')} (got "${phase}")`);
  const users = integer('users', defaults.users, 1_000);
  const events = integer('events', defaults.events, users);
  const seed = integer('seed', defaults.seed, 0);
  return {
    users,
    events,
    seed,
    reuse: ['true', '1', 'yes'].includes(reuseRaw),
    maxAgeDays: integer('max-age-days', defaults.maxAgeDays, 0),
    rounds: integer('rounds', defaults.rounds, 1),
    incrementalEvents: integer('incremental-events', defaults.incrementalEvents, 10),
    rate: integer('rate', defaults.rate, 1),
    durationSeconds: integer('duration', defaults.duration, 1),
    entryEvery: integer('entry-every', defaults.entryEvery, 1),
    phases,
    serverUrl: env.DATABASE_URL?.trim() || 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
    // One database per data set, so a smaller run never throws away the big one.
    database: setting('database') ?? (users === defaults.users && events === defaults.events ? 'tideflow_bench_segments' : `tideflow_bench_segments_${users}_${events}`),
  };
}
