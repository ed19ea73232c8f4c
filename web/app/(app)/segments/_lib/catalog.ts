import {
  type AttributeOperator,
  type AttributeType,
  type EventRef,
  type SegmentCatalog,
  systemAttributeDisplayNames,
  systemAttributeNames,
  systemAttributeTypes,
  technologyAttributes,
} from '@tideflow/domain';
import type { BuilderCatalogData } from '../_queries';
import { type ConditionType, type DraftCondition, referencedSegments } from './definition';

export interface AttributeOption {
  name: string;
  label: string;
  type: AttributeType;
  system: boolean;
}

export interface EventOption {
  ref: EventRef;
  label: string;
}

/** Everything the builder's pickers offer, and the catalog client-side validation checks names against. */
export interface BuilderCatalog {
  validation: SegmentCatalog;
  attributes: AttributeOption[];
  events: EventOption[];
  groups: EventOption[];
  segments: Array<{ id: string; name: string; kind: string }>;
}

const attributeTypes = new Set<AttributeType>(['STRING', 'NUMBER', 'BOOLEAN', 'DATE', 'ARRAY', 'OBJECT']);

export function buildCatalog(data: BuilderCatalogData, selfId?: string): BuilderCatalog {
  const traits = data.attributeDefinitions.filter((a) => !a.system && attributeTypes.has(a.type as AttributeType));
  // System attributes are always there (columns of every user), seen yet or not.
  const attributes: AttributeOption[] = [
    ...systemAttributeNames.map((name) => ({ name, label: systemAttributeDisplayNames[name], type: systemAttributeTypes[name] as AttributeType, system: true })),
    ...traits.map((a) => ({ name: a.name, label: a.displayName, type: a.type as AttributeType, system: false })),
  ];
  return {
    validation: {
      attributes: new Map(traits.map((a) => [a.name, a.type as AttributeType])),
      events: new Set(data.eventDefinitions.map((e) => e.name)),
      eventGroups: new Set(data.eventGroups.map((g) => g.name)),
      segments: new Map(data.segments.map((s) => [s.id, { name: s.name, references: referencedSegments(s.definition) }])),
      ...(selfId ? { selfId } : {}),
    },
    attributes,
    events: data.eventDefinitions.map((e) => ({ ref: { kind: 'event', name: e.name }, label: e.displayName !== e.name ? `${e.displayName} (${e.name})` : e.name })),
    groups: data.eventGroups.map((g) => ({ ref: { kind: 'group', name: g.name }, label: `${g.name} (${g.events.length} event${g.events.length === 1 ? '' : 's'})` })),
    segments: data.segments.filter((s) => s.id !== selfId).map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
  };
}

export const conditionTypeLabels: Record<ConditionType, string> = {
  attribute: 'User attribute',
  behaviour: 'Did / did not do an event',
  eventTime: 'First / last time of an event',
  aggregate: 'Total / average of an event property',
  technology: 'Device and software',
  reachability: 'Reachable on a channel',
  segment: 'Member of a segment',
  rfm: 'RFM (recency, frequency, monetary)',
};

/** Short titles for condition cards. */
export const conditionTitles: Record<ConditionType, string> = {
  attribute: 'Attribute',
  behaviour: 'Behaviour',
  eventTime: 'Event time',
  aggregate: 'Aggregate',
  technology: 'Technology',
  reachability: 'Reachability',
  segment: 'Segment membership',
  rfm: 'RFM',
};

export const operatorLabels: Record<AttributeOperator, string> = {
  equals: 'is',
  notEquals: 'is not',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  endsWith: 'ends with',
  in: 'is any of',
  notIn: 'is none of',
  exists: 'is set',
  notExists: 'is not set',
  greaterThan: 'is greater than',
  greaterOrEqual: 'is at least',
  lessThan: 'is less than',
  lessOrEqual: 'is at most',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  withinLastDays: 'is within the last',
  moreThanDaysAgo: 'is more than … ago',
  isTrue: 'is true',
  isFalse: 'is false',
};

const allOperators = Object.keys(operatorLabels) as AttributeOperator[];

/** The operators that make sense for an attribute's type (all of them when the type is unknown). */
export function operatorsFor(type: AttributeType | undefined): AttributeOperator[] {
  switch (type) {
    case 'STRING':
      return ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'endsWith', 'in', 'notIn', 'exists', 'notExists'];
    case 'NUMBER':
      return ['equals', 'notEquals', 'greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'between', 'in', 'notIn', 'exists', 'notExists'];
    case 'DATE':
      return ['after', 'before', 'between', 'withinLastDays', 'moreThanDaysAgo', 'exists', 'notExists'];
    case 'BOOLEAN':
      return ['isTrue', 'isFalse', 'exists', 'notExists'];
    case 'ARRAY':
      return ['contains', 'notContains', 'in', 'notIn', 'exists', 'notExists'];
    case 'OBJECT':
      return ['exists', 'notExists'];
    default:
      return allOperators;
  }
}

export const technologyLabels: Record<(typeof technologyAttributes)[number], string> = {
  platform: 'Platform',
  os: 'Operating system',
  browser: 'Browser',
  deviceType: 'Device type',
  deviceModel: 'Device model',
  appVersion: 'App version',
};

/** A new condition of a type, filled with what the catalog suggests (valid where it can be). */
export function newCondition(type: ConditionType, catalog: BuilderCatalog): DraftCondition {
  const firstEvent = catalog.events.find((e) => !e.ref.name.startsWith('Segment ') && e.ref.name !== 'User Identified')?.ref ?? catalog.events[0]?.ref ?? { kind: 'event', name: '' };
  switch (type) {
    case 'attribute': {
      const trait = catalog.attributes.find((a) => !a.system);
      return { type, attribute: trait?.name ?? 'email', operator: 'exists' };
    }
    case 'technology':
      return { type, attribute: 'platform', operator: 'exists' };
    case 'behaviour':
      return { type, event: firstEvent, did: true, filters: [], count: { rule: 'atLeast', times: 1 }, window: { kind: 'ever' } };
    case 'eventTime':
      return { type, event: firstEvent, filters: [], which: 'first', window: { kind: 'last', amount: 30, unit: 'days' } };
    case 'aggregate':
      return { type, event: firstEvent, filters: [], property: '', aggregate: 'sum', operator: 'greaterOrEqual', window: { kind: 'ever' } };
    case 'reachability':
      return { type, channel: 'email', reachable: true };
    case 'segment':
      return { type, segmentId: catalog.segments[0]?.id ?? '', member: true };
    case 'rfm':
      return { type, event: firstEvent, amountProperty: '', window: { kind: 'last', amount: 365, unit: 'days' }, bucket: 'champions' };
  }
}
