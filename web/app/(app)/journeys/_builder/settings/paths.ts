/** Reading and immutably writing nested values by dotted path (`filters.0.value`), as forms and problems name fields. */

type Json = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

export function getIn(root: unknown, path: string): unknown {
  if (!path) return root;
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (!isContainer(value)) return undefined;
    value = Array.isArray(value) ? value[Number(key)] : value[key];
  }
  return value;
}

/** A copy of `root` with `value` at `path` (`undefined` removes an object key); containers are created as needed. */
export function setIn<T>(root: T, path: string, value: unknown): T {
  if (!path) return value as T;
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const tail = rest.join('.');
  const index = /^\d+$/.test(head) ? Number(head) : null;
  if (Array.isArray(root) && index !== null) {
    const copy = [...root];
    copy[index] = setIn(copy[index], tail, value);
    return copy as T;
  }
  const object: Record<string, unknown> = isContainer(root) && !Array.isArray(root) ? { ...root } : {};
  const next = tail ? setIn(object[head] ?? (/^\d+$/.test(rest[0]!) ? [] : {}), tail, value) : value;
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object as T;
}
