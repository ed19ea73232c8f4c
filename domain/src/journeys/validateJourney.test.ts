import { checkTemplate } from '../templates';
import type { JourneyProblem } from './journeyProblem';
import { validateJourney } from './validateJourney';

/** The abandoned-cart journey: wait 3h for the order with the same cart, else remind, wait a day, split on plan, call a webhook. */
const abandonedCart = () => ({
  nodes: [
    { id: 'cart', type: 'eventTrigger', label: 'Added to cart', position: { x: 0, y: 0 }, settings: { eventName: 'Added To Cart' } },
    {
      id: 'order',
      type: 'waitForEvent',
      settings: { eventName: 'Order Completed', matchTrigger: { eventProperty: 'cartId', triggerProperty: 'cartId' }, timeout: { amount: 3, unit: 'hours' } },
    },
    { id: 'reminder', type: 'sendMessage', settings: { channel: 'email', subject: 'You left something, {{ user.first_name | default: "friend" }}', html: '<p>Cart {{ event.properties.cartId }}</p>' } },
    { id: 'pause', type: 'wait', settings: { duration: { amount: 1, unit: 'days' } } },
    { id: 'plan', type: 'conditionSplit', settings: { branches: [{ key: 'pro', when: { conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' }] } }] } },
    { id: 'notify', type: 'webhook', settings: { url: 'https://hooks.example.com/cart', fields: [{ key: 'cart', value: '{{ event.properties.cartId }}' }] } },
    { id: 'done', type: 'end' },
  ] as Array<Record<string, unknown>>,
  edges: [
    { source: 'cart', target: 'order' },
    { source: 'order', sourceHandle: 'matched', target: 'done' },
    { source: 'order', sourceHandle: 'timeout', target: 'reminder' },
    { source: 'reminder', sourceHandle: 'sent', target: 'pause' },
    { source: 'pause', target: 'plan' },
    { source: 'plan', sourceHandle: 'pro', target: 'notify' },
    { source: 'plan', sourceHandle: 'else', target: 'done' },
    { source: 'notify', sourceHandle: 'ok', target: 'done' },
  ] as Array<Record<string, unknown>>,
});

type Journey = ReturnType<typeof abandonedCart>;
const errorsOf = (problems: JourneyProblem[]) => problems.filter((p) => p.severity === 'error');
const validate = (journey: unknown) => validateJourney(journey, { checkTemplate });
/** A bare journey: a trigger, then `nodes` in a chain, each through `next`. */
const chain = (...rest: Array<Record<string, unknown>>) => ({
  nodes: [{ id: 't', type: 'apiTrigger' }, ...rest],
  edges: rest.map((node, index): Record<string, unknown> => ({ source: index === 0 ? 't' : (rest[index - 1]!.id as string), target: node.id })),
});
const wait = (id: string) => ({ id, type: 'wait', settings: { duration: { amount: 1, unit: 'hours' } } });
const tag = (id: string) => ({ id, type: 'updateUser', settings: { updates: [{ op: 'addTag', tag: id }] } });

describe('validateJourney: a valid journey', () => {
  it('passes, with defaults applied and only warnings for the unconnected failure branches', () => {
    const result = validate(abandonedCart());
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      { nodeId: 'reminder', path: 'nodes.2', message: 'branch "failed" is not connected: users who take it leave the journey there', severity: 'warning' },
      { nodeId: 'notify', path: 'nodes.5', message: 'branch "failed" is not connected: users who take it leave the journey there', severity: 'warning' },
    ]);
    const definition = result.definition!;
    expect(definition.edges[0]).toEqual({ source: 'cart', sourceHandle: 'next', target: 'order' });
    expect(definition.entryRules).toEqual({ reEntry: { mode: 'never' } });
    expect(definition.exitCriteria).toEqual([]);
    expect(definition.maxNodeVisits).toBe(10);
    expect(definition.nodes[0]).toEqual({ id: 'cart', type: 'eventTrigger', label: 'Added to cart', position: { x: 0, y: 0 }, settings: { eventName: 'Added To Cart', filters: [] } });
    expect(definition.nodes[1]!.settings).toEqual({
      eventName: 'Order Completed',
      filters: [],
      matchTrigger: { eventProperty: 'cartId', triggerProperty: 'cartId' },
      timeout: { amount: 3, unit: 'hours' },
    });
    expect(definition.nodes[4]!.settings).toEqual({ branches: [{ key: 'pro', when: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' }] } }] });
    expect(definition.nodes[5]!.settings).toEqual({
      url: 'https://hooks.example.com/cart',
      method: 'POST',
      headers: [],
      fields: [{ key: 'cart', value: '{{ event.properties.cartId }}' }],
      timeoutSeconds: 10,
      retry: { maximumAttempts: 3, initialIntervalSeconds: 1 },
    });
    expect(definition.nodes[6]).toEqual({ id: 'done', type: 'end', settings: {} });
  });

  it('returns a definition that validates again unchanged', () => {
    const { definition } = validate(abandonedCart());
    const again = validate(definition);
    expect(again.ok).toBe(true);
    expect(again.definition).toEqual(definition);
  });
});

describe('validateJourney: graph problems', () => {
  it('refuses input that is not an object', () => {
    for (const input of [null, undefined, 'journey', 42, [abandonedCart()]]) {
      expect(validate(input)).toEqual({ ok: false, definition: null, problems: [{ path: '', message: 'must be an object with nodes and edges', severity: 'error' }] });
    }
  });

  it('needs nodes and edges to be lists', () => {
    expect(errorsOf(validate({ nodes: 'x', edges: 'y' }).problems)).toEqual([
      { path: 'nodes', message: 'must be a list of nodes', severity: 'error' },
      { path: 'edges', message: 'must be a list of edges', severity: 'error' },
    ]);
  });

  it('needs an entry trigger', () => {
    const journey = abandonedCart();
    journey.nodes.shift();
    journey.edges.shift();
    const result = validate(journey);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ path: 'nodes', message: 'needs at least one entry trigger', severity: 'error' });
    expect(result.problems).toContainEqual({ nodeId: 'order', path: 'nodes.0', message: 'is unreachable: no entry trigger leads to it', severity: 'error' });
  });

  it('refuses duplicate node ids at the second one', () => {
    const journey = abandonedCart();
    journey.nodes.push({ id: 'pause', type: 'wait', settings: { duration: { amount: 2, unit: 'days' } } });
    expect(errorsOf(validate(journey).problems)).toEqual([{ nodeId: 'pause', path: 'nodes.7.id', message: 'duplicates the id of nodes.3', severity: 'error' }]);
  });

  it('refuses an edge to or from an unknown node', () => {
    const journey = abandonedCart();
    journey.edges.push({ source: 'notify', sourceHandle: 'failed', target: 'ghost' }, { source: 'phantom', target: 'done' });
    expect(errorsOf(validate(journey).problems)).toEqual([
      { nodeId: 'notify', path: 'edges.8.target', message: 'no node has the id "ghost"', severity: 'error' },
      { path: 'edges.9.source', message: 'no node has the id "phantom"', severity: 'error' },
    ]);
  });

  it('refuses an edge from a branch the node does not have', () => {
    const journey = abandonedCart();
    journey.edges[1] = { source: 'order', sourceHandle: 'next', target: 'done' };
    journey.edges.push({ source: 'done', target: 'cart' });
    expect(errorsOf(validate(journey).problems)).toEqual([
      { nodeId: 'order', path: 'edges.1.sourceHandle', message: '"order" has no branch "next" (its branches: matched, timeout)', severity: 'error' },
      { nodeId: 'done', path: 'edges.8.sourceHandle', message: '"done" ends the journey and cannot lead anywhere', severity: 'error' },
      { nodeId: 'cart', path: 'edges.8.target', message: '"cart" is an entry trigger; nothing can lead into it', severity: 'error' },
    ]);
  });

  it('refuses two edges from the same branch', () => {
    const journey = abandonedCart();
    journey.edges.push({ source: 'plan', sourceHandle: 'pro', target: 'done' });
    expect(errorsOf(validate(journey).problems)).toEqual([
      { nodeId: 'plan', path: 'edges.8', message: 'branch "pro" of "plan" is already connected by edges.5; a branch leads to one node', severity: 'error' },
    ]);
  });

  it('refuses an edge into a trigger', () => {
    const journey = abandonedCart();
    journey.nodes.splice(6, 0, { id: 'api', type: 'apiTrigger' });
    journey.edges.push({ source: 'api', target: 'order' }, { source: 'notify', sourceHandle: 'failed', target: 'api' });
    expect(errorsOf(validate(journey).problems)).toEqual([{ nodeId: 'api', path: 'edges.9.target', message: '"api" is an entry trigger; nothing can lead into it', severity: 'error' }]);
  });

  it('refuses a node no trigger leads to', () => {
    const journey = abandonedCart();
    journey.nodes.push({ id: 'orphan', type: 'wait', settings: { duration: { amount: 1, unit: 'hours' } } }, { id: 'orphan-end', type: 'end' });
    journey.edges.push({ source: 'orphan', target: 'orphan-end' });
    expect(errorsOf(validate(journey).problems)).toEqual([
      { nodeId: 'orphan', path: 'nodes.7', message: 'is unreachable: no entry trigger leads to it', severity: 'error' },
      { nodeId: 'orphan-end', path: 'nodes.8', message: 'is unreachable: no entry trigger leads to it', severity: 'error' },
    ]);
  });

  it('refuses a trigger that leads nowhere, but only warns of an unconnected branch', () => {
    const nowhere = validate({ nodes: [{ id: 't', type: 'eventTrigger', settings: { eventName: 'Signed Up' } }] });
    expect(nowhere).toEqual({ ok: false, definition: null, problems: [{ nodeId: 't', path: 'nodes.0', message: 'leads nowhere: connect it to the first step', severity: 'error' }] });

    const dangling = validate({ nodes: [{ id: 't', type: 'apiTrigger' }, { id: 'w', type: 'waitForEvent', settings: { eventName: 'Paid', timeout: { amount: 1, unit: 'days' } } }], edges: [{ source: 't', target: 'w' }] });
    expect(dangling.ok).toBe(true);
    expect(dangling.problems).toEqual([
      { nodeId: 'w', path: 'nodes.1', message: 'branch "matched" is not connected: users who take it leave the journey there', severity: 'warning' },
      { nodeId: 'w', path: 'nodes.1', message: 'branch "timeout" is not connected: users who take it leave the journey there', severity: 'warning' },
    ]);
  });

  it('refuses a loop without a wait, on each node of the loop', () => {
    const journey = chain(tag('a'), tag('b'), tag('c'));
    journey.edges.push({ source: 'c', target: 'a' });
    expect(errorsOf(validate(journey).problems)).toEqual(
      ['a', 'b', 'c'].map((id, index) => ({ nodeId: id, path: `nodes.${index + 1}`, message: 'is in a loop (a → b → c) with no wait step; loops must pass through a wait', severity: 'error' })),
    );
  });

  it('allows a loop through a wait', () => {
    const journey = chain(tag('a'), wait('w'), tag('b'));
    journey.edges.push({ source: 'b', target: 'a' });
    expect(validate(journey).ok).toBe(true);
    // waitForEvent and waitUntil wait too.
    const forEvent = chain(tag('a'), { id: 'w', type: 'waitForEvent', settings: { eventName: 'Paid', timeout: { amount: 1, unit: 'days' } } });
    forEvent.edges.push({ source: 'w', sourceHandle: 'timeout', target: 'a' });
    expect(errorsOf(validate(forEvent).problems)).toEqual([]);
  });

  it('refuses a loop without a wait even when another loop through the same nodes waits', () => {
    // a → w → a waits; a → b → a does not.
    const journey = {
      nodes: [{ id: 't', type: 'apiTrigger' }, { id: 'a', type: 'randomSplit', settings: { branches: [{ key: 'x', percent: 50 }, { key: 'y', percent: 50 }] } }, wait('w'), tag('b')],
      edges: [
        { source: 't', target: 'a' },
        { source: 'a', sourceHandle: 'x', target: 'w' },
        { source: 'w', target: 'a' },
        { source: 'a', sourceHandle: 'y', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    };
    expect(errorsOf(validate(journey).problems).map((p) => `${p.nodeId}: ${p.message}`)).toEqual([
      'a: is in a loop (a → b) with no wait step; loops must pass through a wait',
      'b: is in a loop (a → b) with no wait step; loops must pass through a wait',
    ]);
  });

  it('refuses a node that leads to itself', () => {
    const journey = chain(tag('a'));
    journey.edges.push({ source: 'a', target: 'a' });
    expect(errorsOf(validate(journey).problems)).toEqual([{ nodeId: 'a', path: 'nodes.1', message: 'is in a loop (a) with no wait step; loops must pass through a wait', severity: 'error' }]);
    const waitingOnItself = chain({ id: 'w', type: 'waitForEvent', settings: { eventName: 'Paid', timeout: { amount: 1, unit: 'days' } } });
    waitingOnItself.edges.push({ source: 'w', sourceHandle: 'timeout', target: 'w' });
    expect(errorsOf(validate(waitingOnItself).problems)).toEqual([]);
  });

  it('keeps to the graph’s real problems when an edge, the goal or a trigger is invalid', () => {
    const badEdge = abandonedCart();
    badEdge.edges.push({ source: 'notify', sourceHandle: 'failed', target: '' });
    expect(errorsOf(validate(badEdge).problems)).toEqual([{ path: 'edges.8.target', message: 'must name the target node', severity: 'error' }]);

    const badGoal = { ...abandonedCart(), goal: { eventName: ' ', within: { amount: 7, unit: 'days' } } };
    expect(errorsOf(validate(badGoal).problems)).toEqual([{ path: 'goal.eventName', message: 'must name an event', severity: 'error' }]);

    const badTrigger = abandonedCart();
    badTrigger.nodes[0] = { id: 'cart', type: 'eventTrigger', settings: { eventName: '' } };
    expect(errorsOf(validate(badTrigger).problems)).toEqual([{ nodeId: 'cart', path: 'nodes.0.settings.eventName', message: 'must not be empty', severity: 'error' }]);

    const badWaitInLoop = chain(tag('a'), { id: 'w', type: 'wait', settings: { duration: { amount: 0, unit: 'hours' } } });
    badWaitInLoop.edges.push({ source: 'w', target: 'a' });
    expect(errorsOf(validate(badWaitInLoop).problems)).toEqual([{ nodeId: 'w', path: 'nodes.2.settings.duration.amount', message: 'must be greater than 0', severity: 'error' }]);
  });

  it('returns every problem at once', () => {
    const journey = abandonedCart() as Journey & Record<string, unknown>;
    (journey.nodes[1]!.settings as Record<string, unknown>).timeout = { amount: 0, unit: 'hours' };
    (journey.nodes[5]!.settings as Record<string, unknown>).url = 'ftp://files.example.com';
    journey.nodes.push({ id: 'orphan', type: 'end' });
    journey.edges.push({ source: 'plan', sourceHandle: 'maybe', target: 'done' });
    journey.maxNodeVisits = 0;
    const result = validate(journey);
    expect(result.ok).toBe(false);
    expect(result.definition).toBeNull();
    expect(errorsOf(result.problems)).toEqual([
      { nodeId: 'order', path: 'nodes.1.settings.timeout.amount', message: 'must be greater than 0', severity: 'error' },
      { path: 'maxNodeVisits', message: expect.stringMatching(/>=1/), severity: 'error' },
      { nodeId: 'plan', path: 'edges.8.sourceHandle', message: '"plan" has no branch "maybe" (its branches: pro, else)', severity: 'error' },
      { nodeId: 'notify', path: 'nodes.5.settings.url', message: 'must be an http:// or https:// URL', severity: 'error' },
      { nodeId: 'orphan', path: 'nodes.7', message: 'is unreachable: no entry trigger leads to it', severity: 'error' },
    ]);
  });
});
