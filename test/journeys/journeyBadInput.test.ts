import { type JourneyTestEnvironment, publishJourney, startJourneyTestEnvironment } from '../support';
import { journeyScenario, type JourneyScenario } from '../support/journeyScenario';

// Bad definitions and bad triggers get typed errors (`extensions.code`) naming what is wrong, and
// nothing is published or written. One workspace cannot see or trigger another's journeys.
let env: JourneyTestEnvironment;
let a: { workspaceId: string; writeKey: string; secretKey: string };
let b: { workspaceId: string; writeKey: string; secretKey: string };
let s: JourneyScenario;

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  [a, b] = [await env.createWorkspace('bad-input-a'), await env.createWorkspace('bad-input-b')];
  s = journeyScenario(env, a);
  await s.identify('known', { email: 'known@example.com' });
});
afterAll(() => env?.close());

const api = { id: 'api', type: 'apiTrigger' };
const end = (id = 'done') => ({ id, type: 'end' });
const tag = (id: string) => ({ id, type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: id }] } });
const error = (result: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }) => result.errors?.[0];
const mutate = (secretKey: string, query: string, variables: Record<string, unknown>) => env.graphql(secretKey, query, variables);
const writes = async () => ({
  versions: await env.db.prisma.journeyVersion.count(),
  runs: await env.db.prisma.journeyRun.count(),
  triggers: await env.db.prisma.journeyTrigger.count(),
});

const malformed: Array<[string, unknown, Array<{ nodeId?: string; path: string; message: string | RegExp }>]> = [
  ['an unreachable node', { nodes: [api, end(), end('lost')], edges: [{ source: 'api', target: 'done' }] }, [{ nodeId: 'lost', path: 'nodes.2', message: 'is unreachable: no entry trigger leads to it' }]],
  ['a dangling edge', { nodes: [api, { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 's', html: 'h' } }], edges: [{ source: 'api', target: 'mail' }, { source: 'mail', sourceHandle: 'sent', target: 'ghost' }] }, [{ nodeId: 'mail', path: 'edges.1.target', message: 'no node has the id "ghost"' }]],
  ['a branch connected twice', { nodes: [api, end(), end('other')], edges: [{ source: 'api', target: 'done' }, { source: 'api', target: 'other' }] }, [{ nodeId: 'api', path: 'edges.1', message: /^branch "next" of "api" is already connected by edges\.0/ }]],
  ['a branch the node does not have', { nodes: [api, { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 's', html: 'h' } }, end()], edges: [{ source: 'api', target: 'mail' }, { source: 'mail', sourceHandle: 'delivered', target: 'done' }] }, [{ nodeId: 'mail', path: 'edges.1.sourceHandle', message: '"mail" has no branch "delivered" (its branches: sent, failed)' }]],
  ['a loop without a wait', { nodes: [api, tag('a'), tag('b')], edges: [{ source: 'api', target: 'a' }, { source: 'a', target: 'b' }, { source: 'b', target: 'a' }] }, [{ nodeId: 'a', path: 'nodes.1', message: /loop.*wait/ }, { nodeId: 'b', path: 'nodes.2', message: /loop.*wait/ }]],
  ['a template that does not parse', { nodes: [api, { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Hi {{ user.name', html: '{{ user.name | shout }}' } }], edges: [{ source: 'api', target: 'mail' }] }, [{ nodeId: 'mail', path: 'nodes.1.settings.subject', message: 'invalid template: output "{{ user.name" not closed, line:1, col:4' }, { nodeId: 'mail', path: 'nodes.1.settings.html', message: 'invalid template: undefined filter: shout, line:1, col:1' }]],
  ['missing settings', { nodes: [api, { id: 'wait', type: 'wait' }], edges: [{ source: 'api', target: 'wait' }] }, [{ nodeId: 'wait', path: 'nodes.1.settings', message: /expected object/ }]],
  ['a bad setting', { nodes: [api, { id: 'wait', type: 'wait', settings: { duration: { amount: -2, unit: 'fortnights' } } }], edges: [{ source: 'api', target: 'wait' }] }, [{ nodeId: 'wait', path: 'nodes.1.settings.duration.amount', message: 'must be greater than 0' }, { nodeId: 'wait', path: 'nodes.1.settings.duration.unit', message: /Invalid option/ }]],
  ['an unknown node type', { nodes: [api, { id: 'sms', type: 'sendSms', settings: {} }], edges: [{ source: 'api', target: 'sms' }] }, [{ nodeId: 'sms', path: 'nodes.1.type', message: /^Invalid discriminator value/ }]],
  ['percentages that do not add up', { nodes: [api, { id: 'ab', type: 'randomSplit', settings: { branches: [{ key: 'a', percent: 50 }, { key: 'b', percent: 30 }] } }, end()], edges: [{ source: 'api', target: 'ab' }, { source: 'ab', sourceHandle: 'a', target: 'done' }] }, [{ nodeId: 'ab', path: 'nodes.1.settings.branches', message: 'percentages (with the control group) add up to 80; they must add up to 100' }]],
  ['no entry trigger', { nodes: [end()], edges: [] }, [{ path: 'nodes', message: 'needs at least one entry trigger' }, { nodeId: 'done', path: 'nodes.0', message: 'is unreachable: no entry trigger leads to it' }]],
  ['not an object', ['nodes'], [{ path: '', message: 'must be an object with nodes and edges' }]],
];

describe('malformed definitions', () => {
  it.each(malformed)('validateJourneyDefinition reports %s with its node and path', async (_what, definition, expected) => {
    const result = await s.graphql(`query($definition: JSON!) { validateJourneyDefinition(definition: $definition) { valid problems { nodeId path message severity } } }`, { definition });
    expect(result.validateJourneyDefinition.valid).toBe(false);
    const errors = result.validateJourneyDefinition.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors).toEqual(expected.map((problem) => expect.objectContaining({ nodeId: problem.nodeId ?? null, path: problem.path, message: typeof problem.message === 'string' ? problem.message : expect.stringMatching(problem.message) })));
  });

  it('a malformed draft is saved (work in progress) but never published: JOURNEY_INVALID with every problem, nothing written', async () => {
    const before = await writes();
    const draft = malformed[0]![1];
    const created = await s.graphql(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id status latestVersion problems { nodeId path message severity } } }`, { input: { name: 'Broken', draft } });
    expect(created.createJourney).toMatchObject({ status: 'DRAFT', latestVersion: null, problems: [{ nodeId: 'lost', path: 'nodes.2', message: 'is unreachable: no entry trigger leads to it', severity: 'error' }] });
    const id = created.createJourney.id;

    for (const [what, definition, expected] of malformed.filter(([, definition]) => !Array.isArray(definition))) {
      const saved = await mutate(a.secretKey, `mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { id } }`, { input: { id, draft: definition } });
      expect(saved.errors).toBeUndefined();
      const published = await mutate(a.secretKey, `mutation($id: ID!) { publishJourney(id: $id) { id } }`, { id });
      expect({ what, code: error(published)?.extensions?.code, message: error(published)?.message }).toEqual({ what, code: 'JOURNEY_INVALID', message: expect.stringMatching(/^The journey has \d+ problem\(s\) and was not published$/) });
      expect(error(published)!.extensions!.problems).toEqual(expect.arrayContaining(expected.map((problem) => expect.objectContaining({ path: problem.path }))));
    }
    const journey = await s.graphql(`query($id: ID!) { journey(id: $id) { status latestVersion versions { version } } }`, { id });
    expect(journey.journey).toEqual({ status: 'DRAFT', latestVersion: null, versions: [] });
    expect(await writes()).toEqual(before);
  });

  it('createJourney and updateJourneyDraft refuse a draft that is not an object, or too big, with BAD_USER_INPUT and the field', async () => {
    const before = await env.db.prisma.journey.count();
    const create = (input: Record<string, unknown>) => mutate(a.secretKey, `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, { input });
    expect(error(await create({ name: 'List', draft: [1, 2] }))).toMatchObject({ message: 'input.draft: must be a JSON object with nodes and edges', extensions: { code: 'BAD_USER_INPUT', field: 'input.draft' } });
    expect(error(await create({ name: 'Text', draft: 'nodes' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.draft' });
    const huge = { nodes: [api], edges: [], padding: 'x'.repeat(2 * 1024 * 1024 + 1) };
    expect(error(await create({ name: 'Huge', draft: huge }))).toMatchObject({ message: 'input.draft: must be at most 2 MB', extensions: { code: 'BAD_USER_INPUT', field: 'input.draft' } });
    expect(error(await create({ name: '   ', draft: { nodes: [], edges: [] } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await env.db.prisma.journey.count()).toBe(before);

    const id = await publishJourney(env, a.secretKey, 'Good one', { nodes: [api, end()], edges: [{ source: 'api', target: 'done' }] });
    expect(error(await create({ name: 'Good one' }))).toMatchObject({ message: 'A journey named "Good one" already exists', extensions: { code: 'CONFLICT', field: 'input.name' } });
    const update = (input: Record<string, unknown>) => mutate(a.secretKey, `mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { id } }`, { input });
    expect(error(await update({ id, draft: [api] }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.draft' });
    expect(error(await update({ id: 'not-a-uuid', draft: {} }))).toMatchObject({ message: 'input.id: must be a Tideflow id (a UUID)', extensions: { code: 'BAD_USER_INPUT', field: 'input.id' } });
    expect(error(await update({ id: '00000000-0000-4000-8000-000000000000', draft: {} }))?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });

    // A broken v2 is refused; v1 stays the live version.
    await update({ id, draft: malformed[4]![1] });
    expect(error(await mutate(a.secretKey, `mutation($id: ID!) { publishJourney(id: $id) { id } }`, { id }))?.extensions?.code).toBe('JOURNEY_INVALID');
    expect((await s.graphql(`query($id: ID!) { journey(id: $id) { status latestVersion } }`, { id })).journey).toEqual({ status: 'LIVE', latestVersion: 1 });
  });
});

describe('bad triggers', () => {
  let live: string;
  const trigger = (secretKey: string, input: Record<string, unknown>) =>
    mutate(secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered duplicate reason run { id } } }`, { input });

  beforeAll(async () => {
    live = await publishJourney(env, a.secretKey, 'Live API journey', { nodes: [api, end()], edges: [{ source: 'api', target: 'done' }] });
  });

  it('a wrong journey id, an unknown user, a journey without an API trigger, a bad payload: typed errors, no run', async () => {
    const before = await writes();
    expect(error(await trigger(a.secretKey, { journeyId: 'journey-1', userId: 'known' }))).toMatchObject({ message: 'input.journeyId: must be a Tideflow id (a UUID)', extensions: { code: 'BAD_USER_INPUT', field: 'input.journeyId' } });
    expect(error(await trigger(a.secretKey, { journeyId: '00000000-0000-4000-8000-000000000000', userId: 'known' }))?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.journeyId' });
    expect(error(await trigger(a.secretKey, { journeyId: live, userId: 'stranger' }))).toMatchObject({ message: 'User "stranger" was not found in this workspace', extensions: { code: 'NOT_FOUND', field: 'input.userId' } });
    expect(error(await trigger(a.secretKey, { journeyId: live, userId: '' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    expect(error(await trigger(a.secretKey, { journeyId: live, userId: 'known', payload: { note: 'nul \u0000 byte' } }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^input\.payload/) });
    expect(error(await trigger(a.secretKey, { journeyId: live, userId: 'known', payload: [1, 2] }))?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);

    const eventOnly = await publishJourney(env, a.secretKey, 'Event only', { nodes: [{ id: 'signup', type: 'eventTrigger', settings: { eventName: 'Signed Up' } }, end()], edges: [{ source: 'signup', target: 'done' }] });
    expect(error(await trigger(a.secretKey, { journeyId: eventOnly, userId: 'known' }))).toMatchObject({ message: 'input.journeyId: the journey has no API trigger in its published version', extensions: { code: 'BAD_USER_INPUT', field: 'input.journeyId' } });
    expect((await writes()).runs).toBe(before.runs);
  });

  it('a journey that is not live: not entered, with the reason (the documented result, not an error)', async () => {
    const created = await s.graphql(`mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, { input: { name: 'Never published', draft: { nodes: [api, end()], edges: [{ source: 'api', target: 'done' }] } } });
    expect((await trigger(a.secretKey, { journeyId: created.createJourney.id, userId: 'known' })).data.triggerJourney).toEqual({ entered: false, duplicate: false, reason: 'the journey has never been published', run: null });
    await s.graphql(`mutation($id: ID!) { pauseJourney(id: $id) { id } }`, { id: live });
    expect((await trigger(a.secretKey, { journeyId: live, userId: 'known' })).data.triggerJourney).toEqual({ entered: false, duplicate: false, reason: 'the journey is paused', run: null });
    await s.graphql(`mutation($id: ID!) { resumeJourney(id: $id) { id } }`, { id: live });
    expect(await env.db.prisma.journeyRun.count({ where: { journeyId: live } })).toBe(0);
  });
});

describe('workspace isolation', () => {
  it("workspace B's secret key cannot see, change or trigger workspace A's journeys, runs or messages", async () => {
    const journeyId = await publishJourney(env, a.secretKey, 'A only', { nodes: [api, { id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'A', html: 'a' } }], edges: [{ source: 'api', target: 'mail' }] });
    expect((await s.trigger(journeyId, 'known')).entered).toBe(true);
    await s.finished(journeyId, 'known');
    await env.ingest(b.writeKey, 'identify', { userId: 'known', traits: { email: 'b-known@example.com' } });

    const asB = (query: string, variables: Record<string, unknown> = {}) => env.graphql(b.secretKey, query, variables);
    expect((await asB(`query($id: ID!) { journey(id: $id) { id } }`, { id: journeyId })).data.journey).toBeNull();
    expect((await asB(`{ journeys { id } }`)).data.journeys).toEqual([]);
    expect((await asB(`query($id: ID!) { journeyRun(journeyId: $id, userId: "known") { id } }`, { id: journeyId })).data.journeyRun).toBeNull();
    expect((await asB(`query($id: ID!) { journeyRuns(journeyId: $id) { totalCount } }`, { id: journeyId })).data.journeyRuns.totalCount).toBe(0);
    expect((await asB(`{ outbox(first: 5) { totalCount } messages(first: 5) { totalCount } }`)).data).toEqual({ outbox: { totalCount: 0 }, messages: { totalCount: 0 } });
    expect((await asB(`{ user(externalId: "known") { journeyRuns { id } } }`)).data.user.journeyRuns).toEqual([]);

    for (const mutation of ['publishJourney', 'pauseJourney', 'resumeJourney', 'archiveJourney']) {
      expect(error(await asB(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: journeyId }))?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
    expect(error(await asB(`mutation($id: ID!) { stopJourney(id: $id) { cancelledRuns } }`, { id: journeyId }))?.extensions?.code).toBe('NOT_FOUND');
    expect(error(await asB(`mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { id } }`, { input: { id: journeyId, name: 'Hijacked' } }))?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(error(await trigger(b.secretKey, { journeyId, userId: 'known' }))?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.journeyId' });

    expect((await s.graphql(`query($id: ID!) { journey(id: $id) { name status stats { entered } } }`, { id: journeyId })).journey).toEqual({ name: 'A only', status: 'LIVE', stats: { entered: 1 } });
  });

  const trigger = (secretKey: string, input: Record<string, unknown>) =>
    mutate(secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered } }`, { input });
});
