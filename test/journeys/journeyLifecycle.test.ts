import { eventually, type JourneyTestEnvironment, startJourneyTestEnvironment, startTimeSkippingEnvironment } from '../support';
import { journeyScenario, type JourneyScenario, pathOf } from '../support/journeyScenario';

// Pause, resume, stop, archive, and publishing a new version while runs are in flight. Runs wait a day
// on the time-skipping server.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  env = await startJourneyTestEnvironment({ temporalEnv: await startTimeSkippingEnvironment() });
  workspace = await env.createWorkspace('lifecycle');
  s = journeyScenario(env, workspace);
});
afterAll(async () => {
  await env?.close();
  await env?.temporalEnv.teardown();
});

/** Event or API → wait 1 day → email with `subject`. Each journey listens to its own event name. */
const dayThenMail = (subject: string, eventName = `Visited ${subject}`) => ({
  nodes: [
    { id: 'visit', type: 'eventTrigger', settings: { eventName } },
    { id: 'api', type: 'apiTrigger' },
    { id: 'day', type: 'wait', settings: { duration: { amount: 1, unit: 'days' } } },
    { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject, html: '<p>hello</p>' } },
  ],
  edges: [
    { source: 'visit', target: 'day' },
    { source: 'api', target: 'day' },
    { source: 'day', target: 'mail' },
  ],
  entryRules: { reEntry: { mode: 'anyTime' } },
  exitCriteria: [{ kind: 'event', eventName: 'Unsubscribed' }],
});

/** A lifecycle mutation; a GraphQL error comes back as `{ error: { code, message } }`. */
async function lifecycle(mutation: string, id: string) {
  const result = await env.graphql(workspace.secretKey, `mutation($id: ID!) { ${mutation}(id: $id) { status latestVersion } }`, { id });
  return result.errors ? { error: { code: result.errors[0]!.extensions?.code, message: result.errors[0]!.message } } : result.data[mutation];
}

const mailsTo = async (email: string) =>
  (await s.graphql(`{ outbox(first: 100) { edges { node { recipient subject } } } }`)).outbox.edges
    .map((e: { node: { recipient: string; subject: string } }) => e.node)
    .filter((m: { recipient: string }) => m.recipient === email)
    .map((m: { subject: string }) => m.subject);

it('pause stops new entries (events and API) while runs in flight continue; resume accepts entries again', async () => {
  const journeyId = await s.publish('Pausable', dayThenMail('Hello', 'Visited'));
  for (const userId of ['p-early', 'p-leaver', 'p-during', 'p-after']) await s.identify(userId, { email: `${userId}@example.com` });
  for (const userId of ['p-early', 'p-leaver']) {
    await s.track(userId, 'Visited');
    await s.waitingAt(journeyId, userId, 'day');
  }

  expect(await lifecycle('pauseJourney', journeyId)).toEqual({ status: 'PAUSED', latestVersion: 1 });
  expect(await lifecycle('pauseJourney', journeyId)).toEqual({ error: { code: 'CONFLICT', message: 'Only a live journey can be paused (this one is paused)' } });
  await s.track('p-during', 'Visited');
  await s.processed();
  expect(await s.run(journeyId, 'p-during')).toBeNull();
  expect(await s.trigger(journeyId, 'p-during')).toMatchObject({ entered: false, reason: 'the journey is paused' });
  // Runs in flight still hear their events while the journey is paused.
  await s.track('p-leaver', 'Unsubscribed');
  expect(await s.finished(journeyId, 'p-leaver')).toMatchObject({ status: 'EXITED', endReason: 'exit criterion: Unsubscribed' });

  await env.temporalEnv.sleep('1 day');
  expect(pathOf(await s.finished(journeyId, 'p-early'))).toEqual(['visit:next', 'day:next', 'mail:sent']);
  expect(await mailsTo('p-early@example.com')).toEqual(['Hello']);

  expect(await lifecycle('resumeJourney', journeyId)).toEqual({ status: 'LIVE', latestVersion: 1 });
  await s.track('p-after', 'Visited');
  await s.waitingAt(journeyId, 'p-after', 'day');
  await s.track('p-during', 'Visited');
  await s.waitingAt(journeyId, 'p-during', 'day');
});

it('stop cancels every run in flight (each records why), refuses entries; publishing again makes it live', async () => {
  const journeyId = await s.publish('Stoppable', dayThenMail('Never sent'));
  const users = ['st-1', 'st-2', 'st-3'];
  for (const userId of users) {
    await s.identify(userId, { email: `${userId}@example.com` });
    await s.trigger(journeyId, userId);
    await s.waitingAt(journeyId, userId, 'day');
  }
  const stopped = await s.graphql(`mutation($id: ID!) { stopJourney(id: $id) { cancelledRuns journey { status stoppedAt } } }`, { id: journeyId });
  expect(stopped.stopJourney).toMatchObject({ cancelledRuns: 3, journey: { status: 'STOPPED' } });
  expect(stopped.stopJourney.journey.stoppedAt).toBeTruthy();

  for (const userId of users) {
    const run = await s.finished(journeyId, userId);
    expect(run).toMatchObject({ status: 'CANCELLED', endReason: 'the journey was stopped' });
    expect(run.steps.at(-1)).toMatchObject({ kind: 'ENDED', nodeId: 'day', reason: 'the journey was stopped' });
    // The run's record ends first; its workflow closes as cancelled right after.
    await eventually(async () => (await env.temporalEnv.client.workflow.getHandle(run.workflowId).describe()).status.name === 'CANCELLED', { what: `${userId}'s workflow to close as cancelled` });
  }
  expect((await s.stats(journeyId)).stats).toMatchObject({ entered: 3, active: 0, cancelled: 3 });
  expect(await s.trigger(journeyId, 'st-1')).toMatchObject({ entered: false, reason: 'the journey is stopped' });
  await env.temporalEnv.sleep('1 day');
  expect(await mailsTo('st-1@example.com')).toEqual([]);

  expect(await lifecycle('publishJourney', journeyId)).toEqual({ status: 'LIVE', latestVersion: 2 });
  expect(await s.trigger(journeyId, 'st-1')).toMatchObject({ entered: true, run: { version: 2, entryNumber: 2 } });
});

it('archive: only drafts and stopped journeys; archived ones are hidden, read-only and cannot be published', async () => {
  const live = await s.publish('Live, not archivable', dayThenMail('x'));
  expect(await lifecycle('archiveJourney', live)).toEqual({ error: { code: 'CONFLICT', message: 'Only a draft or stopped journey can be archived (this one is live)' } });

  const created = await s.graphql(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id status } }`, { input: { name: 'Abandoned idea', draft: dayThenMail('y') } });
  const draftId = created.createJourney.id;
  expect(await lifecycle('archiveJourney', draftId)).toEqual({ status: 'ARCHIVED', latestVersion: null });

  const names = async (args = '') => (await s.graphql(`{ journeys${args} { name status } }`)).journeys.map((j: { name: string }) => j.name);
  expect(await names()).not.toContain('Abandoned idea');
  expect(await names('(includeArchived: true)')).toContain('Abandoned idea');
  expect(await lifecycle('publishJourney', draftId)).toEqual({ error: { code: 'CONFLICT', message: 'An archived journey cannot be published' } });
  const edit = await env.graphql(workspace.secretKey, `mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { id } }`, { input: { id: draftId, name: 'Revived' } });
  expect(edit.errors?.[0]).toMatchObject({ message: 'An archived journey cannot be edited', extensions: { code: 'CONFLICT', field: 'input.id' } });
  expect(await lifecycle('resumeJourney', draftId)).toMatchObject({ error: { code: 'CONFLICT' } });
});

it('publishing v2 while v1 runs are in flight: old runs finish on v1, new entries use v2', async () => {
  const journeyId = await s.publish('Versioned', dayThenMail('Version one', 'Viewed Versions'));
  for (const userId of ['v-old', 'v-new']) await s.identify(userId, { email: `${userId}@example.com` });
  await s.track('v-old', 'Viewed Versions');
  await s.waitingAt(journeyId, 'v-old', 'day');

  // v2 drops the wait and changes the email: the old run still waits on v1's wait node.
  const v2 = {
    nodes: [
      { id: 'visit', type: 'eventTrigger', settings: { eventName: 'Viewed Versions' } },
      { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Version two', html: '<p>v2</p>' } },
    ],
    edges: [{ source: 'visit', target: 'mail' }],
    entryRules: { reEntry: { mode: 'anyTime' } },
  };
  const revision = (await s.graphql(`query($id: ID!) { journey(id: $id) { draftRevision } }`, { id: journeyId })).journey.draftRevision;
  const updated = await s.graphql(`mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { draftRevision latestVersion } }`, { input: { id: journeyId, draft: v2, expectedRevision: revision } });
  expect(updated.updateJourneyDraft).toEqual({ draftRevision: revision + 1, latestVersion: 1 });
  expect(await lifecycle('publishJourney', journeyId)).toEqual({ status: 'LIVE', latestVersion: 2 });

  await s.track('v-new', 'Viewed Versions');
  const newRun = await s.finished(journeyId, 'v-new');
  expect(newRun.version).toBe(2);
  expect(pathOf(newRun)).toEqual(['visit:next', 'mail:sent']);
  const versions = await s.graphql(`query($id: ID!) { journey(id: $id) { versions { version activeRuns } } }`, { id: journeyId });
  expect(versions.journey.versions).toEqual([{ version: 2, activeRuns: 0 }, { version: 1, activeRuns: 1 }]);

  await env.temporalEnv.sleep('1 day');
  const oldRun = await s.finished(journeyId, 'v-old');
  expect(oldRun.version).toBe(1);
  expect(pathOf(oldRun)).toEqual(['visit:next', 'day:next', 'mail:sent']);
  expect(await mailsTo('v-old@example.com')).toEqual(['Version one']);
  expect(await mailsTo('v-new@example.com')).toEqual(['Version two']);
  const perVersion = await s.graphql(`query($id: ID!) { journey(id: $id) { nodeStats(version: 1) { nodeId entered } } }`, { id: journeyId });
  expect(perVersion.journey.nodeStats).toEqual([{ nodeId: 'day', entered: 1 }, { nodeId: 'mail', entered: 1 }, { nodeId: 'visit', entered: 1 }]);
});
