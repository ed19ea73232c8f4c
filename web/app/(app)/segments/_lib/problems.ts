import type { SegmentProblem } from '@tideflow/domain';

/**
 * Problems of a definition by path, for the controls that show them: each
 * control asks for its own path (`at`), or its subtree (`under`) when it
 * edits a small object (a window, an event reference); a card shows what none
 * of its controls claimed (`unclaimed`), so no problem goes unseen.
 */
export class ProblemIndex {
  readonly list: readonly SegmentProblem[];
  private readonly byPath = new Map<string, string[]>();

  constructor(problems: readonly SegmentProblem[]) {
    this.list = problems;
    for (const problem of problems) {
      const messages = this.byPath.get(problem.path) ?? [];
      if (!messages.includes(problem.message)) messages.push(problem.message);
      this.byPath.set(problem.path, messages);
    }
  }

  get size(): number {
    return this.list.length;
  }

  /** Messages for exactly this path. */
  at(path: string): string[] {
    return this.byPath.get(path) ?? [];
  }

  /** Messages for this path and below, with the sub-path named ("to: must end after it starts"). */
  under(path: string): string[] {
    const messages: string[] = [];
    for (const [problemPath, list] of this.byPath) {
      if (problemPath === path) messages.push(...list);
      else if (problemPath.startsWith(`${path}.`)) messages.push(...list.map((message) => `${problemPath.slice(path.length + 1)}: ${message}`));
    }
    return messages;
  }

  /** Whether anything at or below the path has a problem. */
  has(path: string): boolean {
    for (const problemPath of this.byPath.keys()) if (problemPath === path || problemPath.startsWith(`${path}.`)) return true;
    return false;
  }

  /**
   * Messages at or below `path` that its controls do not show: `claims` are
   * sub-paths shown exactly (`"operator"`) or with their subtree (`"window/"`).
   * Sub-paths of nested nodes (`children.N…`) are left to those nodes.
   */
  unclaimed(path: string, claims: readonly string[]): string[] {
    const messages: string[] = [];
    for (const [problemPath, list] of this.byPath) {
      if (problemPath !== path && !problemPath.startsWith(`${path}.`)) continue;
      const sub = problemPath === path ? '' : problemPath.slice(path.length + 1);
      if (sub.startsWith('children.')) continue;
      const claimed = claims.some((claim) => (claim.endsWith('/') ? sub === claim.slice(0, -1) || sub.startsWith(`${claim.slice(0, -1)}.`) : sub === claim));
      if (!claimed) messages.push(...list.map((message) => (sub ? `${sub}: ${message}` : message)));
    }
    return messages;
  }
}

export const noProblems = new ProblemIndex([]);

/** Problems from a BAD_USER_INPUT of createSegment / updateSegment: `input.definition.root…` fields as definition paths. */
export function definitionProblemsOf(problems: ReadonlyArray<{ field: string; message: string }>): SegmentProblem[] {
  return problems
    .filter((p) => p.field === 'input.definition' || p.field.startsWith('input.definition.'))
    .map((p) => ({ path: p.field === 'input.definition' ? 'root' : p.field.slice('input.definition.'.length), message: p.message }));
}
