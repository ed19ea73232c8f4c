import { z } from 'zod';

/** When the events a behaviour condition counts happened. */
export const SegmentWindow = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ever') }),
  /** The last N minutes / hours / days, sliding with time (re-checked by the periodic sweep). */
  z.object({ kind: z.literal('last'), amount: z.number().int().min(1, 'must be at least 1').max(100_000), unit: z.enum(['minutes', 'hours', 'days']) }),
  z
    .object({ kind: z.literal('between'), from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }), to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }) })
    .refine((w) => Date.parse(w.from) < Date.parse(w.to), { message: 'must end after it starts', path: ['to'] }),
]);
export type SegmentWindow = z.infer<typeof SegmentWindow>;

const unitMs = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** The window as instants at `nowMs`; null bounds are open. */
export function windowBounds(window: SegmentWindow, nowMs: number): { from: Date | null; to: Date | null } {
  switch (window.kind) {
    case 'ever':
      return { from: null, to: null };
    case 'last':
      return { from: new Date(nowMs - window.amount * unitMs[window.unit]), to: null };
    case 'between':
      return { from: new Date(window.from), to: new Date(window.to) };
  }
}

/** A window that slides with time: membership can change with no event at all. */
export const isSlidingWindow = (window: SegmentWindow) => window.kind === 'last';

export function describeWindow(window: SegmentWindow): string {
  switch (window.kind) {
    case 'ever':
      return 'ever';
    case 'last':
      return `in the last ${window.amount} ${window.amount === 1 ? window.unit.slice(0, -1) : window.unit}`;
    case 'between':
      return `between ${window.from} and ${window.to}`;
  }
}
