import type { Duration, DurationUnit } from './duration';

// Durations as numbers and words, without zod (journeys use them inside Temporal's workflow
// sandbox, see journeyRuntime.ts); the schemas stay in duration.ts.

export const unitMs: Record<DurationUnit, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

export function durationMs(duration: Duration): number {
  return duration.amount * unitMs[duration.unit];
}

export function describeDuration(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.amount} ${unit}`;
}

/** "3h", "1d 2h", "45s": short, for step logs. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [label, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const amount = Math.floor(rest / size);
    if (amount) parts.push(`${amount}${label}`);
    rest -= amount * size;
  }
  return parts.slice(0, 2).join(' ');
}
