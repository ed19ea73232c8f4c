import { instantAt, isValidTimeZone, localDateTime } from '@tideflow/domain';
import type { GraphQLContext } from '../context';

export interface DayCount {
  /** The calendar day in the workspace time zone, YYYY-MM-DD. */
  day: string;
  count: number;
}

interface Batch {
  names: Set<string>;
  started: boolean;
  result: Promise<Map<string, DayCount[]>>;
}

/** Batches per request (the context) and per workspace and window. */
const batches = new WeakMap<GraphQLContext, Map<string, Batch>>();

const pad = (n: number) => String(n).padStart(2, '0');

/** The `days` calendar days ending today in `timeZone`, oldest first, and the instants they span. */
export function dayWindow(now: number, days: number, timeZone: string): { days: string[]; from: Date; to: Date } {
  const today = localDateTime(now, timeZone);
  const list = Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - (days - 1 - i)));
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });
  const first = list[0]!;
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return {
    days: list.map((d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`),
    from: new Date(instantAt({ ...first, hour: 0, minute: 0 }, timeZone)),
    to: new Date(instantAt({ year: tomorrow.getUTCFullYear(), month: tomorrow.getUTCMonth() + 1, day: tomorrow.getUTCDate(), hour: 0, minute: 0 }, timeZone)),
  };
}

async function load(context: GraphQLContext, workspaceId: string, days: number, names: string[]): Promise<Map<string, DayCount[]>> {
  const workspace = await context.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timezone: true } });
  const timeZone = isValidTimeZone(workspace.timezone) ? workspace.timezone : 'UTC';
  const window = dayWindow(Date.now(), days, timeZone);
  // One grouped query for every definition asked about: a range of the (workspaceId, name, timestamp) index per name.
  const rows = await context.prisma.$queryRawUnsafe<Array<{ name: string; day: string; n: number }>>(
    `SELECT name, to_char("timestamp" AT TIME ZONE $5, 'YYYY-MM-DD') AS day, count(*)::int AS n
       FROM "Event"
      WHERE "workspaceId" = $1::uuid
        AND name = ANY (ARRAY(SELECT jsonb_array_elements_text($2::jsonb)))
        AND "timestamp" >= $3::timestamptz AND "timestamp" < $4::timestamptz
      GROUP BY 1, 2`,
    workspaceId,
    JSON.stringify(names),
    window.from.toISOString(),
    window.to.toISOString(),
    timeZone,
  );
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let perDay = counts.get(row.name);
    if (!perDay) counts.set(row.name, (perDay = new Map()));
    perDay.set(row.day, row.n);
  }
  return new Map(names.map((name) => [name, window.days.map((day) => ({ day, count: counts.get(name)?.get(day) ?? 0 }))]));
}

/**
 * Daily counts of one event name. Every call made while a request resolves the same
 * list (the catalog's definitions) joins one batch, answered by one grouped query.
 */
export function eventDailyCounts(context: GraphQLContext, workspaceId: string, name: string, days: number): Promise<DayCount[]> {
  let perContext = batches.get(context);
  if (!perContext) batches.set(context, (perContext = new Map()));
  const key = `${workspaceId}:${days}`;
  let batch = perContext.get(key);
  if (!batch || batch.started) {
    const names = new Set<string>();
    const created: Batch = {
      names,
      started: false,
      // After the resolvers of the list have all been called (they run in one turn of the event loop).
      result: new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        created.started = true;
        return load(context, workspaceId, days, [...names]);
      }),
    };
    batch = created;
    perContext.set(key, batch);
  }
  batch.names.add(name);
  return batch.result.then((counts) => counts.get(name)!);
}
