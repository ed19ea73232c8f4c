import { jsonByteLength, type JsonShapeLimits } from '../json/jsonShape';
import { quotedJsonByteLength } from '../json/jsonStringLength';
import { hasLoneSurrogate, unstorableTextMessages } from './storableText';

/** Something in one top-level field of a message that cannot be stored as it is. */
export interface FieldInspectionProblem {
  field: string;
  /** Dotted path below the field, e.g. `items.3.sku`. Empty for the field itself. */
  path: string;
  message: string;
}

export interface MessageInspection {
  /** At most one per field. */
  problems: FieldInspectionProblem[];
  /** UTF-8 size of the message serialised as JSON; only computed when there is no problem (else 0). */
  byteLength: number;
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
const isUnserialisable = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Plain data: what JSON.parse builds. Anything else (a Date, a class) is measured by JSON.stringify itself. */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

type Found = { path: string; message: string };

/** The walk of one field: the first shape problem stops it; the first unstorable text is kept. */
class FieldWalk {
  bytes = 0;
  /** Not plain JSON data somewhere (a Date, a bigint): JSON.stringify must measure the message. */
  exotic = false;
  shape: Found | null = null;
  text: Found | null = null;
  private readonly path: Array<string | number> = [];

  constructor(private readonly limits: JsonShapeLimits) {}

  private here(key?: string | number): string {
    return (key === undefined ? this.path : [...this.path, key]).join('.');
  }

  /**
   * Visits `value` at `depth`; false once a shape problem is found. Children are
   * visited last to first and an object's keys checked before any child: the
   * order of the stack-based walks this replaces, so the same problem is found
   * first. Recursion is safe: it stops at `maxDepth`.
   */
  visit(value: unknown, depth: number): boolean {
    if (typeof value === 'string') {
      const length = quotedJsonByteLength(value);
      this.bytes += length;
      // Only plain printable ASCII measures exactly length + 2: nothing more to look at.
      if (length === value.length + 2) return true;
      if (value.includes('\u0000')) {
        this.shape = { path: this.here(), message: unstorableTextMessages.nul };
        return false;
      }
      if (!this.text && hasLoneSurrogate(value)) this.text = { path: this.here(), message: unstorableTextMessages.loneSurrogate };
      return true;
    }
    if (typeof value === 'number') this.bytes += Number.isFinite(value) ? String(value).length : 4;
    else if (typeof value === 'boolean') this.bytes += value ? 4 : 5;
    else if (value === null) this.bytes += 4;
    else if (typeof value === 'object') return this.visitContainer(value, depth);
    else this.exotic = true; // a bigint: JSON.stringify decides (it throws, as before)
    return true;
  }

  private visitContainer(value: object, depth: number): boolean {
    if (depth >= this.limits.maxDepth) {
      this.shape = { path: this.here(), message: `is nested more than ${this.limits.maxDepth} levels deep` };
      return false;
    }
    if (!isPlainContainer(value)) this.exotic = true;
    if (Array.isArray(value)) {
      this.bytes += value.length ? value.length + 1 : 2;
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        if (isUnserialisable(item)) {
          this.bytes += 4;
          continue;
        }
        this.path.push(index);
        const ok = this.visit(item, depth + 1);
        this.path.pop();
        if (!ok) return false;
      }
      return true;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    let entries = 0;
    for (const key of keys) {
      if (key.includes('\u0000')) {
        this.shape = { path: this.here(), message: 'has a key containing the NUL character (\\u0000)' };
        return false;
      }
      if (key.length > this.limits.maxKeyLength) {
        this.shape = { path: this.here(key.slice(0, 40) + '…'), message: `has a key longer than ${this.limits.maxKeyLength} characters` };
        return false;
      }
      if (!this.text && hasLoneSurrogate(key)) this.text = { path: this.here(), message: `has a key that ${unstorableTextMessages.loneSurrogate}` };
      if (isUnserialisable(record[key])) continue;
      this.bytes += quotedJsonByteLength(key) + 1;
      entries++;
    }
    this.bytes += entries ? entries + 1 : 2;
    for (let i = keys.length - 1; i >= 0; i--) {
      const item = record[keys[i]!];
      if (isUnserialisable(item)) continue;
      this.path.push(keys[i]!);
      const ok = this.visit(item, depth + 1);
      this.path.pop();
      if (!ok) return false;
    }
    return true;
  }
}

/**
 * One pass over every field of a message, doing what used to take three walks:
 * nesting depth and key length (`findJsonShapeProblem`), text Postgres cannot
 * store (`findUnstorableText`) and the serialised size (`jsonByteLength`).
 * Reports the same problem for each field as they did: the first depth, key or
 * NUL problem, else the first unpaired surrogate. Never descends past `maxDepth`.
 */
export function inspectMessage(message: Record<string, unknown>, limits: JsonShapeLimits): MessageInspection {
  const problems: FieldInspectionProblem[] = [];
  let bytes = 2;
  let fields = 0;
  let exotic = typeof message.toJSON === 'function';
  for (const field of Object.keys(message)) {
    const value = message[field];
    if (isUnserialisable(value)) continue;
    const walk = new FieldWalk(limits);
    walk.visit(value, 0);
    const problem = walk.shape ?? walk.text;
    if (problem) problems.push({ field, ...problem });
    bytes += quotedJsonByteLength(field) + 1 + walk.bytes;
    exotic ||= walk.exotic;
    fields++;
  }
  bytes += fields > 1 ? fields - 1 : 0;
  if (problems.length) return { problems, byteLength: 0 };
  return { problems, byteLength: exotic ? jsonByteLength(message) : bytes };
}
