import { z } from 'zod';
import type { JsonValue } from '../json/json';
import { numericText } from './compareValues';
import { parseDateValue } from './timeZones';

export { compare } from './compareValues';

/** Operators shared by event property filters and journey conditions. */
export const ComparisonOperator = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'notContains', 'in', 'notIn', 'exists', 'notExists']);
export type ComparisonOperator = z.infer<typeof ComparisonOperator>;

export const operatorsWithoutValue: ReadonlySet<ComparisonOperator> = new Set(['exists', 'notExists']);
export const operatorsWithListValue: ReadonlySet<ComparisonOperator> = new Set(['in', 'notIn']);

const operatorSymbols: Record<ComparisonOperator, string> = {
  eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: 'contains', notContains: 'does not contain', in: 'in', notIn: 'not in', exists: 'exists', notExists: 'does not exist',
};

export const ComparisonValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
export type ComparisonValue = z.infer<typeof ComparisonValue>;

/** Checks that an operator got the kind of value it needs; returns a message or null. */
export function comparisonValueProblem(operator: ComparisonOperator, value: ComparisonValue | undefined): string | null {
  if (operatorsWithoutValue.has(operator)) return null;
  if (value === undefined) return `is required for operator "${operator}"`;
  if (operatorsWithListValue.has(operator)) return Array.isArray(value) && value.length > 0 ? null : `must be a non-empty list for operator "${operator}"`;
  if (Array.isArray(value)) return `must be a single value for operator "${operator}" (use "in" for a list)`;
  if (['gt', 'gte', 'lt', 'lte'].includes(operator) && typeof value !== 'number' && (typeof value !== 'string' || !isComparableString(value))) {
    return `must be a number or a date for operator "${operator}"`;
  }
  return null;
}

function isComparableString(value: string): boolean {
  return parseDateValue(value) !== null || numericText(value) !== null;
}

export function formatValue(value: JsonValue | ComparisonValue | undefined): string {
  if (value === undefined) return '(missing)';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** "plan = free", "amount ≥ 100", "email exists". */
export function describeComparison(subject: string, operator: ComparisonOperator, value: ComparisonValue | undefined): string {
  return operatorsWithoutValue.has(operator) ? `${subject} ${operatorSymbols[operator]}` : `${subject} ${operatorSymbols[operator]} ${formatValue(value)}`;
}
