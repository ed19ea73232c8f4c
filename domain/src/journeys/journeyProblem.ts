/** One thing wrong with a journey definition, located by node and field path. */
export interface JourneyProblem {
  /** The node it concerns, when it concerns one (the canvas highlights it). */
  nodeId?: string;
  /** Dotted path in the definition, e.g. `nodes.3.settings.duration.amount` or `edges.2.target`. */
  path: string;
  message: string;
  /** Errors block publishing; warnings are shown but do not. */
  severity: 'error' | 'warning';
}

export function describeJourneyProblems(problems: readonly JourneyProblem[]): string {
  return problems.map((p) => `${p.nodeId ? `[${p.nodeId}] ` : ''}${p.path}: ${p.message}`).join('; ');
}
