/** Time-zone arithmetic on Intl alone (no libraries), so workflow code and browsers can use it. */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, cached);
  }
  return cached;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in `timeZone` at an instant. */
export function localDateTime(instantMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

const dayMs = 86_400_000;

/** The wall-clock time in `timeZone` at an instant, as if it were a UTC timestamp (whole seconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const seen = localDateTime(instantMs, timeZone);
  return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
}

/** How far `timeZone`'s clocks are ahead of UTC at an instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * Every instant at which `timeZone`'s clocks show `wall` (a wall-clock time written as
 * a UTC timestamp), earliest first: one, two in a repeated hour, none in a DST gap.
 * As in Temporal, the offsets a day either side are the only ones the time can have.
 */
function instantsShowing(wall: number, timeZone: string): number[] {
  const offsets = new Set([offsetMs(wall - dayMs, timeZone), offsetMs(wall + dayMs, timeZone)]);
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wall)
    .sort((a, b) => a - b);
}

/** The instant the clocks jump over `wall` (in a DST gap), found to the second. */
function jumpOver(wall: number, timeZone: string): number {
  // Read with the later (larger) offset, `wall` falls before the jump; with the earlier one, after it.
  let before = wall - offsetMs(wall + dayMs, timeZone);
  let after = wall - offsetMs(wall - dayMs, timeZone);
  while (after - before > 1000) {
    const middle = before + Math.floor((after - before) / 2000) * 1000;
    if (wallClockMs(middle, timeZone) > wall) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * The instant at which `timeZone`'s clocks show `local`: in a repeated hour (clocks
 * going back), the first time; in a DST gap, the moment just after it.
 */
export function instantAt(local: Omit<LocalDateTime, 'second'> & { second?: number }, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  return instantsShowing(wall, timeZone)[0] ?? jumpOver(wall, timeZone);
}

export const weekdayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayName = (typeof weekdayNames)[number];

/**
 * The first instant after `afterMs` when it is `time` (HH:MM) on one of
 * `weekdays` in `timeZone`: "send at 10:00 on a weekday, user's time".
 * On the night clocks go back, a time that comes round twice is taken the second
 * time when the first has passed; on the night they spring forward over it, at the jump.
 */
export function nextAllowedTime(afterMs: number, time: string, weekdays: readonly WeekdayName[], timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const today = localDateTime(afterMs, timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    if (!weekdays.includes(weekdayNames[date.getUTCDay()]!)) continue;
    const wall = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour, minute);
    const instants = instantsShowing(wall, timeZone);
    const next = (instants.length ? instants : [jumpOver(wall, timeZone)]).find((instant) => instant > afterMs);
    if (next !== undefined) return next;
  }
  throw new Error(`no allowed time in the next week (weekdays: ${weekdays.join(', ') || 'none'})`);
}

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date from an attribute: ISO 8601 text, or epoch milliseconds / seconds. Null when it is not a date.
 * A date-time without an offset is UTC (Date.parse would read it in the process's time zone,
 * so two workers could disagree); a day the month does not have ("2024-02-30") is not a date.
 */
export function parseDateValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  if (typeof value !== 'string') return null;
  const match = isoDateTime.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, time, offset] = match as unknown as [string, string, string, string, string | undefined, string | undefined];
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendarDay.getUTCMonth() !== Number(month) - 1 || calendarDay.getUTCDate() !== Number(day)) return null;
  const parsed = Date.parse(`${year}-${month}-${day}${time === undefined ? '' : `T${time}${offset === undefined || /^[a-z]/i.test(offset) ? 'Z' : offset}`}`);
  return Number.isNaN(parsed) ? null : parsed;
}
