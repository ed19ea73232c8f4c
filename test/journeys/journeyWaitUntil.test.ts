import { eventually, type JourneyTestEnvironment, startJourneyTestEnvironment, startTimeSkippingEnvironment } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt, type RunView } from '../support/journeyScenario';

// Waiting nodes on Temporal's time-skipping test server: waits of days and weeks are real timers, skipped
// over with env.sleep (the journeys are not shortened). Instants are computed from the server's clock,
// which runs ahead of the wall clock once time has been skipped.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
const day = 86_400_000;

beforeAll(async () => {
  env = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  s = journeyScenario(env, await env.createWorkspace('wait-until'));
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
});

const serverNow = () => env.temporalEnv.currentTimeMs();
const iso = (ms: number) => new Date(ms).toISOString();
/** api → wait → done. */
const waitJourney = (wait: Record<string, unknown>) => ({
  nodes: [{ id: 'api', type: 'apiTrigger' }, { id: 'until', type: 'waitUntil', settings: wait }, { id: 'done', type: 'end' }],
  edges: [{ source: 'api', target: 'until' }, { source: 'until', target: 'done' }],
  entryRules: { reEntry: { mode: 'anyTime' } },
});
/** The instant in a WAITING reason's "(until …)". */
const untilOf = (run: RunView) => Date.parse(/\(until ([^)]+)\)$/.exec(reasonAt(run, 'until', 'WAITING') ?? '')?.[1] ?? 'none');
const isActive = async (journeyId: string, userId: string) => (await s.run(journeyId, userId))?.status === 'ACTIVE';

it('absolute: waits until the instant (days away), or continues at once when it has passed', async () => {
  const at = iso(Math.ceil(((await serverNow()) + 3 * day) / 1000) * 1000);
  const journeyId = await s.publish('Launch day', waitJourney({ mode: 'absolute', at }));
  await s.identify('abs', { email: 'abs@example.com' });
  expect((await s.trigger(journeyId, 'abs')).entered).toBe(true);
  const waiting = await s.waitingAt(journeyId, 'abs', 'until');
  expect(reasonAt(waiting, 'until', 'WAITING')).toBe(`waiting until ${at}`);

  await env.temporalEnv.sleep('2 days');
  expect(await isActive(journeyId, 'abs')).toBe(true);
  await env.temporalEnv.sleep('1 day');
  const run = await s.finished(journeyId, 'abs');
  expect(pathOf(run)).toEqual(['api:next', 'until:next']);
  expect(reasonAt(run, 'until')).toBe(`waited until ${at}`);
  expect(Date.parse(run.steps.at(-1)!.at)).toBeGreaterThanOrEqual(Date.parse(at));

  const past = await s.publish('Already over', waitJourney({ mode: 'absolute', at: '2024-01-01T00:00:00Z' }));
  await s.trigger(past, 'abs');
  expect(reasonAt(await s.finished(past, 'abs'), 'until')).toBe('until 2024-01-01T00:00:00Z: already passed, continued at once');
});

it('attribute: a date trait shifted by an offset; a missing or non-date attribute continues at once with the reason', async () => {
  const renewal = iso((await serverNow()) + 10 * day);
  const journeyId = await s.publish('Before renewal', waitJourney({ mode: 'attribute', source: 'user', path: 'renewalDate', offset: { direction: 'before', duration: { amount: 3, unit: 'days' } } }));
  await s.identify('renews', { renewalDate: renewal });
  await s.identify('no-date', { plan: 'pro' });
  await s.identify('bad-date', { renewalDate: 'soon' });
  for (const userId of ['renews', 'no-date', 'bad-date']) await s.trigger(journeyId, userId);

  expect(reasonAt(await s.finished(journeyId, 'no-date'), 'until')).toBe('user.renewalDate is missing: continued at once');
  expect(reasonAt(await s.finished(journeyId, 'bad-date'), 'until')).toBe('user.renewalDate is not a date ("soon"): continued at once');
  const waiting = await s.waitingAt(journeyId, 'renews', 'until');
  const until = iso(Date.parse(renewal) - 3 * day);
  expect(reasonAt(waiting, 'until', 'WAITING')).toBe(`waiting until 3 days before user.renewalDate (${renewal}) (until ${until})`);

  await env.temporalEnv.sleep('6 days');
  expect(await isActive(journeyId, 'renews')).toBe(true);
  await env.temporalEnv.sleep('1 day');
  const run = await s.finished(journeyId, 'renews');
  expect(reasonAt(run, 'until')).toBe(`waited until 3 days before user.renewalDate (${renewal})`);
});

it('attribute: a date from the trigger payload, shifted after', async () => {
  const checkIn = iso((await serverNow()) + day);
  const journeyId = await s.publish('After check-in', waitJourney({ mode: 'attribute', source: 'triggerEvent', path: 'properties.checkIn', offset: { direction: 'after', duration: { amount: 2, unit: 'hours' } } }));
  await s.identify('guest', {});
  await s.trigger(journeyId, 'guest', { checkIn });
  const waiting = await s.waitingAt(journeyId, 'guest', 'until');
  expect(reasonAt(waiting, 'until', 'WAITING')).toBe(`waiting until 2 hours after event.properties.checkIn (${checkIn}) (until ${iso(Date.parse(checkIn) + 2 * 3_600_000)})`);
  await env.temporalEnv.sleep('1 day');
  expect(await isActive(journeyId, 'guest')).toBe(true);
  await env.temporalEnv.sleep('2 hours');
  expect((await s.finished(journeyId, 'guest')).status).toBe('COMPLETED');
});

it("timeOfDay: the next 09:00 in the user's time zone, else in the fallback zone; weekdays respected", async () => {
  const nine = await s.publish('Nine in the morning', waitJourney({ mode: 'timeOfDay', time: '09:00', fallbackTimezone: 'America/New_York' }));
  const saturday = await s.publish('Saturday evening', waitJourney({ mode: 'timeOfDay', time: '18:30', weekdays: ['sat'], fallbackTimezone: 'Europe/Berlin' }));
  await s.identify('tokyo', { timezone: 'Asia/Tokyo' });
  await s.identify('nozone', {});
  await s.identify('badzone', { timezone: 'Mars/Olympus_Mons' });
  for (const userId of ['tokyo', 'nozone']) {
    await s.trigger(nine, userId);
    await s.trigger(saturday, userId);
  }
  // A time zone that is not one: the fallback zone.
  await s.trigger(nine, 'badzone');
  const local = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const expectations: Array<[string, string, string, string, RegExp, number]> = [
    [nine, 'tokyo', "user's time zone Asia/Tokyo", 'Asia/Tokyo', /^\w{3} 09:00$/, day],
    [nine, 'nozone', 'fallback time zone America/New_York', 'America/New_York', /^\w{3} 09:00$/, day],
    [nine, 'badzone', 'fallback time zone America/New_York', 'America/New_York', /^\w{3} 09:00$/, day],
    [saturday, 'tokyo', "user's time zone Asia/Tokyo", 'Asia/Tokyo', /^Sat 18:30$/, 7 * day],
    [saturday, 'nozone', 'fallback time zone Europe/Berlin', 'Europe/Berlin', /^Sat 18:30$/, 7 * day],
  ];
  for (const [journeyId, userId, zoneNote, zone, shown, within] of expectations) {
    const run = await s.waitingAt(journeyId, userId, 'until');
    const weekdays = journeyId === nine ? 'mon/tue/wed/thu/fri/sat/sun' : 'sat';
    const time = journeyId === nine ? '09:00' : '18:30';
    expect(reasonAt(run, 'until', 'WAITING')).toBe(`waiting until ${time} on ${weekdays} (${zoneNote}) (until ${iso(untilOf(run))})`);
    expect(local(untilOf(run), zone)).toMatch(shown);
    const waitingFrom = Date.parse(run.steps.find((step) => step.kind === 'WAITING')!.at);
    expect(untilOf(run) - waitingFrom).toBeGreaterThan(0);
    expect(untilOf(run) - waitingFrom).toBeLessThanOrEqual(within);
  }

  await env.temporalEnv.sleep('1 day');
  for (const userId of ['tokyo', 'nozone', 'badzone']) expect(reasonAt(await s.finished(nine, userId), 'until')).toMatch(/^waited until 09:00 on /);
  await env.temporalEnv.sleep('6 days');
  for (const userId of ['tokyo', 'nozone']) expect((await s.finished(saturday, userId)).status).toBe('COMPLETED');
});

it('a loop back through a one-day wait is bounded by maxNodeVisits', async () => {
  const journeyId = await s.publish('Daily nudge', {
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      { id: 'day', type: 'wait', label: 'Wait a day', settings: { duration: { amount: 1, unit: 'days' } } },
      { id: 'nudge', type: 'updateUser', settings: { updates: [{ op: 'increment', attribute: 'nudges', by: 1 }] } },
    ],
    edges: [
      { source: 'api', target: 'day' },
      { source: 'day', target: 'nudge' },
      { source: 'nudge', target: 'day' },
    ],
    maxNodeVisits: 3,
  });
  await s.identify('looper', {});
  await s.trigger(journeyId, 'looper');
  for (const nudges of [1, 2, 3]) {
    await s.waitingAt(journeyId, 'looper', 'day');
    await env.temporalEnv.sleep('1 day');
    await eventually(async () => (await s.user('looper')).traits.nudges === nudges, { what: `${nudges} nudge(s)` });
  }
  const run = await s.finished(journeyId, 'looper');
  expect(run.status).toBe('EXITED');
  expect(run.endReason).toBe('loop limit: "Wait a day" reached 3 visits');
  expect(pathOf(run)).toEqual(['api:next', 'day:next', 'nudge:next', 'day:next', 'nudge:next', 'day:next', 'nudge:next']);
  expect((await s.stats(journeyId)).nodeStats.find((n: { nodeId: string }) => n.nodeId === 'day')).toMatchObject({ entered: 3, branches: [{ branch: 'next', count: 3, percent: 100 }] });
});
