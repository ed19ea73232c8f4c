/**
 * Stable assignment for random splits: the same user always lands in the same
 * branch of the same node version. FNV-1a over "user|journey|version|node",
 * so it is deterministic in workflow code (no Math.random).
 */
export function stableBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Final avalanche (murmur3 fmix32): FNV alone clusters on similar keys.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x1_0000_0000;
}

export interface RandomSplitChoice {
  /** The branch key, or null for the control group. */
  branch: string | null;
  /** The draw in [0, 100), reported in the step log. */
  draw: number;
}

export function chooseRandomBranch(
  settings: { branches: ReadonlyArray<{ key: string; percent: number }>; controlPercent: number },
  key: string,
): RandomSplitChoice {
  const draw = stableBucket(key) * 100;
  let upper = settings.controlPercent;
  if (draw < upper) return { branch: null, draw };
  for (const branch of settings.branches) {
    upper += branch.percent;
    if (draw < upper) return { branch: branch.key, draw };
  }
  // Rounding can leave a sliver at the top: it belongs to the last branch that takes users (never a 0% one).
  return { branch: settings.branches.findLast((branch) => branch.percent > 0)?.key ?? null, draw };
}
