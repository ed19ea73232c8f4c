import { compare, type ComparisonOperator, type ComparisonValue, type JsonValue, parseDateValue, type PropertyFilter, valueAtPath } from '@tideflow/domain';
import { all, attribute, day, group, labNow, openSegmentLab, parseDefinition, type SegmentLab, type UserSpec } from './segmentLab';

/**
 * Property-based cross-check: many values through both the SQL compiler and the
 * journeys evaluator (conditions/comparison.ts `compare`), for user attributes
 * (a trait, a text column) and event property filters (flat, nested and dotted
 * keys). Every disagreement must be one of the documented deliberate ones:
 *  - equality with a date literal compares instants in segments ("2026-03-05" equals
 *    "2026-03-05T00:00:00Z"), text in journeys;
 *  - a property filter "eq null" / "neq null" means missing / present in segments (missing,
 *    JSON null or ""), only JSON null / anything else in journeys;
 *  - values the SQL safe casts read differently from JavaScript: numbers (Number() also
 *    reads "0x10", tideflow_numeric does not) and dates (parseDateValue also reads a
 *    lower-case "t"/"z", a "UTC" suffix, surrounding spaces; tideflow_timestamptz also
 *    reads "+02" and keeps microseconds).
 * A fixed seed (SEGMENT_CHECK_SEED to change it) keeps failures reproducible.
 */

const seed = Number(process.env.SEGMENT_CHECK_SEED ?? 20261125);
function random(seedValue: number) {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const some = <T>(items: readonly T[], max: number): T[] => Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(items));

const interesting: Array<JsonValue | undefined> = [
  undefined, null, '', ' ', 'abc', 'ABC', 'Pro', 'pro plan', "O'Neil", 'true', 'TRUE', 'false', 'null', '42abc', 'É', 'é',
  // KELVIN SIGN lowers to "k" in JavaScript; "İ" lowers to "i" plus a combining dot (not to "i").
  '\u212AIN', '\u0130N', 'İn', 'KIN',
  0, 1, -1, 42, 42.5, -0.5, 1000, 7,
  '42', ' 42 ', '42.0', '1e3', '-0.5', '+7', '.5', '5.', '0x10', 'Infinity', '1_000', '7',
  true, false,
  '2026-03-05T08:00:00Z', '2026-03-05', '2026-03-05T10:00:00+02:00', '2026-03-05 08:00:00', '2026-03-05t08:00:00z', '2026-03-05T08:00:00 UTC',
  '2026-02-30', '2026-03-05T08:00:00.123456Z', '2026-03-05T08:00:00+02', '2026-03-05T08:00', ' 2026-03-05', '2026-03-04T23:59:59.999Z',
  [], ['a', 'Pro'], [1, 42], ['42'], [true], [null], [[1]], ['2026-03-05'], ['ABC', 7], ['pro', 'x'],
  {}, { a: 1 }, { v: 'abc' },
  // Text that reads like JSON: segments look text up as `->>` gives it, where a list starts with "[".
  '[pro]', '["pro"]', '{}', '[',
];
const randomValue = (): JsonValue | undefined => {
  const r = rand();
  if (r < 0.3) return Math.floor(rand() * 60) - 5;
  if (r < 0.5) return String(Math.floor(rand() * 60) - 5);
  if (r < 0.7) return some(['a', 'A', 'b', 'B', '1', ' ', 'é'], 5).join('');
  if (r < 0.8) return new Date(labNow.getTime() - Math.floor(rand() * 20) * day).toISOString();
  return pick(interesting);
};
const values: Array<JsonValue | undefined> = [...interesting, ...Array.from({ length: 40 }, randomValue)];

const scalars: Array<string | number | boolean> = ['abc', 'ABC', 'pro', 'Pro', '', ' ', '42', '42.0', ' 42 ', 'true', 'TRUE', 'É', 'é', 'kin', 'in', 42, 0, -0.5, 1000, 1, 7, true, false, '2026-03-05T08:00:00Z', '2026-03-05', 'a', "o'n", '1e3', '0x10', '7', '[pro]', '["pro"]', '{}', 'PRO'];
const orderedLiterals: Array<string | number> = [0, 1, 7, 42, -1, 42.5, 1000, '2026-03-05', '2026-03-05T08:00:00Z', '2026-03-05T09:00:00+02:00', '2026-03-04T23:59:59.999Z'];
const numericTextLiterals = ['10', '42', ' 7 ', '1e3', '-0.5'];

const attributeOperatorOf: Record<ComparisonOperator, string> = {
  eq: 'equals', neq: 'notEquals', gt: 'greaterThan', gte: 'greaterOrEqual', lt: 'lessThan', lte: 'lessOrEqual',
  contains: 'contains', notContains: 'notContains', in: 'in', notIn: 'notIn', exists: 'exists', notExists: 'notExists',
};
const operators = Object.keys(attributeOperatorOf) as ComparisonOperator[];

/** A random comparison; attributes take the literals the segment language allows, property filters a little more. */
function randomComparison(forFilter: boolean): { operator: ComparisonOperator; value: ComparisonValue | undefined } {
  const operator = pick(operators);
  if (operator === 'exists' || operator === 'notExists') return { operator, value: undefined };
  if (operator === 'in' || operator === 'notIn') return { operator, value: some(scalars.filter((s) => forFilter || typeof s !== 'boolean'), 4) };
  if (['gt', 'gte', 'lt', 'lte'].includes(operator)) return { operator, value: pick(forFilter ? [...orderedLiterals, ...numericTextLiterals] : orderedLiterals) };
  return { operator, value: forFilter && rand() < 0.1 ? null : pick(scalars) };
}

// The SQL safe casts (prisma/migrations/*_segments), read the same way in JavaScript.
const sqlNumberPattern = /^\s*[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$/;
const sqlDatePattern = /^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?)?(Z|z|[+-](0\d|1[0-4])(:?[0-5]\d)?)?$/;
const jsNumber = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : null);
const sqlNumber = (text: string) => (sqlNumberPattern.test(text) ? Number(text) : null);
function sqlDate(text: string): number | null {
  if (!sqlDatePattern.test(text) || parseDateValue(text.slice(0, 10)) === null) return null;
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  const whole = parseDateValue(text.replace(/\.\d+/, '').replace(/([+-]\d{2})$/, '$1:00').replace(/z$/, 'Z'));
  return whole === null ? null : whole + Number(`0.${fraction || '0'}`) * 1000;
}
const castsDisagree = (text: string) => jsNumber(text) !== sqlNumber(text) || parseDateValue(text) !== sqlDate(text);
const strings = (value: JsonValue | undefined): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : []);

/** Why SQL and journeys may deliberately disagree on this comparison, or null. */
function deliberateDifference(actual: JsonValue | undefined, operator: ComparisonOperator, literal: ComparisonValue | undefined): string | null {
  if (strings(actual).some(castsDisagree)) return 'the safe casts read this text differently';
  if ((operator === 'eq' || operator === 'neq') && literal === null) return 'eq / neq null mean missing / present';
  const literals = Array.isArray(literal) ? literal : [literal];
  if ((operator === 'eq' || operator === 'neq') && typeof actual === 'string' && literals.some((l) => typeof l === 'string' && parseDateValue(l) !== null)) return 'equality with a date compares instants';
  return null;
}

let lab: SegmentLab;
const users: Array<{ id: string; value: JsonValue | undefined; country: string | null }> = values.map((value, i) => ({ id: `u${String(i).padStart(3, '0')}`, value, country: typeof value === 'string' ? value : null }));

beforeAll(async () => {
  lab = await openSegmentLab();
  const specs: UserSpec[] = users.map(({ id, value, country }) => {
    const properties = value === undefined ? {} : { v: value, nested: { v: value }, 'dotted.v': value };
    return { id, country, traits: value === undefined ? {} : { v: value }, events: [{ name: 'Probe', at: new Date(labNow.getTime() - day), properties }] };
  });
  await lab.addUsers(specs);
});
afterAll(() => lab?.close());

interface Outcome {
  checked: number;
  mismatches: string[];
  deliberate: Map<string, number>;
}

type Build = (comparison: { operator: ComparisonOperator; value: ComparisonValue | undefined }) => { definition: unknown; actual: (user: (typeof users)[number]) => JsonValue | undefined };

/** `runs` random comparisons: members by SQL vs `compare` on each user's value. */
async function crossCheck(runs: number, forFilter: boolean, build: Build): Promise<Outcome> {
  const outcome: Outcome = { checked: 0, mismatches: [], deliberate: new Map() };
  for (let run = 0; run < runs; run++) {
    const comparison = randomComparison(forFilter);
    const { definition, actual } = build(comparison);
    const parsed = parseDefinition(definition);
    const members = new Set(await lab.membersOnly(parsed));
    for (const user of users) {
      const value = actual(user);
      const journeys = compare(value, comparison.operator, comparison.value);
      outcome.checked++;
      if (journeys === members.has(user.id)) continue;
      const reason = deliberateDifference(value, comparison.operator, comparison.value);
      if (reason) outcome.deliberate.set(reason, (outcome.deliberate.get(reason) ?? 0) + 1);
      else outcome.mismatches.push(`${JSON.stringify(value)} ${comparison.operator} ${JSON.stringify(comparison.value)}: journeys ${journeys}, segment ${!journeys}`);
    }
    // The one-user and batched checks agree with the full computation (on a sample of users per comparison).
    const sample = [...new Set(Array.from({ length: 4 }, () => pick(users).id))];
    const expected = sample.filter((id) => members.has(id)).sort();
    expect(await lab.checkedMembers(parsed, sample)).toEqual(expected);
    expect(await lab.batchCheckedMembers(parsed, sample)).toEqual(expected);
  }
  return outcome;
}

const report = (outcome: Outcome) => ({ mismatches: [...new Set(outcome.mismatches)].slice(0, 30), seed });

it('user attributes (an untyped trait) mean what journeys mean', async () => {
  const outcome = await crossCheck(220, false, ({ operator, value }) => ({
    definition: all(attribute('v', attributeOperatorOf[operator], operator === 'in' || operator === 'notIn' ? { values: value } : { value })),
    actual: (user) => user.value,
  }));
  expect(report(outcome)).toEqual({ mismatches: [], seed });
  expect(outcome.checked).toBeGreaterThan(20_000);
});

it('a text column (country) means what journeys mean', async () => {
  const outcome = await crossCheck(80, false, ({ operator, value }) => ({
    definition: all(attribute('country', attributeOperatorOf[operator], operator === 'in' || operator === 'notIn' ? { values: value } : { value })),
    actual: (user) => user.country ?? undefined,
  }));
  expect(report(outcome)).toEqual({ mismatches: [], seed });
});

it('event property filters (flat, nested and dotted keys) mean what journeys mean', async () => {
  const outcome = await crossCheck(240, true, ({ operator, value }) => {
    const property = pick(['v', 'nested.v', 'dotted.v']);
    const filter: PropertyFilter = { property, operator, ...(value === undefined ? {} : { value }) };
    return {
      definition: all({ type: 'behaviour', event: { kind: 'event', name: 'Probe' }, filters: [filter] }),
      actual: (user) => valueAtPath(user.value === undefined ? {} : { v: user.value, nested: { v: user.value }, 'dotted.v': user.value }, property),
    };
  });
  expect(report(outcome)).toEqual({ mismatches: [], seed });
  expect(outcome.checked).toBeGreaterThan(20_000);
});

it('several trait conditions in one group (tested cheapest first, in a chain) mean the AND of each, and the negated group its complement', async () => {
  const comparisons = () => Array.from({ length: 3 }, () => {
    const { operator, value } = randomComparison(false);
    return attribute('v', attributeOperatorOf[operator], operator === 'in' || operator === 'notIn' ? { values: value } : { value });
  });
  const everyone = users.map((user) => user.id);
  for (let run = 0; run < 25; run++) {
    const conditions = [...comparisons(), attribute('country', 'exists')];
    const each = await Promise.all(conditions.map(async (condition) => new Set(await lab.membersOnly(parseDefinition(all(condition))))));
    const expected = everyone.filter((id) => each.every((members) => members.has(id))).sort();
    expect([...(await lab.membersOnly(parseDefinition(all(...conditions))))].sort()).toEqual(expected);
    const negated = parseDefinition({ root: group('all', conditions, true) });
    expect([...(await lab.membersOnly(negated))].sort()).toEqual(everyone.filter((id) => !expected.includes(id)).sort());
  }
});
