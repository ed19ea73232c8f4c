/**
 * An unpaired UTF-16 surrogate: JSON can carry one (`"\ud800"`), but it is not
 * Unicode text; Postgres refuses it in JSONB and silently mangles it in text.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unstorableTextMessages = {
  nul: 'contains the NUL character (\\u0000), which cannot be stored',
  loneSurrogate: 'contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which is not valid Unicode and cannot be stored',
} as const;

export function hasLoneSurrogate(text: string): boolean {
  return loneSurrogate.test(text);
}

/** Why Postgres could not store `text` as it is (a NUL character or an unpaired surrogate), or null. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return unstorableTextMessages.nul;
  if (loneSurrogate.test(text)) return unstorableTextMessages.loneSurrogate;
  return null;
}

export interface UnstorableText {
  /** Dotted path below the checked value, e.g. `items.3.sku`. Empty for the value itself. */
  path: string;
  message: string;
}

/**
 * The first string or object key anywhere in a JSON value that Postgres could
 * not store, with where it is. Iterative, so no nesting can exhaust the stack.
 */
export function findUnstorableText(value: unknown): UnstorableText | null {
  type Frame = { value: unknown; key: string | null; parent: Frame | null };
  const pathOf = (frame: Frame | null): string => {
    const keys: string[] = [];
    for (let at = frame; at && at.key !== null; at = at.parent) keys.unshift(at.key);
    return keys.join('.');
  };
  const stack: Frame[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const frame = stack.pop()!;
    const current = frame.value;
    if (typeof current === 'string') {
      const problem = unstorableTextProblem(current);
      if (problem) return { path: pathOf(frame), message: problem };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, key: String(index), parent: frame }));
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const problem = unstorableTextProblem(key);
      if (problem) return { path: pathOf(frame), message: `has a key that ${problem}` };
      stack.push({ value: item, key, parent: frame });
    }
  }
  return null;
}
