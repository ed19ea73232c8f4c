import type { SegmentCondition, SegmentDefinition, SegmentGroup, SegmentNode } from '@tideflow/domain';

/**
 * The builder edits a draft of the segment language: the same tree, where
 * values may still be missing (validation says what), and every node carries
 * a `_key` so React keeps each card's state through reorders. Keys never
 * leave the builder: `cleanDefinition` strips them.
 */
export type DraftCondition = SegmentCondition & { _key?: string };
export type DraftGroup = Omit<SegmentGroup, 'children'> & { _key?: string; children: DraftNode[] };
export type DraftNode = DraftGroup | DraftCondition;
export interface DraftDefinition {
  root: DraftGroup;
}

export type ConditionType = SegmentCondition['type'];

let nextKey = 0;
const newKey = () => `n${++nextKey}`;

/** A node and its subtree with keys (for definitions loaded from the API). */
export function withKeys(node: unknown): DraftNode {
  const value = node as DraftNode;
  if (value && typeof value === 'object' && value.type === 'group') return { ...value, _key: newKey(), children: (Array.isArray(value.children) ? value.children : []).map(withKeys) };
  return { ...(value as DraftCondition), _key: newKey() };
}

export function draftOf(definition: unknown): DraftDefinition {
  const root = (definition as { root?: unknown } | null)?.root;
  if (root && typeof root === 'object' && (root as { type?: unknown }).type === 'group') return { root: withKeys(root) as DraftGroup };
  return emptyDraft();
}

export function emptyDraft(): DraftDefinition {
  return { root: { type: 'group', match: 'all', negate: false, children: [], _key: newKey() } };
}

function clean(node: DraftNode): SegmentNode {
  if (node.type === 'group') {
    const { _key, children, ...group } = node;
    return { ...group, children: children.map(clean) };
  }
  const { _key, ...condition } = node;
  return condition as SegmentCondition;
}

/** The definition as the API takes it. */
export function cleanDefinition(draft: DraftDefinition): SegmentDefinition {
  return { root: clean(draft.root) as SegmentGroup };
}

/** A node's place in the tree: child indexes from the root ([] is the root). */
export type Location = readonly number[];

/** "root.children.2.children.0": the dotted path validation problems use. */
export function pathOf(location: Location): string {
  return ['root', ...location.map((index) => `children.${index}`)].join('.');
}

/** "2.1": how the builder numbers a node for people (and for accessible names). */
export function labelOf(location: Location): string {
  return location.map((index) => index + 1).join('.');
}

function updateGroup(group: DraftGroup, location: Location, update: (node: DraftNode) => DraftNode | null): DraftGroup {
  const [index, ...rest] = location;
  if (index === undefined) return update(group) as DraftGroup;
  const children = [...group.children];
  const child = children[index];
  if (!child) return group;
  if (rest.length === 0) {
    const next = update(child);
    if (next) children[index] = next;
    else children.splice(index, 1);
  } else if (child.type === 'group') {
    children[index] = updateGroup(child, rest, update);
  }
  return { ...group, children };
}

export type DraftAction =
  | { kind: 'replace'; location: Location; node: DraftNode }
  | { kind: 'remove'; location: Location }
  | { kind: 'move'; location: Location; by: -1 | 1 }
  | { kind: 'add'; group: Location; node: DraftNode }
  | { kind: 'reset'; draft: DraftDefinition };

export function draftReducer(draft: DraftDefinition, action: DraftAction): DraftDefinition {
  switch (action.kind) {
    case 'reset':
      return action.draft;
    case 'replace':
      return { root: updateGroup(draft.root, action.location, () => action.node) };
    case 'remove':
      return action.location.length ? { root: updateGroup(draft.root, action.location, () => null) } : draft;
    case 'add':
      return { root: updateGroup(draft.root, action.group, (group) => ({ ...(group as DraftGroup), children: [...(group as DraftGroup).children, { ...action.node, _key: newKey() } as DraftNode] })) };
    case 'move': {
      const parent = action.location.slice(0, -1);
      const index = action.location[action.location.length - 1]!;
      const target = index + action.by;
      return {
        root: updateGroup(draft.root, parent, (group) => {
          const children = [...(group as DraftGroup).children];
          if (target < 0 || target >= children.length) return group;
          [children[index], children[target]] = [children[target]!, children[index]!];
          return { ...(group as DraftGroup), children };
        }),
      };
    }
  }
}

/** Segment ids a stored definition refers to (for cycle checks in client-side validation). */
export function referencedSegments(definition: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const value = node as { type?: unknown; children?: unknown; segmentId?: unknown };
    if (value.type === 'group' && Array.isArray(value.children)) value.children.forEach(walk);
    if (value.type === 'segment' && typeof value.segmentId === 'string') found.add(value.segmentId);
  };
  walk((definition as { root?: unknown } | null)?.root);
  return [...found];
}

export function countConditions(node: DraftNode): number {
  return node.type === 'group' ? node.children.reduce((sum, child) => sum + countConditions(child), 0) : 1;
}
