import type { Journey, PrismaClient } from '@tideflow/db';
import { instantAt, isValidTimeZone, localDateTime } from '@tideflow/domain';
import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { inputError } from '../errors';

const hourMs = 3_600_000;

/** What the overview's fields compute from: the workspace, the time zone and "now", fixed once per request. */
interface OverviewScope {
  prisma: PrismaClient;
  workspaceId: string;
  timezone: string;
  now: number;
  /** Midnight today in `timezone`. */
  todayStart: Date;
  /** Users by kind, shared by the three user counts. */
  userCounts?: Promise<{ users: number; known: number }>;
  usersToday?: Promise<{ new: number; returning: number }>;
  events?: Promise<{ total: number; perHour: HourlyCount[] }>;
}

interface HourlyCount {
  hour: Date;
  count: number;
}

interface LiveJourneyActivity {
  journey: Journey;
  entriesToday: number;
  activeRuns: number;
}

const HourlyEventCount = builder.objectRef<HourlyCount>('HourlyEventCount').implement({
  description: 'Events stored in one hour.',
  fields: (t) => ({
    hour: t.expose('hour', { type: 'DateTime', description: 'The start of the hour (on the hour in the requested time zone).' }),
    count: t.exposeInt('count'),
  }),
});

const LiveJourneyActivityRef = builder.objectRef<LiveJourneyActivity>('LiveJourneyActivity').implement({
  description: 'A live journey and how many users entered it today.',
  fields: (t) => ({
    // findUnique calls of one tick are batched by Prisma into one query.
    journey: t.prismaField({ type: 'Journey', resolve: (query, a, _args, { prisma }) => prisma.journey.findUniqueOrThrow({ ...query, where: { id: a.journey.id } }) }),
    entriesToday: t.exposeInt('entriesToday', { description: 'Runs started since midnight (a user entering twice counts twice).' }),
    activeRuns: t.exposeInt('activeRuns', { description: 'Runs in flight now.' }),
  }),
});

function userCounts(scope: OverviewScope) {
  scope.userCounts ??= scope.prisma
    .$queryRawUnsafe<Array<{ users: number; known: number }>>(
      `SELECT count(*)::int AS users, count("externalId")::int AS known FROM "User" WHERE "workspaceId" = $1::uuid`,
      scope.workspaceId,
    )
    .then(([row]) => row ?? { users: 0, known: 0 });
  return scope.userCounts;
}

/** Users seen today, split by whether they were first seen today; read through the (workspaceId, lastSeenAt) index. */
function usersToday(scope: OverviewScope) {
  scope.usersToday ??= scope.prisma
    .$queryRawUnsafe<Array<{ new: number; returning: number }>>(
      `SELECT count(*) FILTER (WHERE "firstSeenAt" >= $2::timestamptz)::int AS new,
              count(*) FILTER (WHERE "firstSeenAt" < $2::timestamptz)::int AS returning
         FROM "User" WHERE "workspaceId" = $1::uuid AND "lastSeenAt" >= $2::timestamptz`,
      scope.workspaceId,
      scope.todayStart.toISOString(),
    )
    .then(([row]) => row ?? { new: 0, returning: 0 });
  return scope.usersToday;
}

/**
 * Events of the last 24 hours, and per hour for the 24 hours ending with the current one.
 * Hours start on the hour in the time zone (zones half an hour off UTC shift them), so the
 * grouping is on epoch arithmetic and uses the (workspaceId, timestamp) index.
 */
function events(scope: OverviewScope) {
  scope.events ??= (async () => {
    const local = localDateTime(scope.now, scope.timezone);
    const offset = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - Math.floor(scope.now / 1000) * 1000;
    const shift = ((offset % hourMs) + hourMs) % hourMs;
    const currentHour = Math.floor((scope.now - shift) / hourMs) * hourMs + shift;
    const firstHour = currentHour - 23 * hourMs;
    const rows = await scope.prisma.$queryRawUnsafe<Array<{ bucket: number; n: number }>>(
      `SELECT floor((extract(epoch FROM "timestamp") * 1000 - $4) / ${hourMs})::float8 AS bucket, count(*)::int AS n
         FROM "Event"
        WHERE "workspaceId" = $1::uuid AND "timestamp" > $2::timestamptz AND "timestamp" < $3::timestamptz
        GROUP BY 1`,
      scope.workspaceId,
      new Date(scope.now - 24 * hourMs).toISOString(),
      new Date(currentHour + hourMs).toISOString(),
      shift,
    );
    const byHour = new Map(rows.map((row) => [Number(row.bucket) * hourMs + shift, row.n]));
    const perHour = Array.from({ length: 24 }, (_, i) => {
      const hour = firstHour + i * hourMs;
      return { hour: new Date(hour), count: byHour.get(hour) ?? 0 };
    });
    return { total: rows.reduce((sum, row) => sum + row.n, 0), perHour };
  })();
  return scope.events;
}

async function liveJourneys(scope: OverviewScope): Promise<LiveJourneyActivity[]> {
  const journeys = await scope.prisma.journey.findMany({ where: { workspaceId: scope.workspaceId, status: 'LIVE' }, orderBy: { name: 'asc' }, take: 100 });
  if (!journeys.length) return [];
  const journeyId = { in: journeys.map((j) => j.id) };
  const [entered, active] = await Promise.all([
    scope.prisma.journeyRun.groupBy({ by: ['journeyId'], where: { journeyId, enteredAt: { gte: scope.todayStart } }, _count: { _all: true } }),
    scope.prisma.journeyRun.groupBy({ by: ['journeyId'], where: { journeyId, status: 'ACTIVE' }, _count: { _all: true } }),
  ]);
  const enteredBy = new Map(entered.map((row) => [row.journeyId, row._count._all]));
  const activeBy = new Map(active.map((row) => [row.journeyId, row._count._all]));
  return journeys
    .map((journey) => ({ journey, entriesToday: enteredBy.get(journey.id) ?? 0, activeRuns: activeBy.get(journey.id) ?? 0 }))
    .sort((a, b) => b.entriesToday - a.entriesToday || a.journey.name.localeCompare(b.journey.name));
}

const OverviewRef = builder.objectRef<OverviewScope>('Overview').implement({
  description: 'Headline analytics for the overview page. "Today" starts at midnight in `timezone`.',
  fields: (t) => ({
    timezone: t.exposeString('timezone', { description: 'The IANA time zone "today" and the hours are in.' }),
    todayStartsAt: t.expose('todayStart', { type: 'DateTime', description: 'Midnight today in `timezone`.' }),
    users: t.int({ complexity: 5, description: 'All profiles, known and anonymous.', resolve: async (s) => (await userCounts(s)).users }),
    knownUsers: t.int({ complexity: 5, description: 'Profiles with a userId.', resolve: async (s) => (await userCounts(s)).known }),
    anonymousUsers: t.int({ complexity: 5, description: 'Profiles without a userId.', resolve: async (s) => { const c = await userCounts(s); return c.users - c.known; } }),
    newUsersToday: t.int({ complexity: 5, description: 'Users first seen today.', resolve: async (s) => (await usersToday(s)).new }),
    returningUsersToday: t.int({ complexity: 5, description: 'Users seen today who were first seen before today.', resolve: async (s) => (await usersToday(s)).returning }),
    eventsLast24h: t.field({ type: 'SafeInt', complexity: 5, description: 'Events stored with a timestamp in the last 24 hours.', resolve: async (s) => (await events(s)).total }),
    eventsPerHour: t.field({
      type: [HourlyEventCount],
      complexity: 5,
      description: 'Events per hour for the 24 hours ending with the current hour, oldest first (24 points, zeros included).',
      resolve: async (s) => (await events(s)).perHour,
    }),
    liveJourneys: t.field({
      type: [LiveJourneyActivityRef],
      complexity: 10,
      description: 'Live journeys with their entries today and runs in flight, most entries first.',
      resolve: (s) => liveJourneys(s),
    }),
  }),
});

builder.queryField('overview', (t) =>
  t.field({
    type: OverviewRef,
    description: "Headline analytics of the caller's workspace: users, new and returning today, events per hour, live journeys.",
    args: {
      timezone: t.arg.string({
        description: "An IANA time zone for \"today\" and the hours; the workspace's by default.",
        validate: z.string().max(64, 'must be at most 64 characters').refine(isValidTimeZone, 'must be an IANA time zone, e.g. Europe/Paris'),
      }),
    },
    resolve: async (_root, args, context) => {
      const workspaceId = workspaceOf(context);
      let timezone = args.timezone;
      if (!timezone) {
        const workspace = await context.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timezone: true } });
        timezone = isValidTimeZone(workspace.timezone) ? workspace.timezone : 'UTC';
      } else if (!isValidTimeZone(timezone)) {
        throw inputError('timezone', 'must be an IANA time zone, e.g. Europe/Paris');
      }
      const now = Date.now();
      const today = localDateTime(now, timezone);
      const todayStart = new Date(instantAt({ year: today.year, month: today.month, day: today.day, hour: 0, minute: 0 }, timezone));
      return { prisma: context.prisma, workspaceId, timezone, now, todayStart };
    },
  }),
);
