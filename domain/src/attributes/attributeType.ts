import { parseIsoDateTime } from '../ingestion/segmentCall';

export type AttributeType = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'DATE' | 'ARRAY' | 'OBJECT';

/** The catalog type of a trait value; null says nothing about the type. */
export function inferAttributeType(value: unknown): AttributeType | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && parseIsoDateTime(value)) return 'DATE';
  return 'STRING';
}

/** "lifetime_value" → "Lifetime value", "planName" → "Plan name". */
export function humanizeName(name: string): string {
  const spaced = name
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : name;
}
