import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ; 100 on Linux). */
const ticksPerSecond = 100;

function statTimes(pid: number | string): { comm: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5); fields[] starts at field 3.
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
  } catch {
    return null;
  }
}

/** User + system CPU seconds a process has used so far (Linux /proc; null elsewhere). */
export function processCpuSeconds(pid: number): number | null {
  return statTimes(pid)?.seconds ?? null;
}

function commandLine(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Server-wide background work every database of a cluster causes (and shares). */
const backgroundProcess = /^(checkpointer|background writer|walwriter|autovacuum launcher|archiver|logical replication launcher|stats collector)\b/;

/**
 * CPU seconds used so far by the local Postgres processes serving `database`:
 * its backends and autovacuum workers, plus the server's background processes
 * (WAL writer, checkpointer, …, shared by all databases), but not the backends
 * of other databases, so tests run meanwhile against other databases of the
 * same server are not counted. Null when no Postgres runs here, e.g. a remote
 * server. Backends that exit between two readings drop out of the sum, so read
 * while the connections of the phase are still open.
 */
export function postgresServerCpuSeconds(database: string): number | null {
  let total = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const times = statTimes(entry);
    if (times?.comm !== 'postgres') continue;
    found = true;
    // Titles read "postgres: 15/main: <user> <database> <client> <state>" or "postgres: 15/main: checkpointer".
    const title = commandLine(entry).replace(/^postgres: (\S+: )?/, '');
    if (` ${title} `.includes(` ${database} `) || backgroundProcess.test(title)) total += times.seconds;
  }
  return found ? total : null;
}

/**
 * CPU used by one phase: the bench process itself, optionally the API child,
 * and the local Postgres processes serving the phase's database (PGlite runs inside its process).
 */
export class CpuMeter {
  private readonly start: { self: number; child: number | null; postgres: number | null };

  constructor(
    private readonly childPid: number | null,
    /** The database of the phase on the local Postgres; null for PGlite. */
    private readonly postgresDatabase: string | null,
  ) {
    this.start = this.read();
  }

  private read() {
    const self = process.cpuUsage();
    return {
      self: (self.user + self.system) / 1e6,
      child: this.childPid === null ? null : processCpuSeconds(this.childPid),
      postgres: this.postgresDatabase === null ? null : postgresServerCpuSeconds(this.postgresDatabase),
    };
  }

  /** Seconds used since construction. */
  stop(): { benchSeconds: number; apiSeconds: number | null; postgresSeconds: number | null } {
    const end = this.read();
    const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
    return { benchSeconds: end.self - this.start.self, apiSeconds: diff(this.start.child, end.child), postgresSeconds: diff(this.start.postgres, end.postgres) };
  }
}
