import { isJsonObject, type JsonValue } from '../json/json';

/**
 * The value at a dotted path ("cart.items.0.sku") in JSON, or undefined.
 * A key that itself contains dots ("utm.source" sent flat) is found too, at
 * any level and with more path after it (`{"utm.params": {"source": …}}`).
 */
export function valueAtPath(root: JsonValue | undefined, path: string): JsonValue | undefined {
  if (root === undefined) return undefined;
  if (isJsonObject(root) && Object.hasOwn(root, path)) return root[path];
  return resolve(root, path.split('.'), 0, new Map());
}

/**
 * Nested keys first, then keys with dots in them. `deadEnds` remembers where a
 * container led nowhere, so the search stays linear in the size of the JSON.
 */
function resolve(current: JsonValue, segments: readonly string[], from: number, deadEnds: Map<object, Set<number>>): JsonValue | undefined {
  if (from === segments.length) return current;
  if (current === null || typeof current !== 'object' || deadEnds.get(current)?.has(from)) return undefined;
  let found: JsonValue | undefined;
  if (Array.isArray(current)) {
    const segment = segments[from]!;
    const item = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    found = item === undefined ? undefined : resolve(item, segments, from + 1, deadEnds);
  } else {
    for (let end = from + 1; end <= segments.length && found === undefined; end++) {
      const key = segments.slice(from, end).join('.');
      if (Object.hasOwn(current, key)) found = resolve(current[key]!, segments, end, deadEnds);
    }
  }
  if (found === undefined) deadEnds.set(current, (deadEnds.get(current) ?? new Set()).add(from));
  return found;
}
