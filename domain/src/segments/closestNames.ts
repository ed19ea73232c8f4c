/** Edit distance (Levenshtein), case-insensitive, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[y.length]!;
}

/** Up to `count` known names closest to `name` ("did you mean …"), nearest first. */
export function closestNames(name: string, known: Iterable<string>, count = 3): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of known) {
    const lowerName = name.toLowerCase();
    const lowerCandidate = candidate.toLowerCase();
    // A name contained in the other ("plan" in "planName") counts as close, unless the shorter
    // one is too short to mean anything ("ip" is in "shipping", "os" in "position").
    const contained = Math.min(lowerName.length, lowerCandidate.length) >= 3 && (lowerCandidate.includes(lowerName) || lowerName.includes(lowerCandidate));
    const distance = contained ? 1 : editDistance(name, candidate, limit);
    if (distance <= limit) scored.push([candidate, distance]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, count).map(([candidate]) => candidate);
}

export function unknownNameMessage(kind: string, name: string, known: Iterable<string>): string {
  const suggestions = closestNames(name, known);
  return `unknown ${kind} "${name}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`;
}
