import { describe, expect, it } from '@jest/globals';
import { validateJourney } from '@tideflow/domain';
import {
  connect,
  connectionProblem,
  copySelection,
  createNode,
  draftBranches,
  type FlowNode,
  freeBranches,
  needsLayout,
  newNodeId,
  parseDraft,
  pasteClipboard,
  placementNear,
  reconcileBranchEdges,
  toDefinition,
  toGraphState,
} from './graph';
import { layoutGraph } from './layout';
import { nodeKinds } from './nodeCatalog';
import { summarize } from './summary';

const abandonedCart = {
  nodes: [
    { id: 'added', type: 'eventTrigger', label: 'Added to cart', position: { x: 0, y: 0 }, settings: { eventName: 'Added To Cart', filters: [] } },
    { id: 'order', type: 'waitForEvent', position: { x: 0, y: 200 }, settings: { eventName: 'Order Completed', filters: [], timeout: { amount: 3, unit: 'hours' } } },
    { id: 'reminder', type: 'sendMessage', position: { x: 200, y: 400 }, settings: { channel: 'email', subject: 'Your cart is waiting', html: '<p>Hi</p>' } },
    { id: 'bought', type: 'end', position: { x: -200, y: 400 }, settings: {} },
  ],
  edges: [
    { source: 'added', sourceHandle: 'next', target: 'order' },
    { source: 'order', sourceHandle: 'matched', target: 'bought' },
    { source: 'order', sourceHandle: 'timeout', target: 'reminder' },
  ],
  entryRules: { reEntry: { mode: 'afterExit' } },
  exitCriteria: [],
  maxNodeVisits: 5,
};

const split = (keys: string[]) => ({ branches: keys.map((key) => ({ key, when: { match: 'all', conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: key }] } })) });

describe('definition ↔ canvas', () => {
  it('round-trips a definition through React Flow nodes and edges', () => {
    const state = toGraphState(parseDraft(abandonedCart));
    expect(state.nodes.map((node) => [node.id, node.type, node.position])).toEqual(abandonedCart.nodes.map((node) => [node.id, node.type, node.position]));
    expect(state.edges.map((edge) => [edge.source, edge.sourceHandle, edge.target, edge.type])).toEqual(abandonedCart.edges.map((edge) => [edge.source, edge.sourceHandle, edge.target, 'branch']));
    expect(toDefinition(state)).toEqual(abandonedCart);
    expect(validateJourney(toDefinition(state)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('reads incomplete or foreign drafts without throwing', () => {
    const draft = parseDraft({ nodes: [{ id: 'a', type: 'eventTrigger' }, { id: 'x', type: 'teleport', settings: {} }, 'junk'], edges: [{ source: 'a', target: 'b' }, { source: 1 }] });
    expect(draft.nodes).toEqual([{ id: 'a', type: 'eventTrigger', settings: {} }]);
    expect(draft.edges).toEqual([{ source: 'a', sourceHandle: 'next', target: 'b' }]);
    expect(draft.entryRules).toEqual({ reEntry: { mode: 'never' } });
    expect(draft.maxNodeVisits).toBe(10);
    expect(needsLayout(draft)).toBe(true);
    expect(parseDraft(null).nodes).toEqual([]);
  });

  it('rounds positions and drops empty labels when saving', () => {
    const state = toGraphState(parseDraft(abandonedCart));
    state.nodes[0] = { ...state.nodes[0]!, position: { x: 10.4, y: 20.6 }, data: { ...state.nodes[0]!.data, label: '  ' } };
    const saved = toDefinition(state).nodes[0]!;
    expect(saved.position).toEqual({ x: 10, y: 21 });
    expect(saved).not.toHaveProperty('label');
  });
});

describe('branches and connections', () => {
  it('names one handle per branch, split keys as typed', () => {
    expect(draftBranches('sendMessage', {})).toEqual(['sent', 'failed']);
    expect(draftBranches('waitForEvent', {})).toEqual(['matched', 'timeout']);
    expect(draftBranches('conditionSplit', split(['vip', 'pro', 'vip', ' ']))).toEqual(['vip', 'pro', 'else']);
    expect(draftBranches('randomSplit', { branches: [{ key: 'a' }, { key: 'b' }] })).toEqual(['a', 'b']);
    expect(draftBranches('end', {})).toEqual([]);
    expect(draftBranches('wait', {})).toEqual(['next']);
  });

  it('refuses connections into triggers, from used or unknown branches, and to the same step', () => {
    const state = toGraphState(parseDraft(abandonedCart));
    expect(connectionProblem(state, { source: 'order', sourceHandle: 'timeout', target: 'added' })).toMatch(/entry trigger/);
    expect(connectionProblem(state, { source: 'order', sourceHandle: 'timeout', target: 'bought' })).toMatch(/already connected/);
    expect(connectionProblem(state, { source: 'order', sourceHandle: 'next', target: 'bought' })).toMatch(/no branch "next"/);
    expect(connectionProblem(state, { source: 'reminder', sourceHandle: 'sent', target: 'reminder' })).toMatch(/itself/);
    expect(connectionProblem(state, { source: 'reminder', sourceHandle: 'sent', target: 'bought' })).toBeNull();
    const connected = connect(state, { source: 'reminder', sourceHandle: 'sent', target: 'bought' });
    expect(connected.edges.at(-1)).toMatchObject({ source: 'reminder', sourceHandle: 'sent', target: 'bought' });
    expect(connect(connected, { source: 'reminder', sourceHandle: 'sent', target: 'order' })).toBe(connected);
    expect(freeBranches(connected.nodes.find((n) => n.id === 'reminder')!, connected.edges)).toEqual(['failed']);
  });

  it('keeps a renamed split branch connected and drops the edges of removed ones', () => {
    const edges = toGraphState(parseDraft({ nodes: [], edges: [{ source: 's', sourceHandle: 'vip', target: 'a' }, { source: 's', sourceHandle: 'pro', target: 'b' }, { source: 's', sourceHandle: 'else', target: 'c' }, { source: 'x', sourceHandle: 'next', target: 's' }] })).edges;
    const renamed = reconcileBranchEdges('s', 'conditionSplit', split(['vip', 'pro']), split(['gold', 'pro']), edges);
    expect(renamed.map((e) => `${e.source}:${e.sourceHandle}->${e.target}`)).toEqual(['s:gold->a', 's:pro->b', 's:else->c', 'x:next->s']);
    const removed = reconcileBranchEdges('s', 'conditionSplit', split(['vip', 'pro']), split(['pro']), edges);
    expect(removed.map((e) => `${e.source}:${e.sourceHandle}->${e.target}`)).toEqual(['s:pro->b', 's:else->c', 'x:next->s']);
    expect(reconcileBranchEdges('s', 'conditionSplit', split(['vip', 'pro']), split(['vip', 'pro']), edges)).toBe(edges);
  });
});

describe('adding, copying and pasting steps', () => {
  it('gives new steps readable unique ids and the default settings of their type', () => {
    expect(newNodeId('wait', new Set(['wait-1', 'wait-2']))).toBe('wait-3');
    const node = createNode('scheduleTrigger', { x: 10.2, y: 5.7 }, new Set(), 'Europe/Berlin');
    expect(node).toMatchObject({ id: 'scheduleTrigger-1', type: 'scheduleTrigger', position: { x: 10, y: 6 } });
    expect(node.data.settings).toMatchObject({ timezone: 'Europe/Berlin', schedule: { kind: 'daily', time: '09:00' } });
    // Every palette item starts as a node the schemas accept, except for what the marketer must fill in.
    for (const kind of nodeKinds) expect(createNode(kind.type, { x: 0, y: 0 }, new Set()).type).toBe(kind.type);
  });

  it('pastes copies with new ids, keeps the edges between them, and selects them', () => {
    const state = toGraphState(parseDraft(abandonedCart));
    state.nodes = state.nodes.map((node) => (node.id === 'order' || node.id === 'reminder' ? { ...node, selected: true } : node));
    const clipboard = copySelection(state.nodes, state.edges)!;
    expect(clipboard.nodes.map((n) => n.id)).toEqual(['order', 'reminder']);
    expect(clipboard.edges.map((e) => e.id)).toEqual(['order:timeout->reminder']);
    const pasted = pasteClipboard(state, clipboard, { x: 40, y: 40 });
    const added = pasted.nodes.slice(state.nodes.length);
    expect(added.map((n) => [n.id, n.position, n.selected])).toEqual([
      ['waitForEvent-1', { x: 40, y: 240 }, true],
      ['sendMessage-1', { x: 240, y: 440 }, true],
    ]);
    expect(pasted.nodes.slice(0, state.nodes.length).every((n) => !n.selected)).toBe(true);
    expect(pasted.edges.at(-1)).toMatchObject({ source: 'waitForEvent-1', sourceHandle: 'timeout', target: 'sendMessage-1' });
    expect(pasted.edges).toHaveLength(state.edges.length + 1);
    expect(copySelection(pasted.nodes.map((n) => ({ ...n, selected: false })), pasted.edges)).toBeNull();
  });

  it('places a step added from the palette under the selection, on its first free branch', () => {
    const state = toGraphState(parseDraft(abandonedCart));
    const reminder = state.nodes.find((n) => n.id === 'reminder')!;
    const placed = placementNear(reminder, state.edges, { x: 0, y: 0 });
    expect(placed.connectFrom).toEqual({ source: 'reminder', sourceHandle: 'sent' });
    expect(placed.position.y).toBeGreaterThan(reminder.position.y + 100);
    expect(placementNear(undefined, state.edges, { x: 7, y: 8 })).toEqual({ position: { x: 7, y: 8 } });
  });
});

describe('auto-layout', () => {
  it('lays out top to bottom with the children of a split in branch order', () => {
    const nodes: FlowNode[] = toGraphState(
      parseDraft({
        nodes: [
          { id: 't', type: 'eventTrigger', settings: { eventName: 'E' } },
          { id: 'c', type: 'end', settings: {} },
          { id: 'b', type: 'end', settings: {} },
          { id: 'a', type: 'end', settings: {} },
          { id: 's', type: 'conditionSplit', settings: split(['first', 'second']) },
        ],
        edges: [
          { source: 't', sourceHandle: 'next', target: 's' },
          { source: 's', sourceHandle: 'else', target: 'c' },
          { source: 's', sourceHandle: 'second', target: 'b' },
          { source: 's', sourceHandle: 'first', target: 'a' },
        ],
      }),
    ).nodes;
    const edges = toGraphState(parseDraft({ nodes: [], edges: [{ source: 't', sourceHandle: 'next', target: 's' }, { source: 's', sourceHandle: 'else', target: 'c' }, { source: 's', sourceHandle: 'second', target: 'b' }, { source: 's', sourceHandle: 'first', target: 'a' }] })).edges;
    const laid = new Map(layoutGraph(nodes, edges).map((n) => [n.id, n.position]));
    expect(laid.get('t')!.y).toBeLessThan(laid.get('s')!.y);
    expect(laid.get('s')!.y).toBeLessThan(laid.get('a')!.y);
    expect(laid.get('a')!.x).toBeLessThan(laid.get('b')!.x);
    expect(laid.get('b')!.x).toBeLessThan(laid.get('c')!.x);
  });

  it('lays out 200 steps quickly', () => {
    const nodes: FlowNode[] = Array.from({ length: 200 }, (_, i) => createNode(i === 0 ? 'eventTrigger' : 'wait', { x: 0, y: 0 }, new Set(Array.from({ length: i }, (_, j) => `x${j}`)))).map((n, i) => ({ ...n, id: `n${i}` }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: `n${i}`, sourceHandle: 'next', target: n.id }));
    const started = performance.now();
    const laid = layoutGraph(nodes, edges);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(laid[199]!.position.y).toBeGreaterThan(laid[0]!.position.y);
  });
});

describe('node summaries', () => {
  it('says what each step does in a marketer’s words', () => {
    expect(summarize('wait', { duration: { amount: 3, unit: 'hours' } }).text).toBe('Wait 3 hours');
    expect(summarize('wait', { duration: { amount: 1, unit: 'days' } }).text).toBe('Wait 1 day');
    expect(summarize('sendMessage', { channel: 'email', subject: 'Your cart is waiting' }).text).toBe('Email: Your cart is waiting');
    expect(summarize('sendMessage', { channel: 'webhook', url: 'https://x.test', method: 'PUT' }).text).toBe('Webhook: PUT https://x.test');
    expect(summarize('eventTrigger', { eventName: 'Added To Cart', filters: [{}] }).text).toBe('When Added To Cart happens (1 filter)');
    expect(summarize('waitForEvent', { eventName: 'Order Completed', timeout: { amount: 3, unit: 'hours' } }).text).toBe('Up to 3 hours for Order Completed');
    expect(summarize('conditionSplit', split(['vip'])).text).toBe('If plan = vip, else…');
    expect(summarize('randomSplit', { branches: [{ key: 'a', percent: 45 }, { key: 'b', percent: 45 }], controlPercent: 10 }).text).toBe('45% a · 45% b · 10% control');
    expect(summarize('updateUser', { updates: [{ op: 'set', attribute: 'plan' }, { op: 'addTag', tag: 'vip' }, { op: 'unset', attribute: 'x' }] }).text).toBe('Set plan, tag vip +1 more');
    expect(summarize('segmentTrigger', { segmentId: 's1' }, (id) => (id === 's1' ? 'VIPs' : undefined)).text).toBe('When a user enters VIPs');
    expect(summarize('waitUntil', { mode: 'timeOfDay', time: '09:00', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'] }).text).toBe('Until 09:00 on weekdays, user’s time');
  });

  it('says what is missing on an incomplete step', () => {
    for (const kind of nodeKinds) {
      const node = createNode(kind.type, { x: 0, y: 0 }, new Set());
      expect(typeof summarize(kind.type, node.data.settings).text).toBe('string');
    }
    expect(summarize('eventTrigger', { eventName: '' })).toEqual({ text: 'Choose the event that starts it', incomplete: true });
    expect(summarize('sendMessage', { channel: 'email', subject: '' }).incomplete).toBe(true);
  });
});
