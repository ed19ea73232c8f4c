import { Prng } from '../shared/prng';

export const triggerEventName = 'Trial Started';

/** One user of the benchmark: identified during setup, then sends one trigger event. */
export interface JourneyUser {
  userId: string;
  /** The trait the journey's condition split reads: exactly half of each group is `pro`. */
  plan: 'pro' | 'free';
}

/** A trigger event: `seq` is its index in its phase, and comes back in the webhook's body. */
export interface TriggerEvent {
  user: JourneyUser;
  seq: number;
  messageId: string;
}

export interface JourneyDataset {
  /** Warm-up, steady and saturation users: disjoint, so every run is a first entry. */
  groups: Record<'warmup' | 'steady' | 'saturation', JourneyUser[]>;
  /** Each group's trigger events, in the (shuffled) order they are offered. */
  events: Record<'warmup' | 'steady' | 'saturation', TriggerEvent[]>;
}

/** Deterministic: same seed and sizes, same users, plans, order and messageIds. */
export function generateJourneyDataset(options: { seed: number; warmup: number; steady: number; saturation: number }): JourneyDataset {
  const prng = new Prng(options.seed);
  let index = 0;
  const group = (size: number): JourneyUser[] => {
    const plans = prng.shuffle(Array.from({ length: size }, (_, i) => (i % 2 === 0 ? 'pro' : 'free') as JourneyUser['plan']));
    return plans.map((plan) => ({ userId: `usr_${(index++).toString(36).padStart(4, '0')}${prng.hex(10)}`, plan }));
  };
  const groups = { warmup: group(options.warmup), steady: group(options.steady), saturation: group(options.saturation) };
  const eventsOf = (name: keyof typeof groups) =>
    prng.shuffle([...groups[name]]).map((user, seq) => ({ user, seq, messageId: `bench-journeys-${options.seed}-${name}-${seq.toString().padStart(6, '0')}` }));
  return { groups, events: { warmup: eventsOf('warmup'), steady: eventsOf('steady'), saturation: eventsOf('saturation') } };
}

/** Segment `identify` calls for `users` (the trait the condition reads, and an email). */
export function identifyCalls(users: JourneyUser[], seed: number): object[] {
  const timestamp = new Date().toISOString();
  return users.map((user) => ({
    type: 'identify',
    messageId: `bench-journeys-${seed}-identify-${user.userId}`,
    userId: user.userId,
    traits: { plan: user.plan, email: `${user.userId}@example.com`, firstName: 'Bench' },
    timestamp,
  }));
}

/** A Segment `track` call of the trigger event, stamped now (as a client would). */
export function triggerCall(event: TriggerEvent): object {
  return { type: 'track', messageId: event.messageId, userId: event.user.userId, event: triggerEventName, properties: { seq: event.seq, source: 'bench' }, timestamp: new Date().toISOString() };
}

/**
 * trigger "Trial Started" → wait 1 s → condition split on the `plan` trait → webhook to the sink
 * (/pro or /free: every run sends exactly once) → end.
 */
export function benchJourneyDefinition(sinkUrl: string) {
  const fields = [
    { key: 'user', value: '{{ user.userId }}' },
    { key: 'seq', value: '{{ event.seq }}' },
  ];
  return {
    nodes: [
      { id: 'trigger', type: 'eventTrigger', settings: { eventName: triggerEventName } },
      { id: 'wait', type: 'wait', settings: { duration: { amount: 1, unit: 'seconds' } } },
      { id: 'plan', type: 'conditionSplit', settings: { branches: [{ key: 'pro', when: { conditions: [{ kind: 'attribute', attribute: 'plan', operator: 'eq', value: 'pro' }] } }] } },
      { id: 'notifyPro', type: 'webhook', settings: { url: `${sinkUrl}/pro`, method: 'POST', fields } },
      { id: 'notifyFree', type: 'webhook', settings: { url: `${sinkUrl}/free`, method: 'POST', fields } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { source: 'trigger', sourceHandle: 'next', target: 'wait' },
      { source: 'wait', sourceHandle: 'next', target: 'plan' },
      { source: 'plan', sourceHandle: 'pro', target: 'notifyPro' },
      { source: 'plan', sourceHandle: 'else', target: 'notifyFree' },
      { source: 'notifyPro', sourceHandle: 'ok', target: 'done' },
      { source: 'notifyFree', sourceHandle: 'ok', target: 'done' },
    ],
    entryRules: { reEntry: { mode: 'never' } },
  };
}

/** The wait node's duration, subtracted for the "minus the wait" latency. */
export const journeyWaitMs = 1_000;
