import { parseArgs } from 'node:util';

export type BenchDb = 'postgres' | 'pglite';

export interface BenchOptions {
  events: number;
  batch: number;
  senders: number;
  users: number;
  seed: number;
  db: BenchDb;
  /** The Postgres server; the benchmark creates (and drops) its own database on it. */
  databaseUrl: string;
}

const defaults = { events: 200_000, batch: 500, senders: 4, users: 20_000, seed: 20_240_601, db: 'postgres' as BenchDb };

/**
 * Flags (`--events 200000 --batch 500 --senders 4 --users 20000 --seed 1 --db postgres|pglite`),
 * else BENCH_EVENTS, BENCH_BATCH, … in the environment, else npm's `npm_config_*`
 * (so `npm run bench:ingest --db=pglite` works too), else the defaults.
 */
export function benchOptions(argv = process.argv.slice(2), env = process.env): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { events: { type: 'string' }, batch: { type: 'string' }, senders: { type: 'string' }, users: { type: 'string' }, seed: { type: 'string' }, db: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length) {
    throw new Error(`Unexpected argument "${positionals[0]}". Through npm, write flags as --events=200000 --db=pglite (npm keeps "--events 200000" for itself), or set BENCH_EVENTS, BENCH_DB, …`);
  }
  const setting = (name: keyof typeof defaults) => values[name] ?? env[`BENCH_${name.toUpperCase()}`] ?? env[`npm_config_${name}`];
  const integer = (name: Exclude<keyof typeof defaults, 'db'>, min: number) => {
    const raw = setting(name);
    if (raw === undefined || raw === '') return defaults[name];
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min} (got "${raw}")`);
    return value;
  };
  const db = setting('db') ?? defaults.db;
  if (db !== 'postgres' && db !== 'pglite') throw new Error(`--db must be postgres or pglite (got "${db}")`);
  return {
    events: integer('events', 1),
    batch: integer('batch', 1),
    senders: integer('senders', 1),
    users: integer('users', 1),
    seed: integer('seed', 0),
    db,
    databaseUrl: env.DATABASE_URL?.trim() || 'postgres://postgres:postgres@localhost:5432/postgres',
  };
}
