import type { AttributeType } from '../../attributes/attributeType';
import type { SqlParams } from './sqlParams';

/**
 * A value in SQL, in the forms comparisons need: as text, as a number, as a
 * timestamp, and (for JSON values) as jsonb. Unparseable numbers and dates
 * become NULL (tideflow_numeric / tideflow_timestamptz, see the segments
 * migration), so bad data never makes a query fail.
 */
export interface SqlValue {
  text: string;
  jsonb: string | null;
  type: AttributeType | undefined;
}

export const numericOf = (value: SqlValue) => (value.type === 'NUMBER' && value.jsonb ? `(CASE WHEN jsonb_typeof(${value.jsonb}) = 'number' THEN (${value.jsonb})::numeric ELSE tideflow_numeric(${value.text}) END)` : `tideflow_numeric(${value.text})`);
export const timestampOf = (value: SqlValue) => (value.jsonb === null && value.type === 'DATE' ? value.text : `tideflow_timestamptz(${value.text})`);

/** A value the user typed: numbers compare as numbers, ISO dates as instants, the rest as case-insensitive text. */
export type Literal = string | number | boolean;

const isoDate = /^\d{4}-\d{2}-\d{2}/;

export function kindOfLiteral(literal: Literal, type: AttributeType | undefined): 'number' | 'date' | 'boolean' | 'text' {
  if (typeof literal === 'boolean' || type === 'BOOLEAN') return 'boolean';
  if (typeof literal === 'number') return 'number';
  if (type === 'NUMBER' && literal.trim() !== '' && Number.isFinite(Number(literal))) return 'number';
  if (type === 'DATE' || (isoDate.test(literal) && !Number.isNaN(Date.parse(literal)))) return type === 'DATE' || type === undefined ? 'date' : 'text';
  return 'text';
}

/** `value = literal`, loosely as journeys compare ("42" = 42, text case-insensitively). */
export function equalsSql(value: SqlValue, literal: Literal, params: SqlParams): string {
  switch (kindOfLiteral(literal, value.type)) {
    case 'number':
      return `${numericOf(value)} = ${params.add(Number(literal), 'numeric')}`;
    case 'boolean':
      return `lower(${value.text}) = ${params.add(String(literal).toLowerCase(), 'text')}`;
    case 'date':
      return `${timestampOf(value)} = ${params.add(new Date(String(literal)), 'timestamptz')}`;
    case 'text':
      return `lower(${value.text}) = lower(${params.add(String(literal), 'text')})`;
  }
}

/** Ordered comparison; a number literal compares numerically, a date literal as an instant. */
export function orderSql(value: SqlValue, operator: '>' | '>=' | '<' | '<=', literal: string | number, params: SqlParams): string {
  if (typeof literal === 'number' || (value.type === 'NUMBER' && Number.isFinite(Number(literal)))) return `${numericOf(value)} ${operator} ${params.add(Number(literal), 'numeric')}`;
  return `${timestampOf(value)} ${operator} ${params.add(new Date(literal), 'timestamptz')}`;
}

/** Present: not null, not JSON null, not an empty string. */
export function presentSql(value: SqlValue): string {
  return value.jsonb ? `(${value.jsonb} IS NOT NULL AND ${value.jsonb} <> 'null'::jsonb AND ${value.text} <> '')` : `(${value.text} IS NOT NULL AND ${value.text} <> '')`;
}

/** Text contains (case-insensitive); for a JSON array, one of its items equals the literal. */
export function containsSql(value: SqlValue, literal: Literal, params: SqlParams): string {
  const text = params.add(String(literal), 'text');
  const inText = `strpos(lower(${value.text}), lower(${text})) > 0`;
  if (!value.jsonb) return inText;
  return `(CASE WHEN jsonb_typeof(${value.jsonb}) = 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(${value.jsonb}) AS item WHERE lower(item) = lower(${text})) ELSE ${inText} END)`;
}

export function inListSql(value: SqlValue, literals: ReadonlyArray<string | number>, params: SqlParams): string {
  if (literals.every((l) => typeof l === 'number')) return `${numericOf(value)} IN (SELECT item::numeric FROM jsonb_array_elements_text(${params.add(literals, 'jsonb')}) AS item)`;
  const list = `(SELECT lower(item) FROM jsonb_array_elements_text(${params.add(literals.map(String), 'jsonb')}) AS item)`;
  if (!value.jsonb) return `lower(${value.text}) IN ${list}`;
  return `(CASE WHEN jsonb_typeof(${value.jsonb}) = 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(${value.jsonb}) AS item WHERE lower(item) IN ${list}) ELSE lower(${value.text}) IN ${list} END)`;
}
