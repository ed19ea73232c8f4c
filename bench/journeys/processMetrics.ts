import { readFileSync, writeFileSync } from 'node:fs';
import { postgresServerCpuSeconds, processCpuSeconds } from '../ingest/cpuUsage';
import { readProcessMemory } from '../ingest/memorySampler';

/** The processes whose memory and CPU the report shows, by role. */
export type Role = 'api' | 'worker' | 'baselineWorker' | 'temporal';
export const roles: Role[] = ['api', 'worker', 'baselineWorker', 'temporal'];

export interface MemoryPeaks {
  /** VmHWM at start-up (workflow bundling included), read before the high-water mark is reset. */
  startupHwmBytes: number;
  /** VmHWM since the reset after start-up: the kernel's own peak over every phase (not sampled, so no peak is missed). */
  hwmSinceStartupBytes: number;
  /** Largest VmRSS sampled (every 100 ms) during each phase. */
  phasePeakRssBytes: Record<string, number>;
}

/**
 * Polls VmRSS of the benchmark's child processes every 100 ms, and the kernel's VmHWM.
 * `resetHighWaterMarks()` (write 5 to /proc/<pid>/clear_refs) makes VmHWM start again from
 * the current RSS, so the peak of the measured phases is told apart from start-up (workflow bundling).
 */
export class ProcessMetrics {
  private readonly startupHwm = new Map<Role, number>();
  private readonly phasePeaks = new Map<Role, Record<string, number>>();
  private phase: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  resetWorked = true;

  constructor(private readonly pids: Record<Role, number>) {}

  start(): this {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Records each process's start-up VmHWM, then resets it. */
  resetHighWaterMarks(): void {
    for (const role of roles) {
      const reading = readProcessMemory(this.pids[role]);
      this.startupHwm.set(role, reading?.hwmBytes ?? NaN);
      try {
        writeFileSync(`/proc/${this.pids[role]}/clear_refs`, '5');
      } catch {
        this.resetWorked = false;
      }
    }
  }

  /** Samples taken from now on count for `name` (null: for no phase). */
  enterPhase(name: string | null): void {
    this.sample();
    this.phase = name;
    this.sample();
  }

  private sample(): void {
    if (!this.phase) return;
    for (const role of roles) {
      const reading = readProcessMemory(this.pids[role]);
      if (!reading) continue;
      const peaks = this.phasePeaks.get(role) ?? {};
      peaks[this.phase] = Math.max(peaks[this.phase] ?? 0, reading.rssBytes);
      this.phasePeaks.set(role, peaks);
    }
  }

  /** Peaks so far; call before the processes stop. */
  memory(): Record<Role, MemoryPeaks> {
    return Object.fromEntries(
      roles.map((role) => [
        role,
        { startupHwmBytes: this.startupHwm.get(role) ?? NaN, hwmSinceStartupBytes: readProcessMemory(this.pids[role])?.hwmBytes ?? NaN, phasePeakRssBytes: this.phasePeaks.get(role) ?? {} },
      ]),
    ) as Record<Role, MemoryPeaks>;
  }

  /** CPU seconds used so far by each child, the run's Postgres database (and the server's background work), and this process. */
  cpuNow(postgresDatabase: string): CpuReading {
    const self = process.cpuUsage();
    return {
      ...(Object.fromEntries(roles.map((role) => [role, processCpuSeconds(this.pids[role])])) as Record<Role, number | null>),
      postgres: postgresServerCpuSeconds(postgresDatabase),
      bench: (self.user + self.system) / 1e6,
      machine: machineBusySeconds(),
    };
  }
}

/** CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat; null elsewhere. */
function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user! + nice! + system! + irq! + softirq! + (steal ?? 0)) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds per process; `machine` is the whole machine's busy time, so what others used can be told apart. */
export type CpuReading = Record<Role | 'postgres' | 'machine', number | null> & { bench: number };

/** CPU seconds between two readings, per process. */
export function cpuBetween(start: CpuReading, end: CpuReading): CpuReading {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    api: diff(start.api, end.api),
    worker: diff(start.worker, end.worker),
    baselineWorker: diff(start.baselineWorker, end.baselineWorker),
    temporal: diff(start.temporal, end.temporal),
    postgres: diff(start.postgres, end.postgres),
    bench: end.bench - start.bench,
    machine: diff(start.machine, end.machine),
  };
}
