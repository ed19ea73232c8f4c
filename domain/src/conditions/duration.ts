import { z } from 'zod';

export const DurationUnit = z.enum(['seconds', 'minutes', 'hours', 'days', 'weeks']);
export type DurationUnit = z.infer<typeof DurationUnit>;

const unitMs: Record<DurationUnit, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 };

/** A length of time as marketers say it ("3 hours", "1 day"). Capped at ten years so timers stay representable. */
export const Duration = z
  .object({
    amount: z.number().int('must be a whole number').positive('must be greater than 0'),
    unit: DurationUnit,
  })
  .refine((d) => d.amount * unitMs[d.unit] <= 10 * 365 * unitMs.days, { message: 'must be at most 10 years', path: ['amount'] });
export type Duration = z.infer<typeof Duration>;

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
