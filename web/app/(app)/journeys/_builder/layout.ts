import dagre from '@dagrejs/dagre';
import type { JourneyNodeType } from '@tideflow/domain';
import { draftBranches, type FlowEdge, type FlowNode, nodeHeightEstimate, nodeWidth } from './graph';

/**
 * Auto-layout with dagre, top to bottom. Edges go in by branch order and the
 * children of a node are constrained to its branch order, so each edge leaves
 * its handle towards its target without crossing its siblings.
 */
export function layoutGraph(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): FlowNode[] {
  if (!nodes.length) return [...nodes];
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: 56, ranksep: 88, marginx: 24, marginy: 24 });
  graph.setDefaultEdgeLabel(() => ({}));

  const size = new Map<string, { width: number; height: number }>();
  const branchesOf = new Map<string, string[]>();
  for (const node of nodes) {
    const branches = draftBranches(node.type as JourneyNodeType, node.data.settings);
    branchesOf.set(node.id, branches);
    const measured = { width: node.measured?.width ?? nodeWidth(branches.length), height: node.measured?.height ?? nodeHeightEstimate };
    size.set(node.id, measured);
    graph.setNode(node.id, { ...measured });
  }
  const known = new Set(nodes.map((node) => node.id));
  const nodeOrder = new Map(nodes.map((node, index) => [node.id, index]));
  const rank = (edge: FlowEdge) => branchesOf.get(edge.source)?.indexOf(edge.sourceHandle ?? 'next') ?? 0;
  const ordered = edges.filter((edge) => known.has(edge.source) && known.has(edge.target)).sort((a, b) => nodeOrder.get(a.source)! - nodeOrder.get(b.source)! || rank(a) - rank(b));
  for (const edge of ordered) graph.setEdge(edge.source, edge.target, {}, edge.id);

  // Children reached only from one node sit in the order of its branches (left to right).
  const incoming = new Map<string, number>();
  for (const edge of ordered) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  const constraints: Array<{ left: string; right: string }> = [];
  for (const node of nodes) {
    const children = ordered.filter((edge) => edge.source === node.id && edge.target !== node.id && incoming.get(edge.target) === 1).map((edge) => edge.target);
    for (let index = 1; index < children.length; index++) constraints.push({ left: children[index - 1]!, right: children[index]! });
  }
  try {
    dagre.layout(graph, { constraints });
  } catch {
    dagre.layout(graph);
  }

  const centre = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    centre.set(node.id, { x: placed?.x ?? 0, y: placed?.y ?? 0 });
  }

  return nodes.map((node) => {
    const { x, y } = centre.get(node.id)!;
    const { width, height } = size.get(node.id)!;
    return { ...node, position: { x: Math.round(x - width / 2), y: Math.round(y - height / 2) } };
  });
}
