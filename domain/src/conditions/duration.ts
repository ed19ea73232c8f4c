import { z } from 'zod';
import { unitMs } from './durationMath';

export { describeDuration, durationMs, formatMs } from './durationMath';

export const DurationUnit = z.enum(['seconds', 'minutes', 'hours', 'days', 'weeks']);
export type DurationUnit = z.infer<typeof DurationUnit>;

/** A length of time as marketers say it ("3 hours", "1 day"). Capped at ten years so timers stay representable. */
export const Duration = z
  .object({
    amount: z.number().int('must be a whole number').positive('must be greater than 0'),
    unit: DurationUnit,
  })
  .refine((d) => d.amount * unitMs[d.unit] <= 10 * 365 * unitMs.days, { message: 'must be at most 10 years', path: ['amount'] });
export type Duration = z.infer<typeof Duration>;
