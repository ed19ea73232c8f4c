import { branchesOf, defaultMaxNodeVisits, type JourneyNode, type JourneyNodeType } from '@tideflow/domain';
import type { Edge, Node, XYPosition } from '@xyflow/react';
import { defaultSettings, isNodeType, isTriggerType } from './nodeCatalog';

/**
 * Pure conversions between a journey definition (what the API stores) and
 * React Flow's nodes and edges (what the canvas draws), plus the graph edits
 * the builder makes: new ids, connections, copy and paste, renamed branches.
 * Drafts may be incomplete, so nothing here assumes settings are valid.
 */

export type NodeSettings = Record<string, unknown>;

/** A node as drawn; its settings may be incomplete while the marketer edits. */
export interface DraftNode {
  id: string;
  type: JourneyNodeType;
  label?: string;
  position?: XYPosition;
  settings: NodeSettings;
}

export interface DraftEdge {
  source: string;
  sourceHandle: string;
  target: string;
}

/** Journey-level settings, edited as loose JSON and checked with the domain's schemas. */
export interface JourneySettings {
  entryRules: Record<string, unknown>;
  goal?: Record<string, unknown>;
  exitCriteria: Array<Record<string, unknown>>;
  maxNodeVisits: number;
}

export interface DraftDefinition extends JourneySettings {
  nodes: DraftNode[];
  edges: DraftEdge[];
}

export type JourneyNodeData = { label?: string; settings: NodeSettings };
export type FlowNode = Node<JourneyNodeData, JourneyNodeType>;
export type FlowEdge = Edge;

/** What the builder edits (and undo / redo restores). */
export interface JourneyGraphState {
  nodes: FlowNode[];
  edges: FlowEdge[];
  settings: JourneySettings;
}

export const edgeType = 'branch';
export const nodeHeightEstimate = 118;

/** Nodes grow with their branches so every handle keeps room for its label. */
export function nodeWidth(branchCount: number): number {
  return Math.max(256, branchCount * 92);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): value is XYPosition => isObject(value) && Number.isFinite(value.x) && Number.isFinite(value.y);

/** The branch handles of a node as drawn (split keys as typed, even before they are valid). */
export function draftBranches(type: JourneyNodeType, settings: NodeSettings): string[] {
  if (type === 'conditionSplit' || type === 'randomSplit') {
    const branches = Array.isArray(settings.branches) ? settings.branches : [];
    const keys = branches.map((branch) => (isObject(branch) && typeof branch.key === 'string' ? branch.key.trim() : '')).filter((key) => key !== '');
    return branchesOf({ type, settings: { branches: [...new Set(keys)].map((key) => ({ key })) } } as unknown as JourneyNode);
  }
  return branchesOf({ type, settings } as unknown as JourneyNode);
}

export const defaultJourneySettings = (): JourneySettings => ({ entryRules: { reEntry: { mode: 'never' } }, exitCriteria: [], maxNodeVisits: defaultMaxNodeVisits });

/** Reads a stored draft leniently: unknown node types and malformed edges are left out, missing parts get defaults. */
export function parseDraft(raw: unknown): DraftDefinition {
  const draft = isObject(raw) ? raw : {};
  const nodes: DraftNode[] = (Array.isArray(draft.nodes) ? draft.nodes : []).flatMap((node): DraftNode[] => {
    if (!isObject(node) || typeof node.id !== 'string' || !isNodeType(node.type)) return [];
    return [
      {
        id: node.id,
        type: node.type,
        ...(typeof node.label === 'string' ? { label: node.label } : {}),
        ...(isPosition(node.position) ? { position: { x: node.position.x, y: node.position.y } } : {}),
        settings: isObject(node.settings) ? node.settings : {},
      },
    ];
  });
  const edges: DraftEdge[] = (Array.isArray(draft.edges) ? draft.edges : []).flatMap((edge): DraftEdge[] =>
    isObject(edge) && typeof edge.source === 'string' && typeof edge.target === 'string'
      ? [{ source: edge.source, target: edge.target, sourceHandle: typeof edge.sourceHandle === 'string' ? edge.sourceHandle : 'next' }]
      : [],
  );
  const defaults = defaultJourneySettings();
  return {
    nodes,
    edges,
    entryRules: isObject(draft.entryRules) ? draft.entryRules : defaults.entryRules,
    ...(isObject(draft.goal) ? { goal: draft.goal } : {}),
    exitCriteria: Array.isArray(draft.exitCriteria) ? draft.exitCriteria.filter(isObject) : [],
    maxNodeVisits: typeof draft.maxNodeVisits === 'number' ? draft.maxNodeVisits : defaults.maxNodeVisits,
  };
}

export const edgeId = (edge: DraftEdge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`;

export function toFlowNode(node: DraftNode): FlowNode {
  return {
    id: node.id,
    type: node.type,
    position: node.position ?? { x: 0, y: 0 },
    data: { ...(node.label ? { label: node.label } : {}), settings: node.settings },
  };
}

export function toFlowEdge(edge: DraftEdge): FlowEdge {
  return { id: edgeId(edge), type: edgeType, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target };
}

export function toGraphState(draft: DraftDefinition): JourneyGraphState {
  const { nodes, edges, ...settings } = draft;
  return { nodes: nodes.map(toFlowNode), edges: edges.map(toFlowEdge), settings };
}

/** True when some node was never placed (a journey created through the API): lay it out first. */
export const needsLayout = (draft: DraftDefinition) => draft.nodes.some((node) => !node.position);

/** The definition to save: positions rounded, empty labels dropped, edges as branch → target. */
export function toDefinition(state: JourneyGraphState): DraftDefinition {
  const { entryRules, goal, exitCriteria, maxNodeVisits } = state.settings;
  return {
    nodes: state.nodes.map((node) => {
      const label = node.data.label?.trim();
      return { id: node.id, type: node.type as JourneyNodeType, ...(label ? { label } : {}), position: { x: Math.round(node.position.x), y: Math.round(node.position.y) }, settings: node.data.settings };
    }),
    edges: state.edges.map((edge) => ({ source: edge.source, sourceHandle: edge.sourceHandle ?? 'next', target: edge.target })),
    entryRules,
    ...(goal ? { goal } : {}),
    exitCriteria,
    maxNodeVisits,
  };
}

/** `wait-3`: readable ids (they show in step logs and problems), unique in the journey. */
export function newNodeId(type: JourneyNodeType, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${type}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function createNode(type: JourneyNodeType, position: XYPosition, taken: ReadonlySet<string>, timezone?: string): FlowNode {
  return toFlowNode({ id: newNodeId(type, taken), type, position: { x: Math.round(position.x), y: Math.round(position.y) }, settings: defaultSettings(type, timezone) });
}

export interface ConnectionRequest {
  source: string | null;
  sourceHandle?: string | null;
  target: string | null;
}

/** Why a connection cannot be drawn, or null when it can. */
export function connectionProblem(state: Pick<JourneyGraphState, 'nodes' | 'edges'>, connection: ConnectionRequest): string | null {
  const source = state.nodes.find((node) => node.id === connection.source);
  const target = state.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return 'Connect two steps of this journey';
  if (source.id === target.id) return 'A step cannot lead to itself';
  if (isTriggerType(target.type as JourneyNodeType)) return 'Nothing can lead into an entry trigger';
  const branch = connection.sourceHandle ?? 'next';
  if (!draftBranches(source.type as JourneyNodeType, source.data.settings).includes(branch)) return `This step has no branch "${branch}"`;
  if (state.edges.some((edge) => edge.source === source.id && (edge.sourceHandle ?? 'next') === branch)) return `Branch "${branch}" is already connected: a branch leads to one step`;
  return null;
}

/** Adds the edge for a valid connection; the state unchanged otherwise. */
export function connect<T extends Pick<JourneyGraphState, 'nodes' | 'edges'>>(state: T, connection: ConnectionRequest): T {
  if (connectionProblem(state, connection)) return state;
  const edge = toFlowEdge({ source: connection.source!, sourceHandle: connection.sourceHandle ?? 'next', target: connection.target! });
  return { ...state, edges: [...state.edges, edge] };
}

/** The branches of a node that lead nowhere yet, in order. */
export function freeBranches(node: FlowNode, edges: readonly FlowEdge[]): string[] {
  const used = new Set(edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle ?? 'next'));
  return draftBranches(node.type as JourneyNodeType, node.data.settings).filter((branch) => !used.has(branch));
}

export interface Clipboard {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The selected nodes, and the edges between them. */
export function copySelection(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Clipboard | null {
  const selected = nodes.filter((node) => node.selected);
  if (!selected.length) return null;
  const ids = new Set(selected.map((node) => node.id));
  return { nodes: selected.map((node) => structuredClone({ ...node, selected: false })), edges: edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map((edge) => ({ ...edge })) };
}

/** Copies with new ids, shifted by `offset`, selected (and everything else deselected); edges between copies kept. */
export function pasteClipboard(state: JourneyGraphState, clipboard: Clipboard, offset: XYPosition): JourneyGraphState {
  const taken = new Set(state.nodes.map((node) => node.id));
  const ids = new Map<string, string>();
  const pasted = clipboard.nodes.map((node) => {
    const id = newNodeId(node.type as JourneyNodeType, taken);
    taken.add(id);
    ids.set(node.id, id);
    const { measured: _measured, ...rest } = node;
    return { ...structuredClone(rest), id, selected: true, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges = clipboard.edges.map((edge) => toFlowEdge({ source: ids.get(edge.source)!, sourceHandle: edge.sourceHandle ?? 'next', target: ids.get(edge.target)! }));
  return { ...state, nodes: [...state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted], edges: [...state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...edges] };
}

/**
 * After a split's branches were edited: a renamed branch (same position, new
 * key) keeps its edge under the new key; the edges of removed branches go.
 */
export function reconcileBranchEdges(nodeId: string, type: JourneyNodeType, before: NodeSettings, after: NodeSettings, edges: FlowEdge[]): FlowEdge[] {
  const old = draftBranches(type, before);
  const next = draftBranches(type, after);
  if (old.length === next.length && old.every((key, index) => key === next[index])) return edges;
  const keysAt = (settings: NodeSettings) => (Array.isArray(settings.branches) ? settings.branches.map((b) => (isObject(b) && typeof b.key === 'string' ? b.key.trim() : '')) : []);
  const [oldKeys, newKeys] = [keysAt(before), keysAt(after)];
  const renamed = new Map<string, string>();
  if (oldKeys.length === newKeys.length) {
    oldKeys.forEach((key, index) => {
      const to = newKeys[index]!;
      if (key && to && key !== to && !newKeys.includes(key)) renamed.set(key, to);
    });
  }
  const kept = new Set(next);
  const result: FlowEdge[] = [];
  const used = new Set<string>();
  for (const edge of edges) {
    if (edge.source !== nodeId) {
      result.push(edge);
      continue;
    }
    const handle = renamed.get(edge.sourceHandle ?? 'next') ?? edge.sourceHandle ?? 'next';
    if (!kept.has(handle) || used.has(handle)) continue;
    used.add(handle);
    result.push(handle === edge.sourceHandle ? edge : toFlowEdge({ source: edge.source, sourceHandle: handle, target: edge.target }));
  }
  return result;
}

/** Where a step added from the palette goes: under the selected step (below its first free branch), else at `fallback`. */
export function placementNear(selected: FlowNode | undefined, edges: readonly FlowEdge[], fallback: XYPosition): { position: XYPosition; connectFrom?: { source: string; sourceHandle: string } } {
  if (!selected) return { position: fallback };
  const branches = draftBranches(selected.type as JourneyNodeType, selected.data.settings);
  const free = freeBranches(selected, edges);
  const width = selected.measured?.width ?? nodeWidth(branches.length);
  const height = selected.measured?.height ?? nodeHeightEstimate;
  const branch = free[0];
  const index = branch ? branches.indexOf(branch) : branches.length;
  const x = selected.position.x + ((index + 1) / (branches.length + 1)) * width - nodeWidth(1) / 2;
  const position = { x: Math.round(x), y: Math.round(selected.position.y + height + 90) };
  return branch ? { position, connectFrom: { source: selected.id, sourceHandle: branch } } : { position };
}
