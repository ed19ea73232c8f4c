import { checkTemplate } from '../templates';
import type { JourneyProblem } from './journeyProblem';
import { type ValidateJourneyOptions, defaultMaxJourneyNodes, validateJourney } from './validateJourney';

type RawNode = Record<string, unknown>;

/** A trigger, then `steps` in a chain through each one's first branch; every step ends the journey after it. */
const journeyOf = (...steps: RawNode[]) => ({
  nodes: [{ id: 't', type: 'apiTrigger' }, ...steps],
  edges: steps.map((step, index) => ({ source: index === 0 ? 't' : (steps[index - 1]!.id as string), sourceHandle: index === 0 ? 'next' : firstBranch(steps[index - 1]!), target: step.id })),
});
const firstBranch = (node: RawNode): string => {
  if (node.type === 'randomSplit') return (node.settings as { branches: Array<{ key: string }> }).branches[0]!.key;
  return ({ waitForEvent: 'timeout', sendMessage: 'sent', webhook: 'ok', conditionSplit: 'else' } as Record<string, string>)[node.type as string] ?? 'next';
};

const errors = (input: unknown, options: ValidateJourneyOptions = {}): JourneyProblem[] =>
  validateJourney(input, { checkTemplate, ...options }).problems.filter((p) => p.severity === 'error');

const email = (settings: Record<string, unknown> = {}): RawNode => ({ id: 'mail', type: 'sendMessage', settings: { channel: 'email', subject: 'Hi', html: '<p>Hi</p>', ...settings } });
const webhook = (settings: Record<string, unknown> = {}): RawNode => ({ id: 'hook', type: 'webhook', settings: { url: 'https://example.com/hook', ...settings } });
const randomSplit = (branches: Array<[string, number]>, controlPercent?: number): RawNode => ({
  id: 'split',
  type: 'randomSplit',
  settings: { branches: branches.map(([key, percent]) => ({ key, percent })), ...(controlPercent === undefined ? {} : { controlPercent }) },
});
const attribute = { kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' };
const conditionSplit = (keys: string[], conditions: unknown[] = [attribute]): RawNode => ({
  id: 'split',
  type: 'conditionSplit',
  settings: { branches: keys.map((key) => ({ key, when: { conditions } })) },
});

describe('validateJourney: node settings', () => {
  it('reports schema errors at the node, with the path under its settings', () => {
    expect(errors(journeyOf({ id: 'w', type: 'wait', settings: { duration: { amount: 0, unit: 'days' } } }))).toEqual([
      { nodeId: 'w', path: 'nodes.1.settings.duration.amount', message: 'must be greater than 0', severity: 'error' },
    ]);
    const waitForEvent = { id: 'order', type: 'waitForEvent', settings: { eventName: 'Order Completed', timeout: { amount: 1.5, unit: 'hours' } } };
    expect(errors(journeyOf(email(), waitForEvent))).toEqual([{ nodeId: 'order', path: 'nodes.2.settings.timeout.amount', message: 'must be a whole number', severity: 'error' }]);
    expect(errors(journeyOf({ id: 'w', type: 'wait', settings: { duration: { amount: 11, unit: 'weeks' } } }, { id: 'long', type: 'wait', settings: { duration: { amount: 3651, unit: 'days' } } }))).toEqual([
      { nodeId: 'long', path: 'nodes.2.settings.duration.amount', message: 'must be at most 10 years', severity: 'error' },
    ]);
  });

  it('reports nested settings errors and bad ids', () => {
    const filterWithoutValue = { id: 'e', type: 'waitForEvent', settings: { eventName: 'Paid', filters: [{ property: 'amount', operator: 'gte' }], timeout: { amount: 1, unit: 'days' } } };
    expect(errors(journeyOf(filterWithoutValue))).toEqual([{ nodeId: 'e', path: 'nodes.1.settings.filters.0.value', message: 'is required for operator "gte"', severity: 'error' }]);
    const listWithoutList = conditionSplit(['pro'], [{ ...attribute, operator: 'in', value: 'pro' }]);
    expect(errors(journeyOf(listWithoutList))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches.0.when.conditions.0.value', message: 'must be a non-empty list for operator "in"', severity: 'error' },
    ]);
    expect(errors(journeyOf({ id: 'has space', type: 'end' }))).toEqual([{ nodeId: 'has space', path: 'nodes.1.id', message: 'may contain only letters, digits, _ and -', severity: 'error' }]);
  });

  it('needs known time zones', () => {
    const waitUntil = (fallbackTimezone: string) => ({ id: 'w', type: 'waitUntil', settings: { mode: 'timeOfDay', time: '10:00', fallbackTimezone } });
    expect(errors(journeyOf(waitUntil('Asia/Kolkata')))).toEqual([]);
    expect(errors(journeyOf(waitUntil('Mars/Olympus_Mons')))).toEqual([{ nodeId: 'w', path: 'nodes.1.settings.fallbackTimezone', message: 'must be a time zone such as "Europe/Berlin"', severity: 'error' }]);
    const schedule = { id: 's', type: 'scheduleTrigger', settings: { schedule: { kind: 'daily', time: '09:00' }, timezone: 'Europe/Berlinn' } };
    expect(errors({ nodes: [schedule, { id: 'e', type: 'end' }], edges: [{ source: 's', target: 'e' }] })).toEqual([
      { nodeId: 's', path: 'nodes.0.settings.timezone', message: 'must be a time zone such as "Europe/Berlin"', severity: 'error' },
    ]);
  });

  it('reports an unknown node type at `type`', () => {
    const problems = errors(journeyOf({ id: 'x', type: 'teleport' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ nodeId: 'x', path: 'nodes.1.type' });
  });
});

describe('validateJourney: splits', () => {
  it('needs random split percentages, control group included, to add up to 100', () => {
    expect(errors(journeyOf(randomSplit([['a', 45], ['b', 45]], 10)))).toEqual([]);
    expect(errors(journeyOf(randomSplit([['a', 33.3333333], ['b', 33.3333333], ['c', 33.3333334]])))).toEqual([]);
    expect(errors(journeyOf(randomSplit([['a', 45], ['b', 45]], 5)))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches', message: 'percentages (with the control group) add up to 95; they must add up to 100', severity: 'error' },
    ]);
    expect(errors(journeyOf(randomSplit([['a', 50], ['b', 50]], 10)))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches', message: 'percentages (with the control group) add up to 110; they must add up to 100', severity: 'error' },
    ]);
  });

  it('refuses duplicate branch keys', () => {
    expect(errors(journeyOf(randomSplit([['a', 50], ['b', 25], ['a', 25]])))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches.2.key', message: 'duplicates branches.0.key "a"', severity: 'error' },
    ]);
    expect(errors(journeyOf(conditionSplit(['pro', 'pro'])))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches.1.key', message: 'duplicates branches.0.key "pro"', severity: 'error' },
    ]);
  });

  it('reserves `else` in a condition split, not in a random split', () => {
    expect(errors(journeyOf(conditionSplit(['pro', 'else'])))).toEqual([
      { nodeId: 'split', path: 'nodes.1.settings.branches.1.key', message: '"else" is reserved for the branch taken when no condition holds', severity: 'error' },
    ]);
    expect(errors(journeyOf(randomSplit([['else', 100]])))).toEqual([]);
  });
});

describe('validateJourney: templates', () => {
  it('checks every template with the checkTemplate it is given', () => {
    const problems = errors(journeyOf(email({ subject: 'Hi {{ user.name | nosuchfilter }}', html: '{% if %}yes{% endif %}', text: 'Hi {{ user.name }}' })));
    expect(problems).toEqual([
      { nodeId: 'mail', path: 'nodes.1.settings.subject', message: 'invalid template: undefined filter: nosuchfilter, line:1, col:4', severity: 'error' },
      { nodeId: 'mail', path: 'nodes.1.settings.html', message: 'invalid template: invalid value expression: "", line:1, col:6', severity: 'error' },
    ]);
  });

  it('checks webhook URLs, headers, bodies and fields, and user updates', () => {
    const hook = webhook({
      url: 'https://example.com/{{ user.id | nope }}',
      headers: [{ name: 'Authorization', value: 'Bearer {{ context.token' }],
      body: '{% for %}',
      fields: [{ key: 'ok', value: '{{ user.email }}' }, { key: 'bad', value: '{{ user.email | nope }}' }],
    });
    const update = { id: 'update', type: 'updateUser', settings: { updates: [{ op: 'set', attribute: 'lastCart', value: '{{ event.properties.cartId | nope }}' }, { op: 'set', attribute: 'n', value: 3 }] } };
    expect(errors(journeyOf(hook, update)).map((p) => p.path)).toEqual([
      'nodes.1.settings.url',
      'nodes.1.settings.headers.0.value',
      'nodes.1.settings.body',
      'nodes.1.settings.fields.1.value',
      'nodes.2.settings.updates.0.value',
    ]);
  });

  it('refuses templates that would load other templates', () => {
    expect(errors(journeyOf(email({ html: "{% include 'footer' %}" })))).toEqual([
      { nodeId: 'mail', path: 'nodes.1.settings.html', message: 'invalid template: tag "include" is not supported: templates cannot load other templates, line:1, col:1', severity: 'error' },
    ]);
  });

  it('does not check templates without a checkTemplate', () => {
    expect(validateJourney(journeyOf(email({ subject: '{{ x | nope }}' }))).ok).toBe(true);
  });
});

describe('validateJourney: URLs', () => {
  it('needs an http(s) URL for webhooks and webhook messages', () => {
    for (const url of ['https://example.com', 'http://localhost:8080/x', 'HTTPS://EXAMPLE.COM/a?b=c']) expect(errors(journeyOf(webhook({ url })))).toEqual([]);
    for (const url of ['ftp://example.com', 'example.com/hook', 'javascript:alert(1)', 'https://', 'file:///etc/passwd']) {
      expect(errors(journeyOf(webhook({ url })))).toEqual([{ nodeId: 'hook', path: 'nodes.1.settings.url', message: 'must be an http:// or https:// URL', severity: 'error' }]);
    }
    const message = { id: 'msg', type: 'sendMessage', settings: { channel: 'webhook', url: 'mailto:someone@example.com' } };
    expect(errors(journeyOf(message))).toEqual([{ nodeId: 'msg', path: 'nodes.1.settings.url', message: 'must be an http:// or https:// URL', severity: 'error' }]);
  });

  it('leaves a URL with template parts to be checked when rendered', () => {
    expect(errors(journeyOf(webhook({ url: '{{ context.baseUrl }}/hook' })))).toEqual([]);
  });
});

describe('validateJourney: segments', () => {
  const segments = new Map([
    ['seg_vip', { name: 'VIP', kind: 'LIVE' as const }],
    ['seg_list', { name: 'Imported list', kind: 'STATIC' as const }],
  ]);
  const segmentTrigger = (segmentId: string) => ({ nodes: [{ id: 's', type: 'segmentTrigger', settings: { segmentId } }, { id: 'e', type: 'end' }], edges: [{ source: 's', target: 'e' }] });

  it('accepts segments of the workspace in triggers, splits, waits and schedule audiences; names unknown ones', () => {
    expect(errors(segmentTrigger('seg_vip'), { segments })).toEqual([]);
    expect(errors(segmentTrigger('seg_gone'), { segments })).toEqual([{ nodeId: 's', path: 'nodes.0.settings', message: 'refers to segment "seg_gone", which does not exist in this workspace', severity: 'error' }]);
    // Without the workspace's segments (a draft checked on its own), ids are not checked.
    expect(errors(segmentTrigger('seg_gone'))).toEqual([]);

    const split = journeyOf(conditionSplit(['vip'], [attribute, { kind: 'segment', segmentId: 'seg_gone' }]));
    expect(errors(split, { segments })).toEqual([{ nodeId: 'split', path: 'nodes.1.settings', message: 'refers to segment "seg_gone", which does not exist in this workspace', severity: 'error' }]);

    const schedule = {
      nodes: [{ id: 's', type: 'scheduleTrigger', settings: { audience: { conditions: [{ kind: 'segment', segmentId: 'seg_vip' }] }, schedule: { kind: 'daily', time: '09:00' } } }, { id: 'e', type: 'end' }],
      edges: [{ source: 's', target: 'e' }],
    };
    expect(errors(schedule, { segments })).toEqual([]);
  });

  it('adds to and removes from static segments only, and checks exit criteria on segments', () => {
    const update = (segmentId: string) => journeyOf({ id: 'u', type: 'updateUser', settings: { updates: [{ op: 'addToSegment', segmentId }] } });
    expect(errors(update('seg_list'), { segments })).toEqual([]);
    expect(errors(update('seg_vip'), { segments })).toEqual([
      { nodeId: 'u', path: 'nodes.1.settings.updates.0.segmentId', message: 'segment "VIP" is live: its definition decides who is in it; pick a static segment', severity: 'error' },
    ]);
    const exits = { ...journeyOf({ id: 'w', type: 'waitForSegment', settings: { segmentId: 'seg_vip', timeout: { amount: 1, unit: 'days' } } }), exitCriteria: [{ kind: 'segment', segmentId: 'seg_nope' }] };
    expect(errors(exits, { segments })).toEqual([{ path: 'exitCriteria.0.segmentId', message: 'no segment has the id "seg_nope" in this workspace', severity: 'error' }]);
  });
});

describe('validateJourney: size', () => {
  const longChain = (count: number) => journeyOf(...Array.from({ length: count - 1 }, (_, i) => ({ id: `n${i}`, type: 'updateUser', settings: { updates: [{ op: 'increment', attribute: 'steps' }] } })));

  it('limits the number of nodes (maxNodes, 500 by default)', () => {
    expect(defaultMaxJourneyNodes).toBe(500);
    expect(errors(longChain(4), { maxNodes: 3 })).toEqual([{ path: 'nodes', message: 'has 4 nodes; a journey may have at most 3', severity: 'error' }]);
    expect(errors(longChain(3), { maxNodes: 3 })).toEqual([]);
    expect(errors(longChain(501))).toEqual([{ path: 'nodes', message: 'has 501 nodes; a journey may have at most 500', severity: 'error' }]);
  });

  it('validates a 500-node chain quickly, without overflowing the stack', () => {
    const started = Date.now();
    const result = validateJourney(longChain(500), { checkTemplate });
    expect(result.ok).toBe(true);
    expect(result.definition!.nodes).toHaveLength(500);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('finds a loop around a 5,000-node chain without recursion, quickly', () => {
    const journey = longChain(5_000);
    const started = Date.now();
    journey.edges.push({ source: 'n4998', sourceHandle: 'next', target: 'n0' });
    const loopErrors = errors(journey, { maxNodes: 10_000 });
    expect(loopErrors).toHaveLength(4_999);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(loopErrors[0]!.message).toBe('is in a loop (n0 → n1 → n2 → n3 → n4 → … → n4997 → n4998, 4999 steps) with no wait step; loops must pass through a wait');
  });
});
