import { chooseRandomBranch } from '@tideflow/domain';
import { type JourneyTestEnvironment, startJourneyTestEnvironment } from '../support';
import { journeyScenario, type JourneyScenario, pathOf } from '../support/journeyScenario';

// Random splits: stable per user (the draw is a hash of user, journey, version and node, so a user who
// enters again lands in the same branch), spread by the percentages, and a control group that leaves
// without messages and is counted. No timers here.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let journeyId: string;
const users = Array.from({ length: 80 }, (_, i) => `split-${String(i).padStart(2, '0')}`);
const settings = { branches: [{ key: 'a', label: 'Variant A', percent: 50 }, { key: 'b', label: 'Variant B', percent: 30 }], controlPercent: 20 };

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  s = journeyScenario(env, await env.createWorkspace('random-split'));
  await s.batch(users.map((userId) => ({ type: 'identify', userId, traits: { email: `${userId}@example.com` } })));
  journeyId = await s.publish('A/B test', {
    nodes: [
      { id: 'api', type: 'apiTrigger' },
      { id: 'ab', type: 'randomSplit', settings },
      { id: 'mail-a', type: 'sendMessage', settings: { channel: 'email', subject: 'Variant A', html: '<p>A</p>' } },
      { id: 'mail-b', type: 'sendMessage', settings: { channel: 'email', subject: 'Variant B', html: '<p>B</p>' } },
    ],
    edges: [
      { source: 'api', target: 'ab' },
      { source: 'ab', sourceHandle: 'a', target: 'mail-a' },
      { source: 'ab', sourceHandle: 'b', target: 'mail-b' },
    ],
    entryRules: { reEntry: { mode: 'afterExit' } },
  });
});
afterAll(() => env?.close());

/** Triggers users a few at a time and waits for their runs to end. */
async function enterAll(userIds: string[]) {
  for (let i = 0; i < userIds.length; i += 8) {
    const chunk = userIds.slice(i, i + 8);
    const results = await Promise.all(chunk.map((userId) => s.trigger(journeyId, userId)));
    expect(results.every((r) => r.entered)).toBe(true);
  }
  return Promise.all(userIds.map(async (userId) => s.finished(journeyId, userId, undefined, 60_000)));
}

const branchTaken = (run: { steps: Array<{ nodeId: string | null; kind: string; branch: string | null }> }) => run.steps.find((st) => st.nodeId === 'ab' && st.kind === 'BRANCH')!.branch!;

it('spreads ~80 users by the percentages, each exactly where the stable draw puts them; the control group exits and is counted', async () => {
  const runs = await enterAll(users);
  const counts: Record<string, number> = { a: 0, b: 0, control: 0 };
  for (const [index, run] of runs.entries()) {
    const branch = branchTaken(run);
    counts[branch]!++;
    // The same draw the workflow makes, from the user's Tideflow id: the split is deterministic.
    const { id } = await s.user(users[index]!);
    expect(chooseRandomBranch(settings, `${id}|${journeyId}|1|ab`).branch ?? 'control').toBe(branch);
    const draw = /\(draw (\d+\.\d\d) of 100\)$/.exec(run.steps.find((st) => st.nodeId === 'ab' && st.kind === 'BRANCH')!.reason!)![1];
    expect(Number(draw)).toBeGreaterThanOrEqual(0);
    if (branch === 'control') {
      expect(run.status).toBe('EXITED');
      expect(run.endReason).toBe('control group: no messages');
      expect(run.steps.find((st) => st.nodeId === 'ab' && st.kind === 'BRANCH')!.reason).toBe(`control group (draw ${draw} of 100)`);
      expect(run.steps.some((st) => st.messageId)).toBe(false);
    } else {
      expect(run.status).toBe('COMPLETED');
      expect(pathOf(run)).toEqual(['api:next', `ab:${branch}`, `mail-${branch}:sent`]);
      expect(run.steps.find((st) => st.nodeId === 'ab' && st.kind === 'BRANCH')!.reason).toBe(`random split: ${branch} (draw ${draw} of 100)`);
    }
  }
  // Roughly the percentages (80 users: within 20 points of 50/30/20 fails far less than once in a thousand runs).
  expect(counts.a! + counts.b! + counts.control!).toBe(80);
  expect(Math.abs((counts.a! / 80) * 100 - 50)).toBeLessThan(20);
  expect(Math.abs((counts.b! / 80) * 100 - 30)).toBeLessThan(20);
  expect(Math.abs((counts.control! / 80) * 100 - 20)).toBeLessThan(20);
  expect(counts.control).toBeGreaterThan(0);

  const journey = await s.stats(journeyId);
  expect(journey.stats).toMatchObject({ entered: 80, completed: counts.a! + counts.b!, exitedEarly: counts.control });
  const ab = journey.nodeStats.find((n: { nodeId: string }) => n.nodeId === 'ab');
  expect(ab.entered).toBe(80);
  expect(Object.fromEntries(ab.branches.map((b: { branch: string; count: number }) => [b.branch, b.count]))).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
  const control = ab.branches.find((b: { branch: string }) => b.branch === 'control');
  expect(control.percent).toBeCloseTo((counts.control! / 80) * 100, 1);

  const outbox = await s.graphql(`{ outbox(first: 1) { totalCount } }`);
  expect(outbox.outbox.totalCount).toBe(counts.a! + counts.b!);
});

it('a user who enters again lands in the same branch (control included)', async () => {
  const firstRuns = await Promise.all(users.map((userId) => s.run(journeyId, userId, 1)));
  const byBranch = (branch: string) => users.filter((_, index) => branchTaken(firstRuns[index]!) === branch).slice(0, 4);
  const again = [...byBranch('a'), ...byBranch('b'), ...byBranch('control')];
  expect(byBranch('control').length).toBeGreaterThan(0);
  const first = again.map((userId) => firstRuns[users.indexOf(userId)]!);
  const second = await enterAll(again);
  for (const [index, run] of second.entries()) {
    expect(run.entryNumber).toBe(2);
    expect(branchTaken(run)).toBe(branchTaken(first[index]!));
  }
});
