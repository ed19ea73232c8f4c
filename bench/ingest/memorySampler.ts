import { readFileSync } from 'node:fs';

export interface MemoryReading {
  /** Resident set size now. */
  rssBytes: number;
  /** The kernel's high-water mark of the resident set since the process started (VmHWM). */
  hwmBytes: number;
}

/** VmRSS and VmHWM of a process, from /proc (Linux); null elsewhere or once it has exited. */
export function readProcessMemory(pid: number): MemoryReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const reading = { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM') };
    return Number.isFinite(reading.rssBytes) ? reading : null;
  } catch {
    return null;
  }
}

/** Polls a process's memory every `intervalMs` and keeps the peaks. */
export class MemorySampler {
  peakRssBytes = 0;
  hwmBytes = 0;
  samples = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  sample(): void {
    const reading = readProcessMemory(this.pid);
    if (!reading) return;
    this.samples++;
    this.peakRssBytes = Math.max(this.peakRssBytes, reading.rssBytes);
    this.hwmBytes = Math.max(this.hwmBytes, reading.hwmBytes);
  }

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }
}
