import type { AttributeType } from '../../attributes/attributeType';
import { parseDateValue } from '../../conditions/timeZones';
import { caseVariants } from './caseVariants';
import type { SqlParams } from './sqlParams';

/**
 * A value in SQL, in the forms comparisons need: as text, as a number, as a
 * timestamp, and (for JSON values) as jsonb. Unparseable numbers and dates
 * become NULL (tideflow_numeric / tideflow_timestamptz, see the segments
 * migration), so bad data never makes a query fail.
 */
export interface SqlValue {
  /** The value as text; NULL when missing or JSON null. */
  text: string;
  /** A JSON value (trait, event property): the jsonb, NULL when missing. Null for columns. */
  jsonb: string | null;
  type: AttributeType | undefined;
  /** A timestamptz column (firstSeenAt, lastSeenAt): compared as it is. */
  timestamp?: string;
}

/** A JSON value of `column` at a dotted path, found as `valueAtPath` finds it (conditions/valueAtPath.ts). */
export function jsonValueAt(column: string, dotted: string, type: AttributeType | undefined, params: SqlParams): SqlValue {
  const segments = dotted.split('.');
  if (segments.length === 1) {
    // One key: `->` / `->>` with the key as a text parameter. (A text[] path sent as text is cast for every
    // row and every use: the cast is not folded into a constant, and it made attribute scans ~25% slower.)
    const key = params.add(dotted, 'text');
    return { text: `(${column} ->> ${key})`, jsonb: `(${column} -> ${key})`, type };
  }
  // A key may itself contain dots ("utm.source" sent flat): the whole path as one key first, then
  // nested keys before dotted ones, as valueAtPath looks (up to 8 ways to read a long path).
  const ways = [[dotted], ...splits(segments)].slice(0, 8);
  const jsonb = `COALESCE(${ways.map((way) => `${column} #> ${params.path(way)}`).join(', ')})`;
  return { text: `(${jsonb} #>> '{}'::text[])`, jsonb: `(${jsonb})`, type };
}

/** Every way to group path segments into keys, shortest first key first: [a,b,c], [a,b.c], [a.b,c] (the whole key comes first, separately). */
function splits(segments: readonly string[]): string[][] {
  if (segments.length <= 1) return [[...segments]];
  const ways: string[][] = [];
  for (let end = 1; end < segments.length && ways.length < 8; end++) {
    for (const rest of splits(segments.slice(end))) ways.push([segments.slice(0, end).join('.'), ...rest]);
  }
  return ways;
}

export const numericOf = (value: SqlValue) => (value.jsonb ? `(CASE WHEN jsonb_typeof(${value.jsonb}) = 'number' THEN (${value.jsonb})::numeric ELSE tideflow_numeric(${value.text}) END)` : `tideflow_numeric(${value.text})`);
export const timestampOf = (value: SqlValue) => value.timestamp ?? `tideflow_timestamptz(${value.text})`;

/** A value the user typed: numbers compare as numbers, ISO dates as instants, the rest as case-insensitive text. */
export type Literal = string | number | boolean;

/** A date literal as an instant (an offset-less date-time is UTC, as in journeys), or null. */
export function instantOf(literal: string): Date | null {
  const ms = parseDateValue(literal);
  return ms === null ? null : new Date(ms);
}

/** A number written as text, read as journeys read it ("42", " 7 ", "1e3"; not "" or "abc"). */
function numberOfText(text: string): number | null {
  if (text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

export function kindOfLiteral(literal: Literal, type: AttributeType | undefined): 'number' | 'date' | 'boolean' | 'loose' {
  if (typeof literal === 'boolean' || type === 'BOOLEAN') return 'boolean';
  if (typeof literal === 'number') return 'number';
  if (type === 'NUMBER' && numberOfText(literal) !== null) return 'number';
  if ((type === 'DATE' || type === undefined) && instantOf(literal) !== null) return 'date';
  return 'loose';
}

/** `value = literal`: catalog types first; otherwise as journeys compare ("42" = 42, text case-insensitively). */
export function equalsSql(value: SqlValue, literal: Literal, params: SqlParams): string {
  switch (kindOfLiteral(literal, value.type)) {
    case 'number':
      return `${numericOf(value)} = ${params.add(Number(literal), 'numeric')}`;
    case 'boolean':
      return `lower(${value.text}) = ${params.add(String(literal).toLowerCase(), 'text')}`;
    case 'date':
      return `${timestampOf(value)} = ${params.add(instantOf(String(literal)), 'timestamptz')}`;
    case 'loose':
      return looselyInSql(value, [literal], params);
  }
}

/**
 * Ordered comparison as journeys order values: a number literal compares numerically, a
 * date literal as an instant, a numeric text literal numerically; anything else is not ordered.
 */
export function orderSql(value: SqlValue, operator: '>' | '>=' | '<' | '<=', literal: string | number, params: SqlParams): string {
  if (typeof literal === 'number') return `${numericOf(value)} ${operator} ${params.add(literal, 'numeric')}`;
  const instant = instantOf(literal);
  if (instant) return `${timestampOf(value)} ${operator} ${params.add(instant, 'timestamptz')}`;
  const number = numberOfText(literal);
  return number === null ? 'false' : `${numericOf(value)} ${operator} ${params.add(number, 'numeric')}`;
}

/**
 * `from <= value <= to`, ordered as `orderSql` orders. For a JSON value with bounds of one kind,
 * a range test: the value (a JSON read and a safe cast) is computed once per row instead of
 * twice. A range whose bounds are the wrong way round matches nothing (Postgres would refuse to
 * build it). Columns keep two comparisons, which an index can serve.
 */
export function betweenSql(value: SqlValue, from: string | number, to: string | number, params: SqlParams): string {
  const [low, high] = [boundOf(from), boundOf(to)];
  if (value.jsonb && low && high && low.kind === high.kind) {
    if (low.order > high.order) return nothingSql(value);
    if (low.kind === 'number') return `numrange(${params.add(low.order, 'numeric')}, ${params.add(high.order, 'numeric')}, '[]') @> ${numericOf(value)}`;
    return `tstzrange(${params.add(new Date(low.order), 'timestamptz')}, ${params.add(new Date(high.order), 'timestamptz')}, '[]') @> ${timestampOf(value)}`;
  }
  return `${orderSql(value, '>=', from, params)} AND ${orderSql(value, '<=', to, params)}`;
}

/** `from <= value <= to` for instants (withinLastDays): one range test, as in `betweenSql`. */
export function instantBetweenSql(value: SqlValue, from: Date, to: Date, params: SqlParams): string {
  if (!value.jsonb) return `${timestampOf(value)} >= ${params.add(from, 'timestamptz')} AND ${timestampOf(value)} <= ${params.add(to, 'timestamptz')}`;
  if (from.getTime() > to.getTime()) return nothingSql(value);
  return `tstzrange(${params.add(from, 'timestamptz')}, ${params.add(to, 'timestamptz')}, '[]') @> ${timestampOf(value)}`;
}

/** False, still naming the value: its parameters (a trait's key) are already added, and every parameter must appear. */
const nothingSql = (value: SqlValue) => `(false AND ${value.text} IS NOT NULL)`;

/** A bound as `orderSql` reads it: a number, a date (as epoch ms), a numeric text; null when not ordered. */
function boundOf(literal: string | number): { kind: 'number' | 'date'; order: number } | null {
  if (typeof literal === 'number') return { kind: 'number', order: literal };
  const instant = instantOf(literal);
  if (instant) return { kind: 'date', order: instant.getTime() };
  const number = numberOfText(literal);
  return number === null ? null : { kind: 'number', order: number };
}

/** Present: not null, not JSON null, not an empty string. */
export function presentSql(value: SqlValue): string {
  return value.jsonb ? `(${value.jsonb} IS NOT NULL AND ${value.jsonb} <> 'null'::jsonb AND ${value.text} <> '')` : `(${value.text} IS NOT NULL AND ${value.text} <> '')`;
}

/** Only text (and, for JSON, only strings) has substrings, prefixes and suffixes. */
export function textOnlySql(value: SqlValue, test: string): string {
  return value.jsonb ? `(jsonb_typeof(${value.jsonb}) = 'string' AND ${test})` : test;
}

/** Contains: text contains the literal (case-insensitively); a JSON list has an item equal to it. */
export function containsSql(value: SqlValue, literal: Literal, params: SqlParams): string {
  const inText = typeof literal === 'boolean' ? 'false' : textOnlySql(value, containsTextSql(value.text, String(literal), params));
  if (!value.jsonb) return inText;
  return `(CASE WHEN jsonb_typeof(${value.jsonb}) = 'array' THEN ${anyItemSql(value.jsonb, [literal], params)} ELSE ${inText} END)`;
}

/** In: equal to one of the literals; for a JSON list, one of its items is. */
export function inListSql(value: SqlValue, literals: ReadonlyArray<Literal>, params: SqlParams): string {
  if (!value.jsonb) return looselyInSql(value, literals, params);
  return looselyInSql(value, literals, params, anyItemSql(value.jsonb, literals, params));
}

/**
 * A JSON list has an item loosely equal to a literal: a function (segments SQL migration), not an
 * EXISTS over the items, because a correlated subquery keeps Postgres from scanning in parallel.
 */
function anyItemSql(jsonb: string, literals: ReadonlyArray<Literal>, params: SqlParams): string {
  const { numbers, texts, numericTexts } = literalKinds(literals);
  const list = (values: unknown[]) => params.add(values, 'jsonb');
  return `tideflow_any_item_loosely_in(${jsonb}, ${list(texts)}, ${list(numbers)}, ${list([...numbers, ...numericTexts])})`;
}

function literalKinds(literals: ReadonlyArray<Literal>) {
  const numbers = literals.filter((l): l is number => typeof l === 'number');
  const texts = literals.filter((l) => typeof l !== 'number').map(String);
  const numericTexts = texts.map(numberOfText).filter((n): n is number => n !== null);
  return { numbers, texts, numericTexts };
}

const isAscii = (text: string) => /^[\x00-\x7f]*$/.test(text);

/**
 * `text` in lower case as JavaScript's `toLowerCase` has it, as far as ASCII literals can tell:
 * the C collation's `lower` folds A-Z only, several times cheaper per row than the database
 * locale's, and two characters lower to ASCII in JavaScript: U+212A KELVIN SIGN to "k", and
 * U+0130 ("İ") to "i" plus a combining dot (which the locale's `lower` makes a bare "i"). Any
 * other non-ASCII character stays non-ASCII either way, so an ASCII literal is found in this
 * exactly when JavaScript finds it. `forSubstrings` false: equality only, where the dotted "i"
 * can never equal an ASCII literal, so one replacement is saved.
 */
function asciiLowerSql(text: string, forSubstrings: boolean): string {
  const kelvin = `replace(${text}, chr(8490), 'k')`;
  return `lower(${forSubstrings ? `replace(${kelvin}, chr(304), 'i' || chr(775))` : kelvin} COLLATE "C")`;
}

/** Every spelling of the (ASCII) literals that JavaScript lowers to one of them; null past `limit`. */
function spellingsOf(asciiLiterals: readonly string[], limit: number): string[] | null {
  const lowered = [...new Set(asciiLiterals.map((literal) => literal.toLowerCase()))];
  const spellings: string[] = [];
  for (const literal of lowered) {
    const variants = caseVariants(literal, limit - spellings.length);
    if (!variants) return null;
    spellings.push(...variants);
  }
  return spellings;
}

/**
 * `text` equals one of `texts` ignoring case, as journeys compare (`toLowerCase` on both sides).
 * ASCII literals (the common case: plans, country codes): the value as stored is looked up among
 * every spelling that lowers to a literal, a hashed constant array, as cheap per row as a
 * case-sensitive `IN`; past `params.spellingLimit` spellings, through `asciiLowerSql`. Other literals
 * with the database's `lower`.
 */
function lowerTextInSql(text: string, texts: readonly string[], params: SqlParams): string {
  // Every parameter added must appear in the text (Postgres cannot type an unused one).
  const asciiLiterals = texts.filter(isAscii);
  const ascii = [...new Set(asciiLiterals.map((literal) => literal.toLowerCase()))];
  const other = texts.filter((literal) => !isAscii(literal));
  const tests: string[] = [];
  const spellings = spellingsOf(asciiLiterals, params.spellingLimit);
  if (spellings?.length) tests.push(`${text} = ANY (${params.textArray(spellings)})`);
  else if (ascii.length) {
    // A list is an array computed once (an init plan): a sub-select compared per row costs a hash probe each time.
    tests.push(`${asciiLowerSql(text, false)} = ${ascii.length === 1 ? params.add(ascii[0], 'text') : `ANY (ARRAY(SELECT jsonb_array_elements_text(${params.add(ascii, 'jsonb')})))`}`);
  }
  if (other.length) {
    tests.push(`lower(${text}) = ${other.length === 1 ? `lower(${params.add(other[0], 'text')})` : `ANY (SELECT lower(item) FROM jsonb_array_elements_text(${params.add(other, 'jsonb')}) AS item)`}`);
  }
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

/** `text` contains `literal` ignoring case, as journeys compare. */
function containsTextSql(text: string, literal: string, params: SqlParams): string {
  if (isAscii(literal)) return `strpos(${asciiLowerSql(text, true)}, ${params.add(literal.toLowerCase(), 'text')}) > 0`;
  return `strpos(lower(${text}), lower(${params.add(literal, 'text')})) > 0`;
}

/**
 * Equal to one of the literals as journeys' `looselyEqual` compares: a number equals a number
 * literal or a numeric text literal ("42", "42.0"); a text or true/false value equals a text
 * literal case-insensitively, and text equals a number literal when it reads as that number.
 */
function looselyInSql(value: SqlValue, literals: ReadonlyArray<Literal>, params: SqlParams, whenList?: string): string {
  const { numbers, texts, numericTexts } = literalKinds(literals);
  const numberList = (list: number[]) => (list.length === 1 ? params.add(list[0], 'numeric') : `ANY (SELECT item::numeric FROM jsonb_array_elements_text(${params.add(list, 'jsonb')}) AS item)`);
  if (value.jsonb && !numbers.length && !numericTexts.length) {
    const spellings = texts.every((text) => isAscii(text) && !/^[[{]/.test(text)) ? spellingsOf(texts, params.spellingLimit) : null;
    if (spellings?.length) {
      // Text literals that no number, list or object reads as: the JSON value's text (`->>`) is a
      // spelling exactly when the value is such a string, or true/false and the literal "true" /
      // "false", so no type test is needed; only a text starting with "[" may be a list.
      const equal = `${value.text} = ANY (${params.textArray(spellings)})`;
      return whenList ? `(CASE WHEN ${equal} THEN true WHEN left(${value.text}, 1) = '[' THEN jsonb_typeof(${value.jsonb}) = 'array' AND ${whenList} ELSE false END)` : `(${equal})`;
    }
  }
  const textEquals = texts.length ? lowerTextInSql(value.text, texts, params) : 'false';
  const textAsNumber = numbers.length ? `tideflow_numeric(${value.text}) = ${numberList(numbers)}` : 'false';
  if (!value.jsonb) return `(${textEquals} OR ${textAsNumber})`;
  const numberEquals = numbers.length + numericTexts.length ? `(${value.jsonb})::numeric = ${numberList([...numbers, ...numericTexts])}` : 'false';
  // One jsonb_typeof for the list case too (`whenList`: what a JSON list is tested with).
  return `(CASE jsonb_typeof(${value.jsonb}) ${whenList ? `WHEN 'array' THEN ${whenList} ` : ''}WHEN 'number' THEN ${numberEquals} WHEN 'string' THEN (${textEquals} OR ${textAsNumber}) WHEN 'boolean' THEN ${textEquals} ELSE false END)`;
}
