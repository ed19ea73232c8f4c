import { ScheduleNotFoundError } from '@temporalio/client';
import { searchAttributes } from '@tideflow/workflows';
import { eventually, type JourneyTestEnvironment, startJourneyTestEnvironment } from '../support';
import { journeyScenario, type JourneyScenario, pathOf, reasonAt } from '../support/journeyScenario';

// Entry triggers, driven as users drive them: events through the Segment HTTP API, triggerJourney over
// GraphQL, and scheduled audiences as Temporal Schedules. The dev server: the Java time-skipping test
// server does not implement schedules ("Failed to create schedule"), and nothing here waits on a timer.
let env: JourneyTestEnvironment;
let s: JourneyScenario;
let workspaceId: string;

beforeAll(async () => {
  env = await startJourneyTestEnvironment();
  const workspace = await env.createWorkspace('triggers');
  workspaceId = workspace.workspaceId;
  s = journeyScenario(env, workspace);
});
afterAll(() => env?.close());

const end = { id: 'done', type: 'end' };

describe('event trigger', () => {
  it('enters only on events whose properties pass every filter (each operator family)', async () => {
    const positive = await s.publish('Filters: equality, order, contains, membership, presence', {
      nodes: [
        {
          id: 'viewed',
          type: 'eventTrigger',
          settings: {
            eventName: 'Product Viewed',
            filters: [
              { property: 'category', operator: 'eq', value: 'shoes' },
              { property: 'price', operator: 'gte', value: 100 },
              { property: 'tags', operator: 'contains', value: 'sale' },
              { property: 'brand.name', operator: 'in', value: ['acme', 'zeta'] },
              { property: 'coupon', operator: 'exists' },
            ],
          },
        },
        end,
      ],
      edges: [{ source: 'viewed', target: 'done' }],
    });
    const negative = await s.publish('Filters: the negations', {
      nodes: [
        {
          id: 'viewed',
          type: 'eventTrigger',
          settings: {
            eventName: 'Product Viewed',
            filters: [
              { property: 'category', operator: 'neq', value: 'socks' },
              { property: 'price', operator: 'lt', value: 50 },
              { property: 'tags', operator: 'notContains', value: 'sale' },
              { property: 'brand.name', operator: 'notIn', value: ['acme'] },
              { property: 'coupon', operator: 'notExists' },
            ],
          },
        },
        end,
      ],
      edges: [{ source: 'viewed', target: 'done' }],
    });
    const match = { category: 'Shoes', price: '120', tags: ['new', 'sale'], brand: { name: 'acme' }, coupon: 'SPRING' };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['f-match', match],
      ['f-category', { ...match, category: 'boots' }],
      ['f-price', { ...match, price: 99.5 }],
      ['f-tags', { ...match, tags: ['new'] }],
      ['f-brand', { ...match, brand: { name: 'other' } }],
      ['f-coupon', { ...match, coupon: '' }],
      ['f-negative', { category: 'hats', price: 20, tags: 'clearance', brand: { name: 'zeta' } }],
    ];
    for (const [userId, properties] of cases) await s.track(userId, 'Product Viewed', properties);
    await s.processed();

    const entered = async (journeyId: string) => {
      const result: string[] = [];
      for (const [userId] of cases) if (await s.run(journeyId, userId)) result.push(userId);
      return result;
    };
    expect(await entered(positive)).toEqual(['f-match']);
    expect(await entered(negative)).toEqual(['f-negative']);
    const run = await s.finished(positive, 'f-match');
    expect(run.triggerEvent).toMatchObject({ name: 'Product Viewed', properties: match });
    expect(reasonAt(run, 'viewed')).toBe('entered on Product Viewed');
  });

  it('"2 times within 1 day": the first event does not enter, the second does; older events do not count', async () => {
    const journeyId = await s.publish('Pricing twice', {
      nodes: [
        { id: 'pricing', type: 'eventTrigger', settings: { eventName: 'Page Viewed', filters: [{ property: 'path', operator: 'eq', value: '/pricing' }], occurrence: { count: 2, within: { amount: 1, unit: 'days' } } } },
        end,
      ],
      edges: [{ source: 'pricing', target: 'done' }],
    });
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await s.track('o-1', 'Page Viewed', { path: '/pricing' }, { timestamp: twoDaysAgo });
    await s.track('o-1', 'Page Viewed', { path: '/pricing' });
    await s.track('o-1', 'Page Viewed', { path: '/about' });
    await s.processed();
    expect(await s.run(journeyId, 'o-1')).toBeNull();

    await s.track('o-1', 'Page Viewed', { path: '/pricing' });
    const run = await s.finished(journeyId, 'o-1');
    expect(run.status).toBe('COMPLETED');
    expect(reasonAt(run, 'pricing')).toBe('entered on Page Viewed (2 times within 1 day)');
    expect((await s.user('o-1')).journeyRuns).toHaveLength(1);
  });
});

describe('API trigger', () => {
  it('uses the payload in templates and in trigger-property conditions', async () => {
    const journeyId = await s.publish('Order follow-up', {
      nodes: [
        { id: 'api', type: 'apiTrigger', settings: { description: 'called by the shop backend' } },
        {
          id: 'big',
          type: 'conditionSplit',
          settings: {
            branches: [{ key: 'big', when: { match: 'all', conditions: [{ kind: 'triggerProperty', property: 'tier', operator: 'eq', value: 'gold' }, { kind: 'triggerProperty', property: 'order.total', operator: 'gt', value: 100 }] } }],
          },
        },
        { id: 'thanks', type: 'sendMessage', settings: { channel: 'email', subject: 'Order {{ event.orderId }}: {{ event.order.total }} EUR', html: '<p>{{ event.tier | capitalize }} customer, {{ event.properties.order.items | size }} items</p>' } },
        end,
      ],
      edges: [
        { source: 'api', target: 'big' },
        { source: 'big', sourceHandle: 'big', target: 'thanks' },
        { source: 'big', sourceHandle: 'else', target: 'done' },
      ],
    });
    await s.identify('api-gold', { email: 'gold@example.com' });
    await s.identify('api-silver', { email: 'silver@example.com' });
    const gold = await s.trigger(journeyId, 'api-gold', { orderId: 'A-17', tier: 'gold', order: { total: 250, items: ['a', 'b', 'c'] } });
    const silver = await s.trigger(journeyId, 'api-silver', { orderId: 'A-18', tier: 'silver', order: { total: 250 } });
    expect(gold).toMatchObject({ entered: true, duplicate: false, reason: null, run: { version: 1, entryNumber: 1 } });
    expect(silver.entered).toBe(true);

    const goldRun = await s.finished(journeyId, 'api-gold');
    expect(pathOf(goldRun)).toEqual(['api:next', 'big:big', 'thanks:sent']);
    expect(reasonAt(goldRun, 'api')).toBe('entered through the API');
    expect(reasonAt(goldRun, 'big')).toBe('condition true: event.tier = gold (is gold) and event.order.total > 100 (is 250)');
    expect(goldRun.triggerEvent).toMatchObject({ name: 'Journey Triggered', properties: { orderId: 'A-17', tier: 'gold' } });
    const silverRun = await s.finished(journeyId, 'api-silver');
    expect(pathOf(silverRun)).toEqual(['api:next', 'big:else']);
    expect(reasonAt(silverRun, 'big')).toBe('condition false: event.tier = gold (is silver)');

    const outbox = await s.graphql(`{ outbox(first: 10) { edges { node { recipient subject body } } } }`);
    expect(outbox.outbox.edges.map((e: { node: unknown }) => e.node)).toEqual([{ recipient: 'gold@example.com', subject: 'Order A-17: 250 EUR', body: '<p>Gold customer, 3 items</p>' }]);
  });
});

describe('several triggers in one journey', () => {
  it('an event, an API call and a scheduled audience lead into the same steps; entry rules span them', async () => {
    const at = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 60_000) * 60_000).toISOString();
    const journeyId = await s.publish('Welcome from anywhere', {
      nodes: [
        { id: 'signup', type: 'eventTrigger', settings: { eventName: 'Signed Up' } },
        { id: 'api', type: 'apiTrigger' },
        { id: 'launch', type: 'scheduleTrigger', settings: { schedule: { kind: 'once', at }, audience: { conditions: [{ kind: 'attribute', attribute: 'traits.source', operator: 'eq', value: 'import' }] } } },
        { id: 'tag', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'welcomed' }] } },
      ],
      edges: [
        { source: 'signup', target: 'tag' },
        { source: 'api', target: 'tag' },
        { source: 'launch', target: 'tag' },
      ],
    });
    await s.track('multi-event', 'Signed Up', { plan: 'free' });
    await s.identify('multi-api', { email: 'api@example.com' });
    await s.identify('multi-import', { source: 'import' });
    expect((await s.trigger(journeyId, 'multi-api')).entered).toBe(true);

    const schedule = env.temporal.client.schedule.getHandle(`journey-schedule/${journeyId}/launch`);
    const described = await schedule.describe();
    expect(described.info.nextActionTimes[0]?.toISOString()).toBe(at);
    expect(described.state).toMatchObject({ paused: false, remainingActions: 1 });
    await schedule.trigger();

    const viaEvent = await s.finished(journeyId, 'multi-event');
    const viaApi = await s.finished(journeyId, 'multi-api');
    const viaSchedule = await s.finished(journeyId, 'multi-import');
    expect([viaEvent, viaApi, viaSchedule].map((run) => [run.triggerNodeId, run.steps[0]!.nodeId, pathOf(run).join(' ')])).toEqual([
      ['signup', 'signup', 'signup:next tag:next'],
      ['api', 'api', 'api:next tag:next'],
      ['launch', 'launch', 'launch:next tag:next'],
    ]);
    expect(reasonAt(viaSchedule, 'launch')).toBe('entered with the scheduled audience');
    // Only the imported user matched the audience filter.
    expect(await tickResults(schedule, 1)).toEqual([{ matched: 1, entered: 1, refused: 0 }]);
    // Re-entry "never" holds whichever trigger comes second.
    expect(await s.trigger(journeyId, 'multi-event')).toMatchObject({ entered: false, reason: 'already entered once (re-entry: never)', run: null });
    for (const userId of ['multi-event', 'multi-api', 'multi-import']) expect((await s.user(userId)).traits.tags).toEqual(['welcomed']);

    // Version 2 drops the scheduled trigger: publishing deletes its schedule; the other triggers stay.
    const v2 = { nodes: [{ id: 'signup', type: 'eventTrigger', settings: { eventName: 'Signed Up' } }, { id: 'api', type: 'apiTrigger' }, { id: 'tag', type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: 'welcomed' }] } }], edges: [{ source: 'signup', target: 'tag' }, { source: 'api', target: 'tag' }] };
    await s.graphql(`mutation($input: UpdateJourneyDraftInput!) { updateJourneyDraft(input: $input) { id } }`, { input: { id: journeyId, draft: v2 } });
    expect((await s.graphql(`mutation($id: ID!) { publishJourney(id: $id) { latestVersion } }`, { id: journeyId })).publishJourney.latestVersion).toBe(2);
    await expect(schedule.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    await s.identify('multi-v2', {});
    expect(await s.trigger(journeyId, 'multi-v2')).toMatchObject({ entered: true, run: { version: 2 } });
  });
});

type ScheduleHandle = ReturnType<JourneyTestEnvironment['temporal']['client']['schedule']['getHandle']>;

/** The results of a schedule's first `count` ticks (each a journeyAudienceEntry workflow). */
async function tickResults(schedule: ScheduleHandle, count: number): Promise<unknown[]> {
  for (let i = 0; i < 300; i++) {
    const actions = (await schedule.describe()).info.recentActions;
    // Two ticks within one second share a workflow id (the schedule names them after the second): the run id is the tick.
    if (actions.length >= count) return Promise.all(actions.slice(0, count).map(({ action: { workflow } }) => env.temporal.client.workflow.getHandle(workflow.workflowId, workflow.firstExecutionRunId).result()));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the schedule did not start ${count} tick(s)`);
}

describe('scheduled audience trigger', () => {
  let journeyId: string;
  const scheduleOf = () => env.temporal.client.schedule.getHandle(`journey-schedule/${journeyId}/weekly`);

  it('enters every matching user (attribute and behaviour conditions) when the schedule fires, once per tick', async () => {
    await s.identify('aud-pro-buyer', { plan: 'pro', email: 'a@example.com' });
    await s.identify('aud-pro-idle', { plan: 'pro' });
    await s.identify('aud-free-buyer', { plan: 'free' });
    await s.track('aud-pro-buyer', 'Order Completed', { total: 10 });
    await s.track('aud-free-buyer', 'Order Completed', { total: 10 });
    journeyId = await s.publish('Weekly digest', {
      nodes: [
        {
          id: 'weekly',
          type: 'scheduleTrigger',
          settings: {
            schedule: { kind: 'weekly', time: '09:30', weekdays: ['mon', 'thu'] },
            timezone: 'Europe/Amsterdam',
            audience: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' }, { kind: 'behaviour', eventName: 'Order Completed', within: { amount: 30, unit: 'days' } }] },
          },
        },
        { id: 'digest', type: 'sendMessage', settings: { channel: 'email', subject: 'Your week', html: '<p>digest</p>' } },
      ],
      edges: [{ source: 'weekly', target: 'digest' }],
    });

    const described = await scheduleOf().describe();
    expect(described.state.paused).toBe(false);
    expect(described.action).toMatchObject({ workflowType: 'journeyAudienceEntry', args: [{ journeyId, nodeId: 'weekly' }] });
    for (const next of described.info.nextActionTimes.slice(0, 3)) {
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next);
      expect(local).toMatch(/^(Mon|Thu) 09:30$/);
    }

    await scheduleOf().trigger();
    const run = await s.finished(journeyId, 'aud-pro-buyer');
    expect(pathOf(run)).toEqual(['weekly:next', 'digest:sent']);
    expect(run.triggerEvent.name).toBe('Scheduled Audience');
    expect(await tickResults(scheduleOf(), 1)).toEqual([{ matched: 1, entered: 1, refused: 0 }]);
    expect(await s.run(journeyId, 'aud-pro-idle')).toBeNull();
    expect(await s.run(journeyId, 'aud-free-buyer')).toBeNull();

    // The next tick: the same user matches again, and re-entry "never" refuses them.
    await scheduleOf().trigger();
    expect((await tickResults(scheduleOf(), 2))[1]).toEqual({ matched: 1, entered: 0, refused: 1 });
    expect((await s.user('aud-pro-buyer')).journeyRuns).toHaveLength(1);
  });

  it('pausing the journey pauses its schedule, resuming resumes it, stopping deletes it', async () => {
    const lifecycle = (name: string) => s.graphql(`mutation($id: ID!) { ${name}(id: $id) { id status } }`, { id: journeyId });
    expect((await lifecycle('pauseJourney')).pauseJourney.status).toBe('PAUSED');
    expect((await scheduleOf().describe()).state).toMatchObject({ paused: true, note: 'journey paused' });
    expect((await lifecycle('resumeJourney')).resumeJourney.status).toBe('LIVE');
    expect((await scheduleOf().describe()).state.paused).toBe(false);

    const stopped = await s.graphql(`mutation($id: ID!) { stopJourney(id: $id) { cancelledRuns journey { status } } }`, { id: journeyId });
    expect(stopped.stopJourney).toEqual({ cancelledRuns: 0, journey: { status: 'STOPPED' } });
    await expect(scheduleOf().describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});

describe('Temporal UI findability', () => {
  it("a run's workflow carries search attributes, a memo and a summary, and the UI's search finds it", async () => {
    const journeyId = await s.publish('Findable', {
      nodes: [{ id: 'api', type: 'apiTrigger' }, { id: 'wait', type: 'waitForEvent', settings: { eventName: 'Never Sent', timeout: { amount: 30, unit: 'days' } } }],
      edges: [{ source: 'api', target: 'wait' }],
    });
    await s.identify('findme', { email: 'findme@example.com' });
    const triggered = await s.trigger(journeyId, 'findme');
    const user = await s.user('findme');
    const workflowId = triggered.run!.workflowId;
    expect(workflowId).toBe(`journey/${journeyId}/user/${user.id}/entry/1`);
    await s.waitingAt(journeyId, 'findme', 'wait');

    const described = await env.temporal.client.workflow.getHandle(workflowId).describe();
    expect(described.type).toBe('journeyRunV3');
    expect(described.typedSearchAttributes.get(searchAttributes.workspaceId)).toBe(workspaceId);
    expect(described.typedSearchAttributes.get(searchAttributes.journeyId)).toBe(journeyId);
    expect(described.typedSearchAttributes.get(searchAttributes.journeyVersion)).toBe(1);
    expect(described.typedSearchAttributes.get(searchAttributes.userId)).toBe(user.id);
    expect(await described.memo).toEqual({ journey: 'Findable', version: 1, user: user.id, entry: 1, trigger: 'Journey Triggered' });
    expect(await described.staticSummary()).toBe(`Journey "Findable" v1 for user ${user.id} (entry 1)`);

    // What an operator types into the Temporal UI's search box.
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const execution of env.temporal.client.workflow.list({ query: `JourneyId = "${journeyId}" AND UserId = "${user.id}" AND JourneyVersion = 1 AND ExecutionStatus = "Running"` })) ids.push(execution.workflowId);
      return ids.length ? ids : undefined;
    }, { what: 'the visibility search to find the run' });
    expect(found).toEqual([workflowId]);
  });
});
