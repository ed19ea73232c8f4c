import type { z } from 'zod';
import { isSystemAttributeName, systemAttributeTypes } from '../attributes/systemAttributes';
import type { AttributeType } from '../attributes/attributeType';
import { isJsonObject } from '../json/json';
import { unknownNameMessage } from './closestNames';
import { type EventRef, maxSegmentConditions, maxSegmentDepth, SegmentCondition, SegmentDefinition, type SegmentNode } from './segmentDefinition';

export interface SegmentProblem {
  /** Dotted path in the definition, e.g. `root.children.2.filters.0.value`. */
  path: string;
  message: string;
}

/** What validation checks names against; without it, only the shape is checked. */
export interface SegmentCatalog {
  /** Custom traits by name with their inferred type (system attributes are known already). */
  attributes: ReadonlyMap<string, AttributeType>;
  events: ReadonlySet<string>;
  eventGroups: ReadonlySet<string>;
  /** Other segments: id → the segment ids their definitions reference (for cycle checks). */
  segments: ReadonlyMap<string, { name: string; references: string[] }>;
  /** The segment being edited, when it exists already. */
  selfId?: string;
}

export type SegmentValidation = { ok: true; definition: SegmentDefinition; problems: SegmentProblem[] } | { ok: false; definition: null; problems: SegmentProblem[] };

const numericOperators = new Set(['greaterThan', 'greaterOrEqual', 'lessThan', 'lessOrEqual', 'between']);
const dateOperators = new Set(['before', 'after', 'withinLastDays', 'moreThanDaysAgo']);
const textOperators = new Set(['contains', 'notContains', 'startsWith', 'endsWith']);

/** The type of an attribute by name: system attributes first, then the trait catalog (`traits.` prefix allowed). */
export function attributeTypeOf(name: string, catalog: Pick<SegmentCatalog, 'attributes'> | undefined): AttributeType | undefined {
  if (isSystemAttributeName(name)) return systemAttributeTypes[name];
  const trait = name.startsWith('traits.') ? name.slice('traits.'.length) : name;
  const known = catalog?.attributes.get(trait);
  if (known) return known;
  // A path into an object trait ("address.city"): leaves are not catalogued, so they compare as text.
  return catalog?.attributes.get(trait.split('.')[0]!) === 'OBJECT' ? 'STRING' : undefined;
}

/**
 * Checks a segment definition: the tree (depth, size), every condition's
 * settings, names against the catalogs (with the closest known names), and
 * segment references (existing, no cycles). Returns every problem with its path.
 */
export function validateSegment(input: unknown, catalog?: SegmentCatalog): SegmentValidation {
  const problems: SegmentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!isJsonObject(input) || !isJsonObject(input.root)) return { ok: false, definition: null, problems: [{ path: 'root', message: 'must be a group: { "type": "group", "match": "all", "children": [...] }' }] };
  let conditions = 0;
  const references: string[] = [];

  const walk = (node: unknown, path: string, depth: number) => {
    if (!isJsonObject(node)) return add(path, 'must be a group or a condition');
    if (node.type === 'group') {
      if (depth > maxSegmentDepth) return add(path, `nests groups more than ${maxSegmentDepth} deep`);
      if (node.match !== undefined && node.match !== 'all' && node.match !== 'any') add(`${path}.match`, 'must be "all" (AND) or "any" (OR)');
      if (node.negate !== undefined && typeof node.negate !== 'boolean') add(`${path}.negate`, 'must be true or false');
      if (!Array.isArray(node.children)) return add(`${path}.children`, 'must be a list of groups and conditions');
      node.children.forEach((child, index) => walk(child, `${path}.children.${index}`, depth + 1));
      return;
    }
    conditions++;
    const parsed = SegmentCondition.safeParse(node);
    if (!parsed.success) {
      for (const issue of parsed.error.issues as z.core.$ZodIssue[]) add([path, ...issue.path.map(String)].join('.'), issue.message);
      return;
    }
    checkNames(parsed.data, path);
  };

  const checkEvent = (event: EventRef, path: string) => {
    if (!catalog) return;
    if (event.kind === 'event' && !catalog.events.has(event.name)) add(`${path}.event.name`, unknownNameMessage('event', event.name, catalog.events));
    if (event.kind === 'group' && !catalog.eventGroups.has(event.name)) add(`${path}.event.name`, unknownNameMessage('event group', event.name, catalog.eventGroups));
  };

  const checkNames = (condition: SegmentCondition, path: string) => {
    switch (condition.type) {
      case 'attribute': {
        const type = attributeTypeOf(condition.attribute, catalog);
        if (catalog && type === undefined) {
          add(`${path}.attribute`, unknownNameMessage('attribute', condition.attribute, [...Object.keys(systemAttributeTypes), ...catalog.attributes.keys()]));
          return;
        }
        if (type === 'BOOLEAN' && (numericOperators.has(condition.operator) || dateOperators.has(condition.operator) || textOperators.has(condition.operator))) add(`${path}.operator`, `"${condition.operator}" does not apply to a true/false attribute`);
        if (type === 'NUMBER' && (dateOperators.has(condition.operator) || textOperators.has(condition.operator))) add(`${path}.operator`, `"${condition.operator}" does not apply to a number attribute`);
        if (type === 'DATE' && textOperators.has(condition.operator)) add(`${path}.operator`, `"${condition.operator}" does not apply to a date attribute`);
        if ((type === 'STRING' || type === 'ARRAY' || type === 'OBJECT') && dateOperators.has(condition.operator)) add(`${path}.operator`, `"${condition.operator}" needs a date attribute ("${condition.attribute}" is ${type.toLowerCase()})`);
        if (type !== 'BOOLEAN' && type !== undefined && (condition.operator === 'isTrue' || condition.operator === 'isFalse')) add(`${path}.operator`, `"${condition.operator}" needs a true/false attribute`);
        return;
      }
      case 'behaviour':
      case 'eventTime':
      case 'aggregate':
      case 'rfm':
        return checkEvent(condition.event, path);
      case 'segment':
        references.push(condition.segmentId);
        if (catalog && condition.segmentId === catalog.selfId) add(`${path}.segmentId`, 'a segment cannot include itself');
        else if (catalog && !catalog.segments.has(condition.segmentId)) add(`${path}.segmentId`, `no segment has the id "${condition.segmentId}"`);
        else if (catalog?.selfId && reaches(catalog, condition.segmentId, catalog.selfId)) add(`${path}.segmentId`, `segment "${catalog.segments.get(condition.segmentId)!.name}" already depends on this one: that would be a cycle`);
        return;
      default:
        return;
    }
  };

  walk(input.root, 'root', 1);
  if (input.root.type !== 'group') add('root.type', 'the root must be a group');
  if (conditions > maxSegmentConditions) add('root', `has ${conditions} conditions; a segment may have at most ${maxSegmentConditions}`);
  if (problems.length) return { ok: false, definition: null, problems };
  const parsed = SegmentDefinition.safeParse(input);
  if (!parsed.success) return { ok: false, definition: null, problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  return { ok: true, definition: parsed.data, problems };
}

/** Whether `from` depends (directly or through others) on `target`. */
function reaches(catalog: SegmentCatalog, from: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(catalog.segments.get(id)?.references ?? []));
  }
  return false;
}
