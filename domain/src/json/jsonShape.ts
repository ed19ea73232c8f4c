import type { JsonValue } from './json';

export interface JsonShapeProblem {
  /** Dotted path below the checked value, e.g. `items.3.sku`. Empty for the value itself. */
  path: string;
  message: string;
}

export interface JsonShapeLimits {
  maxDepth: number;
  maxKeyLength: number;
}

/**
 * Postgres JSONB cannot store U+0000, and unbounded nesting makes every later
 * reader (segment SQL, templates) pay for it; reject both up front, naming where.
 * Returns the first problem found, or null.
 */
export function findJsonShapeProblem(value: unknown, limits: JsonShapeLimits): JsonShapeProblem | null {
  type Frame = { value: unknown; path: string[]; depth: number };
  const stack: Frame[] = [{ value, path: [], depth: 0 }];
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { path: path.join('.'), message: 'contains the NUL character (\\u0000), which cannot be stored' };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limits.maxDepth) return { path: path.join('.'), message: `is nested more than ${limits.maxDepth} levels deep` };
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, String(index)], depth: depth + 1 }));
      continue;
    }
    for (const [key, item] of Object.entries(current as Record<string, JsonValue>)) {
      if (key.includes('\u0000')) return { path: path.join('.'), message: 'has a key containing the NUL character (\\u0000)' };
      if (key.length > limits.maxKeyLength) return { path: [...path, key.slice(0, 40) + '…'].join('.'), message: `has a key longer than ${limits.maxKeyLength} characters` };
      stack.push({ value: item, path: [...path, key], depth: depth + 1 });
    }
  }
  return null;
}

/** UTF-8 size of a value once serialised as JSON. */
export function jsonByteLength(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
