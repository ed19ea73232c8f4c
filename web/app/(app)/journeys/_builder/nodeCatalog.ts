import type { JourneyNodeType } from '@tideflow/domain';

/**
 * Every node type a marketer can draw, as the palette and the canvas show it:
 * its family (colour), title, a one-line description and the settings a new
 * node starts with. Pure data: no React, so graph.ts and its tests use it too.
 */

export type NodeFamily = 'trigger' | 'flow' | 'action' | 'end';

/** Each family's colour and its soft tint (Builder.module.css .family_*), for what draws outside CSS: the minimap, the canvas sketch. */
export const familyPalette: Record<NodeFamily, { colour: string; soft: string }> = {
  trigger: { colour: '#0e9f6e', soft: '#e3f5ec' },
  flow: { colour: '#7c3aed', soft: '#f1eafe' },
  action: { colour: '#0f6cbd', soft: '#e6f0fa' },
  end: { colour: '#64748b', soft: '#eef1f5' },
};

export interface NodeKind {
  type: JourneyNodeType;
  family: NodeFamily;
  title: string;
  description: string;
}

export const nodeKinds: readonly NodeKind[] = [
  { type: 'eventTrigger', family: 'trigger', title: 'Event', description: 'When a user does something' },
  { type: 'apiTrigger', family: 'trigger', title: 'API call', description: 'Entered by your backend (triggerJourney)' },
  { type: 'scheduleTrigger', family: 'trigger', title: 'Schedule', description: 'An audience, once or on a schedule' },
  { type: 'segmentTrigger', family: 'trigger', title: 'Segment entry', description: 'When a user enters a segment' },
  { type: 'wait', family: 'flow', title: 'Wait', description: 'A fixed delay' },
  { type: 'waitUntil', family: 'flow', title: 'Wait until', description: 'A date, a time of day, or a user’s date' },
  { type: 'waitForEvent', family: 'flow', title: 'Wait for event', description: 'Until the user does something, or a timeout' },
  { type: 'waitForSegment', family: 'flow', title: 'Wait for segment', description: 'Until the user enters or leaves a segment' },
  { type: 'conditionSplit', family: 'flow', title: 'Condition split', description: 'Branch on attributes, behaviour, the trigger' },
  { type: 'randomSplit', family: 'flow', title: 'Random split', description: 'A/B test with a control group' },
  { type: 'sendMessage', family: 'action', title: 'Send message', description: 'An email or a webhook message' },
  { type: 'updateUser', family: 'action', title: 'Update user', description: 'Attributes, tags, static segments' },
  { type: 'webhook', family: 'action', title: 'Webhook', description: 'Call an HTTP endpoint, keep the response' },
  { type: 'end', family: 'end', title: 'End', description: 'Users finish the journey here' },
];

const byType = new Map(nodeKinds.map((kind) => [kind.type, kind]));

export function nodeKind(type: JourneyNodeType): NodeKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`unknown node type ${type}`);
  return kind;
}

export function isNodeType(type: unknown): type is JourneyNodeType {
  return typeof type === 'string' && byType.has(type as JourneyNodeType);
}

export const isTriggerType = (type: JourneyNodeType) => nodeKind(type).family === 'trigger';

export const paletteGroups: ReadonlyArray<{ title: string; families: NodeFamily[] }> = [
  { title: 'Triggers', families: ['trigger'] },
  { title: 'Flow', families: ['flow', 'end'] },
  { title: 'Actions', families: ['action'] },
];

export const allWeekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** What a new node of `type` starts with: the smallest settings that say what is still to fill in. */
export function defaultSettings(type: JourneyNodeType, timezone = 'UTC'): Record<string, unknown> {
  switch (type) {
    case 'eventTrigger':
      return { eventName: '', filters: [] };
    case 'apiTrigger':
      return {};
    case 'scheduleTrigger':
      return { audience: { match: 'all' }, schedule: { kind: 'daily', time: '09:00' }, timezone };
    case 'segmentTrigger':
      return { segmentId: '' };
    case 'wait':
      return { duration: { amount: 1, unit: 'days' } };
    case 'waitUntil':
      return { mode: 'timeOfDay', time: '09:00', weekdays: [...allWeekdays], fallbackTimezone: timezone };
    case 'waitForEvent':
      return { eventName: '', filters: [], timeout: { amount: 1, unit: 'days' } };
    case 'waitForSegment':
      return { segmentId: '', member: true, timeout: { amount: 1, unit: 'days' } };
    case 'conditionSplit':
      return { branches: [{ key: 'yes', label: 'Yes', when: { match: 'all', conditions: [{ kind: 'attribute', attribute: '', operator: 'eq', value: '' }] } }] };
    case 'randomSplit':
      return { branches: [{ key: 'a', label: 'A', percent: 50 }, { key: 'b', label: 'B', percent: 50 }], controlPercent: 0 };
    case 'sendMessage':
      return { channel: 'email', subject: '', html: '' };
    case 'updateUser':
      return { updates: [{ op: 'addTag', tag: '' }] };
    case 'webhook':
      return { url: '', method: 'POST', headers: [], timeoutSeconds: 10, retry: { maximumAttempts: 3, initialIntervalSeconds: 1 } };
    case 'end':
      return {};
  }
}
