import { type JourneyTestEnvironment, startJourneyTestEnvironment, startTimeSkippingEnvironment } from '../support';
import { journeyScenario, type JourneyScenario } from '../support/journeyScenario';

// Entry rules, checked when a user would enter (through triggerJourney here, whose `reason` says why
// not; events take the same path). Runs wait a day, so the time-skipping server ends them on demand.
let env: JourneyTestEnvironment;
let s: JourneyScenario;

beforeAll(async () => {
  env = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  s = journeyScenario(env, await env.createWorkspace('entry-rules'));
  await s.batch(['ann', 'bob', 'cy', 'dee', 'eve'].map((userId) => ({ type: 'identify', userId, traits: { email: `${userId}@example.com` } })));
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
});

/** api → wait 1 day → end, with the given entry rules. */
const dayLong = (entryRules: Record<string, unknown>) => ({
  nodes: [
    { id: 'api', type: 'apiTrigger' },
    { id: 'day', type: 'wait', settings: { duration: { amount: 1, unit: 'days' } } },
    { id: 'done', type: 'end' },
  ],
  edges: [
    { source: 'api', target: 'day' },
    { source: 'day', target: 'done' },
  ],
  entryRules,
});

const runsOf = (journeyId: string) => env.db.prisma.journeyRun.findMany({ where: { journeyId }, orderBy: { enteredAt: 'asc' }, select: { entryNumber: true, status: true, user: { select: { externalId: true } } } });

it('re-entry "never": a user enters once, even after the run ended', async () => {
  const journeyId = await s.publish('Never again', dayLong({ reEntry: { mode: 'never' } }));
  expect(await s.trigger(journeyId, 'ann')).toMatchObject({ entered: true, run: { entryNumber: 1 } });
  expect(await s.trigger(journeyId, 'ann')).toEqual({ entered: false, duplicate: false, reason: 'already entered once (re-entry: never)', run: null });
  await s.waitingAt(journeyId, 'ann', 'day');
  await env.temporalEnv.sleep('1 day');
  expect((await s.finished(journeyId, 'ann')).status).toBe('COMPLETED');
  expect((await s.trigger(journeyId, 'ann')).reason).toBe('already entered once (re-entry: never)');
  expect(await runsOf(journeyId)).toHaveLength(1);
});

it('re-entry "after exit": refused while the run is active, accepted once it has ended', async () => {
  const journeyId = await s.publish('After exit', dayLong({ reEntry: { mode: 'afterExit' } }));
  expect((await s.trigger(journeyId, 'bob')).entered).toBe(true);
  await s.waitingAt(journeyId, 'bob', 'day');
  expect(await s.trigger(journeyId, 'bob')).toMatchObject({ entered: false, reason: 'already in the journey (re-entry: after exit)' });

  await env.temporalEnv.sleep('1 day');
  await s.finished(journeyId, 'bob', 1);
  expect(await s.trigger(journeyId, 'bob')).toMatchObject({ entered: true, run: { entryNumber: 2 } });
  await s.waitingAt(journeyId, 'bob', 'day', 2);
  expect(await runsOf(journeyId)).toEqual([
    { entryNumber: 1, status: 'COMPLETED', user: { externalId: 'bob' } },
    { entryNumber: 2, status: 'ACTIVE', user: { externalId: 'bob' } },
  ]);
});

it('re-entry "any time": overlapping runs, a minimum gap between entries, and a maximum of entries per user', async () => {
  const free = await s.publish('Any time', dayLong({ reEntry: { mode: 'anyTime' }, maxEntriesPerUser: 3 }));
  for (const entryNumber of [1, 2, 3]) expect(await s.trigger(free, 'cy')).toMatchObject({ entered: true, run: { entryNumber } });
  expect(await s.trigger(free, 'cy')).toMatchObject({ entered: false, reason: 'reached the maximum of 3 entries per user' });
  for (const entryNumber of [1, 2, 3]) await s.waitingAt(free, 'cy', 'day', entryNumber);

  const hourly = await s.publish('Once an hour', dayLong({ reEntry: { mode: 'anyTime', minimumGap: { amount: 1, unit: 'hours' } } }));
  expect((await s.trigger(hourly, 'cy')).entered).toBe(true);
  expect(await s.trigger(hourly, 'cy')).toMatchObject({ entered: false, reason: 'entered less than 1 hour ago (re-entry gap)' });

  // The gap is measured on the wall clock at entry (the API's clock, not Temporal's): a short one, really waited out.
  const gapped = await s.publish('Three seconds apart', dayLong({ reEntry: { mode: 'anyTime', minimumGap: { amount: 3, unit: 'seconds' } } }));
  expect((await s.trigger(gapped, 'cy')).entered).toBe(true);
  expect((await s.trigger(gapped, 'cy')).reason).toBe('entered less than 3 seconds ago (re-entry gap)');
  await new Promise((resolve) => setTimeout(resolve, 3_100));
  expect(await s.trigger(gapped, 'cy')).toMatchObject({ entered: true, run: { entryNumber: 2 } });
});

it('the entry window: refused before it opens and after it closes, with nothing recorded', async () => {
  const nowMs = Date.now();
  const opensAt = new Date(nowMs + 7 * 86_400_000).toISOString();
  const closedAt = new Date(nowMs - 86_400_000).toISOString();
  const notYet = await s.publish('Not open yet', dayLong({ window: { startAt: opensAt } }));
  const over = await s.publish('Closed', dayLong({ window: { startAt: new Date(nowMs - 7 * 86_400_000).toISOString(), endAt: closedAt } }));
  const open = await s.publish('Open now', dayLong({ window: { startAt: new Date(nowMs - 86_400_000).toISOString(), endAt: opensAt } }));

  expect(await s.trigger(notYet, 'dee')).toEqual({ entered: false, duplicate: false, reason: `entries open at ${opensAt}`, run: null });
  expect(await s.trigger(over, 'dee')).toEqual({ entered: false, duplicate: false, reason: `entries closed at ${closedAt}`, run: null });
  expect((await s.trigger(open, 'dee')).entered).toBe(true);
  expect(await runsOf(notYet)).toEqual([]);
  expect(await runsOf(over)).toEqual([]);
  expect((await s.stats(notYet)).stats.entered).toBe(0);
});

it('maxConcurrentUsers: refused with the reason while the journey is full, accepted once a run ends', async () => {
  const journeyId = await s.publish('One at a time', dayLong({ maxConcurrentUsers: 1 }));
  expect((await s.trigger(journeyId, 'dee')).entered).toBe(true);
  await s.waitingAt(journeyId, 'dee', 'day');
  expect(await s.trigger(journeyId, 'eve')).toEqual({ entered: false, duplicate: false, reason: 'the journey already has 1 user in it (maximum 1)', run: null });
  expect(await s.run(journeyId, 'eve')).toBeNull();

  await env.temporalEnv.sleep('1 day');
  await s.finished(journeyId, 'dee');
  expect((await s.trigger(journeyId, 'eve')).entered).toBe(true);
  expect((await s.stats(journeyId)).stats).toMatchObject({ entered: 2, active: 1, completed: 1 });
});

it("one user's simultaneous entries are decided one at a time: re-entry rules and idempotency keys hold under concurrency", async () => {
  const journeyId = await s.publish('Simultaneous', dayLong({ reEntry: { mode: 'never' } }));
  const distinct = await Promise.all(Array.from({ length: 8 }, () => s.trigger(journeyId, 'eve')));
  expect(distinct.filter((result) => result.entered)).toHaveLength(1);
  expect(distinct.filter((result) => !result.entered).map((result) => result.reason)).toEqual(Array(7).fill('already entered once (re-entry: never)'));

  const anyTime = await s.publish('Simultaneous, same key', dayLong({ reEntry: { mode: 'anyTime' } }));
  const sameKey = await Promise.all(Array.from({ length: 8 }, () => s.trigger(anyTime, 'eve', { n: 1 }, 'checkout-42')));
  const runIds = new Set(sameKey.map((result) => result.run?.id));
  expect(runIds.size).toBe(1);
  expect(sameKey.filter((result) => result.entered && !result.duplicate)).toHaveLength(1);
  expect(sameKey.filter((result) => result.duplicate)).toHaveLength(7);
  expect((await runsOf(anyTime)).map((run) => run.entryNumber)).toEqual([1]);
});
