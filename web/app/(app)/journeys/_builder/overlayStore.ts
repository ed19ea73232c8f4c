import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * What the canvas shows on top of the drawing: validation problems and live
 * counts per node. Kept outside React Flow's nodes so a stats poll or a
 * validation re-renders only the nodes whose overlay changed (each node
 * subscribes to its own entry), never the whole canvas.
 */

export interface BranchStat {
  count: number;
  percent: number;
}

export interface NodeOverlay {
  errors: string[];
  warnings: string[];
  stats: { entered: number; waitingNow: number; branches: Record<string, BranchStat> } | null;
}

const empty: NodeOverlay = { errors: [], warnings: [], stats: null };

/** A branch's share of runs as the canvas shows it ("45%"). */
export const formatShare = (stat: BranchStat) => `${Math.round(stat.percent)}%`;

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;

/** The card's problem badge: errors first ("2 errors"), else warnings; null when there are none. */
export function problemBadge(overlay: Pick<NodeOverlay, 'errors' | 'warnings'>): { severity: 'error' | 'warning'; text: string } | null {
  if (overlay.errors.length) return { severity: 'error', text: plural(overlay.errors.length, 'error') };
  if (overlay.warnings.length) return { severity: 'warning', text: plural(overlay.warnings.length, 'warning') };
  return null;
}

/** Whether the card's counts show "here now": where users are, or on a step users wait at. */
export const showsWaitingNow = (stats: NonNullable<NodeOverlay['stats']>, waitingStep: boolean) => stats.waitingNow > 0 || waitingStep;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const sameStats = (a: NodeOverlay['stats'], b: NodeOverlay['stats']) => {
  if (a === b) return true;
  if (!a || !b || a.entered !== b.entered || a.waitingNow !== b.waitingNow) return false;
  const [ka, kb] = [Object.keys(a.branches), Object.keys(b.branches)];
  return ka.length === kb.length && ka.every((key) => b.branches[key]?.count === a.branches[key]!.count && b.branches[key]?.percent === a.branches[key]!.percent);
};

export class OverlayStore {
  private overlays = new Map<string, NodeOverlay>();
  private problems = new Map<string, Pick<NodeOverlay, 'errors' | 'warnings'>>();
  private stats = new Map<string, NodeOverlay['stats']>();
  private listeners = new Set<() => void>();
  /** Bumped at every change: lets a reader of many nodes (the canvas sketch) know it is current. */
  version = 0;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  get = (nodeId: string): NodeOverlay => this.overlays.get(nodeId) ?? empty;

  setProblems(problems: ReadonlyArray<{ nodeId?: string | null; message: string; severity: 'error' | 'warning' }>) {
    const next = new Map<string, { errors: string[]; warnings: string[] }>();
    for (const problem of problems) {
      if (!problem.nodeId) continue;
      const entry = next.get(problem.nodeId) ?? { errors: [], warnings: [] };
      (problem.severity === 'error' ? entry.errors : entry.warnings).push(problem.message);
      next.set(problem.nodeId, entry);
    }
    this.problems = next;
    this.rebuild();
  }

  setStats(stats: ReadonlyArray<{ nodeId: string; entered: number; waitingNow: number; branches: ReadonlyArray<{ branch: string; count: number; percent: number }> }> | null) {
    this.stats = new Map((stats ?? []).map((s) => [s.nodeId, { entered: s.entered, waitingNow: s.waitingNow, branches: Object.fromEntries(s.branches.map((b) => [b.branch, { count: b.count, percent: b.percent }])) }]));
    this.rebuild();
  }

  /** Replaces only the entries that changed, so unchanged nodes keep their snapshot and do not re-render. */
  private rebuild() {
    const ids = new Set([...this.problems.keys(), ...this.stats.keys(), ...this.overlays.keys()]);
    let changed = false;
    for (const id of ids) {
      const problems = this.problems.get(id);
      const candidate: NodeOverlay = { errors: problems?.errors ?? [], warnings: problems?.warnings ?? [], stats: this.stats.get(id) ?? null };
      const current = this.overlays.get(id) ?? empty;
      if (sameList(current.errors, candidate.errors) && sameList(current.warnings, candidate.warnings) && sameStats(current.stats, candidate.stats)) continue;
      changed = true;
      if (!candidate.errors.length && !candidate.warnings.length && !candidate.stats) this.overlays.delete(id);
      else this.overlays.set(id, candidate);
    }
    if (!changed) return;
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

export const OverlayContext = createContext<OverlayStore | null>(null);

export function useNodeOverlay(nodeId: string): NodeOverlay {
  const store = useContext(OverlayContext);
  if (!store) throw new Error('useNodeOverlay() outside the journey canvas');
  return useSyncExternalStore(store.subscribe, () => store.get(nodeId), () => empty);
}
