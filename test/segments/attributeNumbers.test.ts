import { all, attribute, openSegmentLab, type SegmentLab } from './segmentLab';

/**
 * Numeric and true/false operators on traits: numbers, numbers sent as text,
 * junk that is not a number (must not fail the query), JSON null, missing
 * traits; typed by the attribute catalog and untyped.
 */

let lab: SegmentLab;
const everyone = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'];
const except = (...ids: string[]) => everyone.filter((id) => !ids.includes(id)).sort();

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { age: 'NUMBER', score: 'NUMBER', vip: 'BOOLEAN' } });
  await lab.addUsers([
    { id: 'a1', traits: { age: 34, score: '19', vip: true, optin: 'TRUE' } },
    { id: 'a2', traits: { age: 19.5, score: ' 42 ', vip: false, optin: 'false' } },
    { id: 'a3', traits: { age: '21', score: '1e2', vip: 'true', optin: 'yes' } },
    { id: 'a4', traits: { age: 'abc', score: '', vip: 'FALSE', optin: 1 } },
    { id: 'a5', traits: { age: null, score: null, vip: null } },
    { id: 'a6', traits: { age: true, score: [5], vip: 'maybe' } },
    { id: 'a7', traits: { age: { years: 3 }, score: '12abc', vip: 0 } },
    { id: 'a8', traits: {} },
    { id: 'a9', traits: { age: -5, score: '-0.5', vip: 1 } },
    { id: 'a10', traits: { age: 0, score: '0' } },
  ]);
});
afterAll(() => lab?.close());

const on = (name: string, operator: string, rest: Record<string, unknown> = {}) => lab.members(all(attribute(name, operator, rest)));

describe('a number trait (age: NUMBER in the catalog)', () => {
  it('equals / notEquals: numbers and numbers sent as text; junk and missing values are not equal', async () => {
    expect(await on('age', 'equals', { value: 34 })).toEqual(['a1']);
    expect(await on('age', 'equals', { value: 19.5 })).toEqual(['a2']);
    expect(await on('age', 'equals', { value: 21 })).toEqual(['a3']);
    expect(await on('age', 'equals', { value: '21' })).toEqual(['a3']);
    expect(await on('age', 'equals', { value: '21.0' })).toEqual(['a3']);
    expect(await on('age', 'equals', { value: 0 })).toEqual(['a10']);
    expect(await on('age', 'notEquals', { value: 34 })).toEqual(except('a1'));
  });

  it('greaterThan / greaterOrEqual / lessThan / lessOrEqual at the boundary', async () => {
    expect(await on('age', 'greaterThan', { value: 21 })).toEqual(['a1']);
    expect(await on('age', 'greaterOrEqual', { value: 21 })).toEqual(['a1', 'a3']);
    expect(await on('age', 'greaterThan', { value: 20 })).toEqual(['a1', 'a3']);
    expect(await on('age', 'lessThan', { value: 0 })).toEqual(['a9']);
    expect(await on('age', 'lessOrEqual', { value: 0 })).toEqual(['a10', 'a9']);
    expect(await on('age', 'lessOrEqual', { value: 19.5 })).toEqual(['a10', 'a2', 'a9']);
    expect(await on('age', 'lessThan', { value: 19.5 })).toEqual(['a10', 'a9']);
  });

  it('between includes both ends', async () => {
    expect(await on('age', 'between', { from: 0, to: 21 })).toEqual(['a10', 'a2', 'a3']);
    expect(await on('age', 'between', { from: 19.5, to: 19.5 })).toEqual(['a2']);
    expect(await on('age', 'between', { from: 22, to: 21 })).toEqual([]);
  });

  it('in / notIn with numbers', async () => {
    expect(await on('age', 'in', { values: [34, 21] })).toEqual(['a1', 'a3']);
    expect(await on('age', 'in', { values: ['34', 'abc'] })).toEqual(['a1', 'a4']);
    expect(await on('age', 'notIn', { values: [34, 21] })).toEqual(except('a1', 'a3'));
  });

  it('exists counts junk, true and objects as values; JSON null and missing are absent', async () => {
    expect(await on('age', 'exists')).toEqual(except('a5', 'a8'));
    expect(await on('age', 'notExists')).toEqual(['a5', 'a8']);
  });

  it('a date compared with a number attribute matches nobody, and does not fail', async () => {
    expect(await on('age', 'greaterThan', { value: '2024-01-01' })).toEqual([]);
    expect(await on('age', 'lessThan', { value: '2024-01-01T00:00:00Z' })).toEqual([]);
  });
});

describe('a number trait sent as text (score: NUMBER in the catalog)', () => {
  it('reads " 42 ", "1e2", "-0.5" as numbers; "", "12abc" and a list are not numbers', async () => {
    expect(await on('score', 'greaterThan', { value: 20 })).toEqual(['a2', 'a3']);
    expect(await on('score', 'lessThan', { value: 0 })).toEqual(['a9']);
    expect(await on('score', 'equals', { value: 42 })).toEqual(['a2']);
    expect(await on('score', 'equals', { value: '100' })).toEqual(['a3']);
    expect(await on('score', 'between', { from: 0, to: 19 })).toEqual(['a1', 'a10']);
    expect(await on('score', 'greaterOrEqual', { value: -1e9 })).toEqual(['a1', 'a10', 'a2', 'a3', 'a9']);
    expect(await on('score', 'in', { values: [5] })).toEqual(['a6']);
    expect(await on('score', 'exists')).toEqual(['a1', 'a10', 'a2', 'a3', 'a6', 'a7', 'a9']);
  });
});

describe('true/false traits', () => {
  it('isTrue / isFalse (vip: BOOLEAN in the catalog) accept true/false and their text in any case, nothing else', async () => {
    expect(await on('vip', 'isTrue')).toEqual(['a1', 'a3']);
    expect(await on('vip', 'isFalse')).toEqual(['a2', 'a4']);
  });

  it('equals / notEquals true and false, and the text "TRUE"', async () => {
    expect(await on('vip', 'equals', { value: true })).toEqual(['a1', 'a3']);
    expect(await on('vip', 'equals', { value: false })).toEqual(['a2', 'a4']);
    expect(await on('vip', 'equals', { value: 'TRUE' })).toEqual(['a1', 'a3']);
    expect(await on('vip', 'notEquals', { value: true })).toEqual(except('a1', 'a3'));
    expect(await on('vip', 'exists')).toEqual(['a1', 'a2', 'a3', 'a4', 'a6', 'a7', 'a9']);
  });

  it('an untyped trait compares as journeys do: "TRUE" equals true, 1 does not', async () => {
    expect(await on('optin', 'equals', { value: true })).toEqual(['a1']);
    expect(await on('optin', 'isTrue')).toEqual(['a1']);
    expect(await on('optin', 'isFalse')).toEqual(['a2']);
    expect(await on('optin', 'equals', { value: 1 })).toEqual(['a4']);
    expect(await on('optin', 'equals', { value: '1' })).toEqual(['a4']);
    expect(await on('optin', 'greaterThan', { value: 0 })).toEqual(['a4']);
    expect(await on('optin', 'notEquals', { value: false })).toEqual(except('a2'));
  });
});

describe('the attribute catalog types a comparison', () => {
  it('without a catalog type, "21.0" is text that the text "21" does not equal (as in journeys); with NUMBER it is 21', async () => {
    const untyped = { traitTypes: new Map() };
    expect(await lab.members(all(attribute('age', 'equals', { value: '21.0' })), untyped)).toEqual([]);
    expect(await lab.members(all(attribute('age', 'equals', { value: '21' })), untyped)).toEqual(['a3']);
    expect(await lab.members(all(attribute('age', 'equals', { value: 21 })), untyped)).toEqual(['a3']);
    expect(await lab.members(all(attribute('age', 'greaterThan', { value: 20 })), untyped)).toEqual(['a1', 'a3']);
    expect(await on('age', 'equals', { value: '21.0' })).toEqual(['a3']);
  });
});
