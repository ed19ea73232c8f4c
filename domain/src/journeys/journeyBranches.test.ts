import { JourneyGraph, branchesOf } from './journeyBranches';
import { JourneyEdge } from './journeyDefinition';
import { JourneyNode } from './journeyNodes';

const node = (input: unknown) => JourneyNode.parse(input);
const days = { amount: 1, unit: 'days' };
const condition = { conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' }] };

describe('branchesOf', () => {
  it.each([
    ['eventTrigger', { eventName: 'Signed Up' }, ['next']],
    ['apiTrigger', {}, ['next']],
    ['scheduleTrigger', { schedule: { kind: 'daily', time: '09:00' } }, ['next']],
    ['segmentTrigger', { segmentId: 'seg_1' }, ['next']],
    ['wait', { duration: days }, ['next']],
    ['waitUntil', { mode: 'timeOfDay', time: '10:00' }, ['next']],
    ['waitForEvent', { eventName: 'Order Completed', timeout: days }, ['matched', 'timeout']],
    ['conditionSplit', { branches: [{ key: 'pro', when: condition }, { key: 'team', when: condition }] }, ['pro', 'team', 'else']],
    ['randomSplit', { branches: [{ key: 'a', percent: 50 }, { key: 'b', percent: 50 }] }, ['a', 'b']],
    ['sendMessage', { channel: 'email', subject: 'Hi', html: '<p>Hi</p>' }, ['sent', 'failed']],
    ['sendMessage', { channel: 'webhook', url: 'https://example.com' }, ['sent', 'failed']],
    ['updateUser', { updates: [{ op: 'addTag', tag: 'vip' }] }, ['next']],
    ['webhook', { url: 'https://example.com' }, ['ok', 'failed']],
    ['end', undefined, []],
  ])('%s', (type, settings, branches) => {
    expect(branchesOf(node({ id: 'n', type, settings }))).toEqual(branches);
  });

  it('has no branch for the control group of a random split', () => {
    expect(branchesOf(node({ id: 'n', type: 'randomSplit', settings: { branches: [{ key: 'a', percent: 90 }], controlPercent: 10 } }))).toEqual(['a']);
  });
});

describe('JourneyGraph', () => {
  const nodes = [
    node({ id: 'start', type: 'eventTrigger', settings: { eventName: 'Added To Cart' } }),
    node({ id: 'wait', type: 'waitForEvent', settings: { eventName: 'Order Completed', timeout: days } }),
    node({ id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Hi', html: 'Hi' } }),
    node({ id: 'done', type: 'end' }),
  ];
  const edges = [
    { source: 'start', target: 'wait' },
    { source: 'wait', sourceHandle: 'timeout', target: 'mail' },
    { source: 'wait', sourceHandle: 'matched', target: 'done' },
    { source: 'mail', sourceHandle: 'sent', target: 'done' },
  ].map((edge) => JourneyEdge.parse(edge));
  const graph = new JourneyGraph({ nodes, edges });

  it('finds nodes by id', () => {
    expect(graph.node('mail')).toBe(nodes[2]);
    expect(graph.node('nope')).toBeUndefined();
    expect(graph.nodes.size).toBe(4);
  });

  it('follows a branch to its target', () => {
    expect(graph.target('start', 'next')).toBe('wait');
    expect(graph.target('wait', 'timeout')).toBe('mail');
    expect(graph.target('wait', 'matched')).toBe('done');
    expect(graph.target('mail', 'sent')).toBe('done');
  });

  it('is undefined for a branch that is not connected, or unknown', () => {
    expect(graph.target('mail', 'failed')).toBeUndefined();
    expect(graph.target('done', 'next')).toBeUndefined();
    expect(graph.target('nope', 'next')).toBeUndefined();
  });

  it('defaults an edge to the `next` branch', () => {
    expect(edges[0]!.sourceHandle).toBe('next');
  });
});
