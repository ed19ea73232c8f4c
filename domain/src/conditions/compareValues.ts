import type { JsonValue } from '../json/json';
import type { ComparisonOperator, ComparisonValue } from './comparison';
import { parseDateValue } from './timeZones';

// Comparing values, without zod: journeys run this inside Temporal's workflow sandbox, where each
// run evaluates its modules again (see journeyRuntime.ts). The schemas stay in comparison.ts.

/** A number written as text: "42", " 7 ", "1e3". Not "" or "  ", which Number() reads as 0. */
export function numericText(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Numbers, numeric strings and ISO dates compare by value; anything else is not ordered. */
function ordered(actual: JsonValue | undefined, expected: ComparisonValue): [number, number] | null {
  if (typeof expected === 'number') {
    const a = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
    return Number.isFinite(a) ? [a, expected] : null;
  }
  if (typeof expected === 'string') {
    const expectedNumber = numericText(expected);
    if (typeof actual === 'number') return expectedNumber === null ? null : [actual, expectedNumber];
    if (typeof actual === 'string') {
      // ISO dates (an offset-less date-time is UTC, so every worker reads it alike).
      const [actualDate, expectedDate] = [parseDateValue(actual), parseDateValue(expected)];
      if (actualDate !== null && expectedDate !== null) return [actualDate, expectedDate];
      const actualNumber = numericText(actual);
      return actualNumber !== null && expectedNumber !== null ? [actualNumber, expectedNumber] : null;
    }
  }
  return null;
}

function looselyEqual(actual: JsonValue | undefined, expected: JsonValue): boolean {
  if (actual === expected) return true;
  if (actual === undefined) return false;
  // Event properties arrive as sent: "42" and 42, "true" and true are the same to a marketer.
  if (typeof actual === 'number' && typeof expected === 'string') return expected.trim() !== '' && Number(expected) === actual;
  if (typeof actual === 'string' && typeof expected === 'number') return actual.trim() !== '' && Number(actual) === expected;
  if (typeof actual === 'boolean' && typeof expected === 'string') return String(actual) === expected.toLowerCase();
  if (typeof actual === 'string' && typeof expected === 'boolean') return actual.toLowerCase() === String(expected);
  if (typeof actual === 'string' && typeof expected === 'string') return actual.toLowerCase() === expected.toLowerCase();
  return false;
}

function contains(actual: JsonValue | undefined, expected: ComparisonValue): boolean {
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected as JsonValue));
  if (typeof actual === 'string' && (typeof expected === 'string' || typeof expected === 'number')) return actual.toLowerCase().includes(String(expected).toLowerCase());
  return false;
}

/** Compares one value; `actual` undefined means the attribute or property is missing. */
export function compare(actual: JsonValue | undefined, operator: ComparisonOperator, expected: ComparisonValue | undefined): boolean {
  const present = actual !== undefined && actual !== null && actual !== '';
  switch (operator) {
    case 'exists':
      return present;
    case 'notExists':
      return !present;
    case 'eq':
      return expected !== undefined && !Array.isArray(expected) && looselyEqual(actual, expected);
    case 'neq':
      return expected !== undefined && !Array.isArray(expected) && !looselyEqual(actual, expected);
    case 'in':
      return Array.isArray(expected) && expected.some((item) => (Array.isArray(actual) ? contains(actual, item) : looselyEqual(actual, item)));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((item) => (Array.isArray(actual) ? contains(actual, item) : looselyEqual(actual, item)));
    case 'contains':
      return expected !== undefined && contains(actual, expected);
    case 'notContains':
      return expected !== undefined && !contains(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (expected === undefined || Array.isArray(expected) || expected === null || typeof expected === 'boolean') return false;
      const pair = ordered(actual, expected);
      if (!pair) return false;
      const [a, e] = pair;
      return operator === 'gt' ? a > e : operator === 'gte' ? a >= e : operator === 'lt' ? a < e : a <= e;
    }
  }
}
