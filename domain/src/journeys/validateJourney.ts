import { z } from 'zod';
import { isJsonObject } from '../json/json';
import { branchesOf } from './journeyBranches';
import { JourneyDefinition, JourneyEdge } from './journeyDefinition';
import { isTriggerNode, type JourneyNode, JourneyNode as JourneyNodeSchema, segmentIdsOfNode, waitingNodeTypes } from './journeyNodes';
import type { JourneyProblem } from './journeyProblem';
import { templateFieldsOf } from './templateFields';

export interface ValidateJourneyOptions {
  /** Most nodes a journey may have. */
  maxNodes?: number;
  /** Parses a Liquid template; returns an error message, or null when it is fine. */
  checkTemplate?: (source: string) => string | null;
  /** Segments of the workspace by id, with whether they are static; without it, segment ids are not checked. */
  segments?: ReadonlyMap<string, { name: string; kind: 'LIVE' | 'STATIC' }>;
}

export const defaultMaxJourneyNodes = 500;

export type JourneyValidation =
  | { ok: true; definition: JourneyDefinition; problems: JourneyProblem[] }
  | { ok: false; definition: JourneyDefinition | null; problems: JourneyProblem[] };

const pathOf = (segments: readonly PropertyKey[]) => segments.map(String).join('.');

function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], nodeId?: string): JourneyProblem[] {
  return issues.map((issue) => ({ ...(nodeId ? { nodeId } : {}), path: pathOf([...prefix, ...issue.path]), message: issue.message, severity: 'error' as const }));
}

/**
 * Checks a journey as drawn: every node's settings, and the graph (triggers,
 * dangling and duplicate branches, unreachable nodes, loops without a wait,
 * templates, size). Returns every problem at once, each with its node and path.
 */
export function validateJourney(input: unknown, options: ValidateJourneyOptions = {}): JourneyValidation {
  const maxNodes = options.maxNodes ?? defaultMaxJourneyNodes;
  const problems: JourneyProblem[] = [];
  const error = (path: string, message: string, nodeId?: string) => problems.push({ ...(nodeId ? { nodeId } : {}), path, message, severity: 'error' });
  const warning = (path: string, message: string, nodeId?: string) => problems.push({ ...(nodeId ? { nodeId } : {}), path, message, severity: 'warning' });

  if (!isJsonObject(input)) return { ok: false, definition: null, problems: [{ path: '', message: 'must be an object with nodes and edges', severity: 'error' }] };
  const rawNodes = Array.isArray(input.nodes) ? input.nodes : null;
  if (!rawNodes) error('nodes', 'must be a list of nodes');

  // Nodes one by one, so one bad node does not hide the graph's problems.
  const nodes: JourneyNode[] = [];
  const nodeIndex = new Map<string, number>();
  /** Every node's type as drawn, also for nodes whose settings are invalid. */
  const drawnType = new Map<string, string>();
  (rawNodes ?? []).forEach((raw, index) => {
    const id = isJsonObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    if (id !== undefined && !drawnType.has(id) && isJsonObject(raw) && typeof raw.type === 'string') drawnType.set(id, raw.type);
    const parsed = JourneyNodeSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesToProblems(parsed.error.issues, ['nodes', index], id));
    }
    if (id !== undefined) {
      if (nodeIndex.has(id)) error(`nodes.${index}.id`, `duplicates the id of nodes.${nodeIndex.get(id)}`, id);
      else nodeIndex.set(id, index);
    }
    if (parsed.success && nodeIndex.get(parsed.data.id) === index) nodes.push(parsed.data);
  });
  if (rawNodes && rawNodes.length > maxNodes) error('nodes', `has ${rawNodes.length} nodes; a journey may have at most ${maxNodes}`);

  // The rest of the definition (rules, goal, exits) against the schema, without the nodes already reported.
  const rest = JourneyDefinition.omit({ nodes: true, edges: true }).safeParse({ ...input, nodes: undefined, edges: undefined });
  if (!rest.success) problems.push(...issuesToProblems(rest.error.issues, []));
  if (rest.success && options.segments) {
    rest.data.exitCriteria.forEach((criterion, index) => {
      if (criterion.kind === 'segment' && !options.segments!.has(criterion.segmentId)) error(`exitCriteria.${index}.segmentId`, `no segment has the id "${criterion.segmentId}" in this workspace`);
    });
  }
  // Edges one by one too: a bad edge (or goal) must not make every node look unconnected.
  const rawEdges = input.edges === undefined ? [] : Array.isArray(input.edges) ? input.edges : null;
  if (!rawEdges) error('edges', 'must be a list of edges');
  const edgesAt: Array<[index: number, edge: JourneyEdge]> = [];
  (rawEdges ?? []).forEach((raw, index) => {
    const parsed = JourneyEdge.safeParse(raw);
    if (parsed.success) edgesAt.push([index, parsed.data]);
    else problems.push(...issuesToProblems(parsed.error.issues, ['edges', index]));
  });

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const knownIds = new Set(nodeIndex.keys());
  if (rawNodes && !(rawNodes as unknown[]).some((raw) => isJsonObject(raw) && typeof raw.type === 'string' && raw.type.endsWith('Trigger'))) {
    error('nodes', 'needs at least one entry trigger');
  }

  // Edges: endpoints exist, handles exist, one edge per handle, nothing flows into a trigger.
  const outgoing = new Map<string, string[]>();
  const connectedBranches = new Map<string, Set<string>>();
  const handleUse = new Map<string, number>();
  for (const [index, edge] of edgesAt) {
    const source = byId.get(edge.source);
    if (!knownIds.has(edge.source)) error(`edges.${index}.source`, `no node has the id "${edge.source}"`);
    if (!knownIds.has(edge.target)) error(`edges.${index}.target`, `no node has the id "${edge.target}"`, edge.source);
    if (source) {
      const branches = branchesOf(source);
      if (!branches.includes(edge.sourceHandle)) {
        error(`edges.${index}.sourceHandle`, branches.length ? `"${source.id}" has no branch "${edge.sourceHandle}" (its branches: ${branches.join(', ')})` : `"${source.id}" ends the journey and cannot lead anywhere`, source.id);
      }
      const key = `${edge.source}\u0000${edge.sourceHandle}`;
      if (handleUse.has(key)) error(`edges.${index}`, `branch "${edge.sourceHandle}" of "${edge.source}" is already connected by edges.${handleUse.get(key)}; a branch leads to one node`, edge.source);
      else handleUse.set(key, index);
    }
    const target = byId.get(edge.target);
    if (target && isTriggerNode(target)) error(`edges.${index}.target`, `"${target.id}" is an entry trigger; nothing can lead into it`, target.id);
    if (knownIds.has(edge.source) && knownIds.has(edge.target)) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
    connectedBranches.set(edge.source, (connectedBranches.get(edge.source) ?? new Set()).add(edge.sourceHandle));
  }

  for (const node of nodes) {
    const index = nodeIndex.get(node.id)!;
    const connected = connectedBranches.get(node.id) ?? new Set();
    for (const branch of branchesOf(node)) {
      if (connected.has(branch)) continue;
      if (isTriggerNode(node)) error(`nodes.${index}`, 'leads nowhere: connect it to the first step', node.id);
      else warning(`nodes.${index}`, `branch "${branch}" is not connected: users who take it leave the journey there`, node.id);
    }
    checkNodeSettings(node, index, options, error);
  }

  // Reachability from the triggers (invalid ones included, or everything after them would be reported too).
  const reached = new Set<string>();
  const stack = [...drawnType].filter(([, type]) => type.endsWith('Trigger')).map(([id]) => id);
  while (stack.length) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...(outgoing.get(id) ?? []));
  }
  for (const node of nodes) {
    if (!reached.has(node.id) && !isTriggerNode(node)) error(`nodes.${nodeIndex.get(node.id)}`, 'is unreachable: no entry trigger leads to it', node.id);
  }

  // Loops are allowed only through a wait, or a run could spin without end. A loop among the
  // nodes that do not wait is one without a wait (even when a wait sits on another loop through them).
  const waits = (id: string) => (waitingNodeTypes as ReadonlySet<string>).has(drawnType.get(id) ?? '');
  const withoutWaits = [...knownIds].filter((id) => !waits(id));
  const outgoingWithoutWaits = new Map(withoutWaits.map((id) => [id, (outgoing.get(id) ?? []).filter((target) => !waits(target))]));
  for (const cycle of cyclesOf(withoutWaits, outgoingWithoutWaits)) {
    // A long loop is named by its ends, so the message stays short on each of its nodes.
    const loop = cycle.length <= 10 ? cycle.join(' → ') : `${cycle.slice(0, 5).join(' → ')} → … → ${cycle.slice(-2).join(' → ')}, ${cycle.length} steps`;
    for (const id of cycle) error(`nodes.${nodeIndex.get(id)}`, `is in a loop (${loop}) with no wait step; loops must pass through a wait`, id);
  }

  if (problems.some((p) => p.severity === 'error')) return { ok: false, definition: null, problems };
  const definition = JourneyDefinition.parse(input);
  return { ok: true, definition, problems };
}

function checkNodeSettings(node: JourneyNode, index: number, options: ValidateJourneyOptions, error: (path: string, message: string, nodeId?: string) => void) {
  const at = (path: string) => `nodes.${index}.settings${path ? `.${path}` : ''}`;
  if (node.type === 'conditionSplit' || node.type === 'randomSplit') {
    const seen = new Map<string, number>();
    node.settings.branches.forEach((branch, branchIndex) => {
      if (branch.key === 'else' && node.type === 'conditionSplit') error(at(`branches.${branchIndex}.key`), '"else" is reserved for the branch taken when no condition holds', node.id);
      if (seen.has(branch.key)) error(at(`branches.${branchIndex}.key`), `duplicates branches.${seen.get(branch.key)}.key "${branch.key}"`, node.id);
      else seen.set(branch.key, branchIndex);
    });
  }
  if (node.type === 'randomSplit') {
    const total = node.settings.branches.reduce((sum, branch) => sum + branch.percent, 0) + node.settings.controlPercent;
    if (Math.abs(total - 100) > 1e-6) error(at('branches'), `percentages (with the control group) add up to ${Number(total.toFixed(4))}; they must add up to 100`, node.id);
  }
  if (options.segments) {
    for (const segmentId of segmentIdsOfNode(node)) {
      if (!options.segments.has(segmentId)) error(at(''), `refers to segment "${segmentId}", which does not exist in this workspace`, node.id);
    }
    if (node.type === 'updateUser') {
      node.settings.updates.forEach((update, updateIndex) => {
        if ((update.op === 'addToSegment' || update.op === 'removeFromSegment') && options.segments!.get(update.segmentId)?.kind === 'LIVE') {
          error(at(`updates.${updateIndex}.segmentId`), `segment "${options.segments!.get(update.segmentId)!.name}" is live: its definition decides who is in it; pick a static segment`, node.id);
        }
      });
    }
  }
  if (options.checkTemplate) {
    for (const field of templateFieldsOf(node)) {
      const message = options.checkTemplate(field.source);
      if (message) error(at(field.path), `invalid template: ${message}`, node.id);
    }
  }
  const url = node.type === 'webhook' ? node.settings.url : node.type === 'sendMessage' && node.settings.channel === 'webhook' ? node.settings.url : null;
  // A URL with template parts is checked when it is rendered.
  if (url !== null && !url.includes('{{') && !/^https?:\/\/[^\s/]+/i.test(url)) error(at('url'), 'must be an http:// or https:// URL', node.id);
}

/** Strongly connected components that form loops (more than one node, or a node leading to itself). */
function cyclesOf(ids: string[], outgoing: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const connect = (start: string) => {
    // Iterative Tarjan, so a 500-node chain cannot overflow the call stack.
    const work: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const targets = outgoing.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && (outgoing.get(component[0]!) ?? []).includes(component[0]!);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  };
  for (const id of ids) if (!index.has(id)) connect(id);
  return cycles;
}
