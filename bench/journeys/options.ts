import { parseArgs } from 'node:util';

export interface JourneyBenchOptions {
  /** Users who each send one trigger event in the steady phase (and as many baseline workflows). */
  users: number;
  /** Offered load of the steady phase: trigger events (and baseline starts) per second. */
  rate: number;
  /** The steady phase offers one batch every `tickMs` (rate × tick / 1000 events per batch, as a Segment client flushing on a timer). */
  tickMs: number;
  /** Events (and baseline workflows) offered as fast as possible in the saturation phase; 0 skips it. */
  saturation: number;
  /** Runs (and baseline workflows) before the measured phases, to warm up JIT, pools and caches; not measured. */
  warmup: number;
  seed: number;
  /** Temporal dev server state: in memory (default) or an SQLite file in a temp dir (as `npm run up` keeps it). */
  temporalDb: 'memory' | 'file';
  /** How long a phase may take to complete after its last offer before the run is declared stuck. */
  drainTimeoutSeconds: number;
  /** The Postgres server; the benchmark creates (and drops) its own database on it. */
  databaseUrl: string;
}

const defaults = { users: 10_000, rate: 100, tick: 100, saturation: 3_000, warmup: 300, seed: 20_241_125, 'drain-timeout': 600 };
type IntegerOption = keyof typeof defaults;

/**
 * Flags (`--users 10000 --rate 100 --seconds 100 --saturation 3000 --warmup 300 --tick 100 --seed 1 --temporal-db memory|file`),
 * else BENCH_USERS, BENCH_RATE, BENCH_SECONDS, … in the environment, else npm's `npm_config_*`
 * (so `npm run bench:journeys --users=2000` works too), else the defaults. `--seconds` sets users = rate × seconds.
 */
export function benchOptions(argv = process.argv.slice(2), env = process.env): JourneyBenchOptions {
  const names = [...Object.keys(defaults), 'seconds', 'temporal-db'] as const;
  const { values, positionals } = parseArgs({ args: argv, options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])), allowPositionals: true });
  if (positionals.length) {
    throw new Error(`Unexpected argument "${positionals[0]}". Through npm, write flags as --users=2000 (npm keeps "--users 2000" for itself), or set BENCH_USERS, BENCH_RATE, …`);
  }
  const setting = (name: string) => (values as Record<string, string | undefined>)[name] ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? env[`npm_config_${name.replace(/-/g, '_')}`];
  const integer = (name: IntegerOption | 'seconds', min: number): number | undefined => {
    const raw = setting(name);
    if (raw === undefined || raw === '') return name === 'seconds' ? undefined : defaults[name];
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min} (got "${raw}")`);
    return value;
  };
  const rate = integer('rate', 1)!;
  const tickMs = integer('tick', 10)!;
  if (((rate * tickMs) / 1000) % 1 !== 0) throw new Error(`--rate × --tick must be a whole number of events per batch (got ${rate}/s every ${tickMs} ms)`);
  const seconds = integer('seconds', 1);
  const temporalDb = setting('temporal-db') ?? 'memory';
  if (temporalDb !== 'memory' && temporalDb !== 'file') throw new Error(`--temporal-db must be memory or file (got "${temporalDb}")`);
  return {
    users: seconds === undefined ? integer('users', 1)! : rate * seconds,
    rate,
    tickMs,
    saturation: integer('saturation', 0)!,
    warmup: integer('warmup', 0)!,
    seed: integer('seed', 0)!,
    temporalDb,
    drainTimeoutSeconds: integer('drain-timeout', 10)!,
    databaseUrl: env.DATABASE_URL?.trim() || 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  };
}
