import type { JourneyDefinition, JourneyEdge } from './journeyDefinition';
import type { JourneyNode } from './journeyNodes';

/** The branch handles a node has: every edge leaves from one of these. */
export function branchesOf(node: JourneyNode): string[] {
  switch (node.type) {
    case 'waitForEvent':
    case 'waitForSegment':
      return ['matched', 'timeout'];
    case 'conditionSplit':
      return [...node.settings.branches.map((branch) => branch.key), 'else'];
    case 'randomSplit':
      return node.settings.branches.map((branch) => branch.key);
    case 'sendMessage':
      return ['sent', 'failed'];
    case 'webhook':
      return ['ok', 'failed'];
    case 'end':
      return [];
    default:
      return ['next'];
  }
}

/** Fast lookups over a definition's graph. */
export class JourneyGraph {
  readonly nodes = new Map<string, JourneyNode>();
  private readonly next = new Map<string, string>();

  constructor(readonly definition: Pick<JourneyDefinition, 'nodes' | 'edges'>) {
    for (const node of definition.nodes) this.nodes.set(node.id, node);
    for (const edge of definition.edges) this.next.set(JourneyGraph.key(edge), edge.target);
  }

  private static key(edge: Pick<JourneyEdge, 'source' | 'sourceHandle'>): string {
    return `${edge.source}\u0000${edge.sourceHandle}`;
  }

  node(id: string): JourneyNode | undefined {
    return this.nodes.get(id);
  }

  /** The node a branch leads to; undefined when the branch is not connected (the run ends there). */
  target(nodeId: string, branch: string): string | undefined {
    return this.next.get(JourneyGraph.key({ source: nodeId, sourceHandle: branch }));
  }
}
