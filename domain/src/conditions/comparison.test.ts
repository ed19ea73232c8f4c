import { ComparisonOperator, compare, comparisonValueProblem, describeComparison, formatValue } from './comparison';

describe('compare', () => {
  describe('eq / neq', () => {
    it.each([
      ['equal numbers', 42, 42, true],
      ['different numbers', 42, 43, false],
      ['number and numeric string', 42, '42', true],
      ['numeric string and number', '42', 42, true],
      ['number and "42.0"', 42, '42.0', true],
      ['strings, case-insensitive', 'Pro', 'pro', true],
      ['different strings', 'pro', 'free', false],
      ['boolean and "true"', true, 'true', true],
      ['"TRUE" and boolean', 'TRUE', true, true],
      ['"false" and true', 'false', true, false],
      ['booleans', false, false, true],
      ['1 and true are not equal', 1, true, false],
      ['null and null', null, null, true],
      ['empty string and 0 are not equal', '', 0, false],
      ['0 and empty string are not equal', 0, '', false],
      ['blank string and 0 are not equal', '  ', 0, false],
      ['missing and a value', undefined, 'free', false],
      ['missing and null', undefined, null, false],
      ['an array is not equal to one of its items', ['vip'], 'vip', false],
      ['an object is not equal to a string', { a: 1 }, '[object Object]', false],
    ] as const)('%s', (_name, actual, expected, equal) => {
      expect(compare(actual as never, 'eq', expected)).toBe(equal);
      expect(compare(actual as never, 'neq', expected)).toBe(!equal);
    });

    it('is false for both when the expected value is missing or a list', () => {
      expect(compare('a', 'eq', undefined)).toBe(false);
      expect(compare('a', 'neq', undefined)).toBe(false);
      expect(compare('a', 'eq', ['a'])).toBe(false);
      expect(compare('a', 'neq', ['a'])).toBe(false);
    });
  });

  describe('gt / gte / lt / lte', () => {
    const all = (actual: unknown, expected: unknown) =>
      (['gt', 'gte', 'lt', 'lte'] as const).map((op) => compare(actual as never, op, expected as never));

    it('orders numbers', () => {
      expect(all(5, 3)).toEqual([true, true, false, false]);
      expect(all(3, 3)).toEqual([false, true, false, true]);
      expect(all(2, 3)).toEqual([false, false, true, true]);
      expect(all(-1.5, -1)).toEqual([false, false, true, true]);
    });

    it('orders numeric strings against numbers, either way round', () => {
      expect(all('10', 9)).toEqual([true, true, false, false]);
      expect(all(10, '9')).toEqual([true, true, false, false]);
      // Numerically, not alphabetically: "10" > "9".
      expect(all('10', '9')).toEqual([true, true, false, false]);
      expect(all(' 7 ', 7)).toEqual([false, true, false, true]);
    });

    it('orders ISO dates and date-times', () => {
      expect(all('2024-03-01', '2024-02-29')).toEqual([true, true, false, false]);
      expect(all('2024-03-01T10:00:00Z', '2024-03-01')).toEqual([true, true, false, false]);
      expect(all('2024-03-01T10:00:00+02:00', '2024-03-01T09:00:00Z')).toEqual([false, false, true, true]);
      expect(all('2024-03-01T08:00:00.000Z', '2024-03-01T10:00:00+02:00')).toEqual([false, true, false, true]);
    });

    // Date.parse reads "2024-03-01T10:00:00" in the process's time zone; these hold under any TZ=….
    it('reads date-times without an offset as UTC', () => {
      expect(all('2024-03-01T10:00:00', '2024-03-01T10:00:00Z')).toEqual([false, true, false, true]);
      expect(all('2024-03-01 00:00', '2024-03-01')).toEqual([false, true, false, true]);
      expect(all('2024-03-01T05:00:00Z', '2024-03-01T10:00:00')).toEqual([false, false, true, true]);
    });

    it('does not roll impossible days over into the next month', () => {
      expect(all('2024-03-01', '2024-02-30')).toEqual([false, false, false, false]);
    });

    it('is false whenever a side is not ordered', () => {
      for (const [actual, expected] of [
        [undefined, 3],
        [null, 3],
        ['', 3],
        ['   ', 3],
        ['abc', 3],
        [true, 1],
        [[5], 3],
        [{ n: 5 }, 3],
        [5, true],
        [5, null],
        [5, [1, 2]],
        [5, undefined],
        [5, 'abc'],
        ['2024-03-01', 'abc'],
        ['abc', '2024-03-01'],
        [5, '2024-03-01'],
      ]) {
        expect(all(actual, expected)).toEqual([false, false, false, false]);
      }
    });

    it('does not take an empty or blank expected value for 0', () => {
      expect(all(5, '')).toEqual([false, false, false, false]);
      expect(all('5', ' ')).toEqual([false, false, false, false]);
    });
  });

  describe('contains / notContains', () => {
    it('finds a substring, case-insensitively', () => {
      expect(compare('/Pricing/Teams', 'contains', 'pricing')).toBe(true);
      expect(compare('/pricing', 'contains', 'blog')).toBe(false);
      expect(compare('order-42', 'contains', 42)).toBe(true);
      expect(compare('/pricing', 'notContains', 'blog')).toBe(true);
      expect(compare('/pricing', 'notContains', 'PRICING')).toBe(false);
    });

    it('finds an item in a list, loosely', () => {
      expect(compare(['vip', 'beta'], 'contains', 'VIP')).toBe(true);
      expect(compare([1, 2, 3], 'contains', '2')).toBe(true);
      expect(compare([true], 'contains', 'true')).toBe(true);
      // Items must equal: a list of strings does not "contain" a substring of one.
      expect(compare(['vip-gold'], 'contains', 'vip')).toBe(false);
      expect(compare(['vip'], 'notContains', 'beta')).toBe(true);
      expect(compare(['vip'], 'notContains', 'vip')).toBe(false);
    });

    it('treats a missing value or a non-text value as not containing anything', () => {
      expect(compare(undefined, 'contains', 'a')).toBe(false);
      expect(compare(undefined, 'notContains', 'a')).toBe(true);
      expect(compare(null, 'contains', 'a')).toBe(false);
      expect(compare(123, 'contains', '2')).toBe(false);
      expect(compare('true', 'contains', true)).toBe(false);
      expect(compare('a', 'contains', undefined)).toBe(false);
      expect(compare('a', 'notContains', undefined)).toBe(false);
    });
  });

  describe('in / notIn', () => {
    it('matches one of the listed values, loosely', () => {
      expect(compare('Pro', 'in', ['free', 'pro'])).toBe(true);
      expect(compare(2, 'in', ['1', '2'])).toBe(true);
      expect(compare('3', 'in', [1, 2, 3])).toBe(true);
      expect(compare(true, 'in', ['true'])).toBe(true);
      expect(compare('team', 'in', ['free', 'pro'])).toBe(false);
      expect(compare('team', 'notIn', ['free', 'pro'])).toBe(true);
      expect(compare('pro', 'notIn', ['free', 'pro'])).toBe(false);
    });

    it('matches a list when any item is listed', () => {
      expect(compare(['beta', 'vip'], 'in', ['vip', 'staff'])).toBe(true);
      expect(compare(['beta'], 'in', ['vip', 'staff'])).toBe(false);
      expect(compare(['beta'], 'notIn', ['vip', 'staff'])).toBe(true);
      expect(compare([], 'in', ['vip'])).toBe(false);
    });

    it('handles missing values and a value that is not a list', () => {
      expect(compare(undefined, 'in', ['a'])).toBe(false);
      expect(compare(undefined, 'notIn', ['a'])).toBe(true);
      expect(compare(null, 'in', ['a'])).toBe(false);
      expect(compare('a', 'in', 'a')).toBe(false);
      expect(compare('a', 'notIn', 'a')).toBe(false);
      expect(compare('a', 'in', undefined)).toBe(false);
    });
  });

  describe('exists / notExists', () => {
    it.each([
      ['a string', 'x', true],
      ['zero', 0, true],
      ['false', false, true],
      ['an empty list', [], true],
      ['an object', {}, true],
      ['missing', undefined, false],
      ['null', null, false],
      ['an empty string', '', false],
    ] as const)('%s', (_name, actual, exists) => {
      expect(compare(actual as never, 'exists', undefined)).toBe(exists);
      expect(compare(actual as never, 'notExists', undefined)).toBe(!exists);
      // The value is ignored.
      expect(compare(actual as never, 'exists', 'whatever')).toBe(exists);
    });
  });
});

describe('comparisonValueProblem', () => {
  it('needs no value for exists / notExists', () => {
    expect(comparisonValueProblem('exists', undefined)).toBeNull();
    expect(comparisonValueProblem('notExists', 'ignored')).toBeNull();
  });

  it.each(['eq', 'neq', 'contains', 'notContains', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn'] as const)('requires a value for %s', (operator) => {
    expect(comparisonValueProblem(operator, undefined)).toBe(`is required for operator "${operator}"`);
  });

  it.each(['in', 'notIn'] as const)('requires a non-empty list for %s', (operator) => {
    expect(comparisonValueProblem(operator, ['a', 1, true])).toBeNull();
    expect(comparisonValueProblem(operator, [])).toBe(`must be a non-empty list for operator "${operator}"`);
    expect(comparisonValueProblem(operator, 'a')).toBe(`must be a non-empty list for operator "${operator}"`);
  });

  it.each(['eq', 'neq', 'contains', 'notContains'] as const)('takes any single value for %s', (operator) => {
    for (const value of ['a', '', 0, true, null]) expect(comparisonValueProblem(operator, value)).toBeNull();
    expect(comparisonValueProblem(operator, ['a'])).toBe(`must be a single value for operator "${operator}" (use "in" for a list)`);
  });

  it.each(['gt', 'gte', 'lt', 'lte'] as const)('requires a number or a date for %s', (operator) => {
    for (const value of [3, -2.5, '3', '1e3', '2024-01-31', '2024-01-31T10:00:00Z', '2024-01-31 10:00', '2024-01-31T10:00:00+05:30']) {
      expect(comparisonValueProblem(operator, value)).toBeNull();
    }
    const message = `must be a number or a date for operator "${operator}"`;
    for (const value of ['abc', '', '  ', true, null, 'Infinity']) expect(comparisonValueProblem(operator, value)).toBe(message);
    expect(comparisonValueProblem(operator, [1])).toBe(`must be a single value for operator "${operator}" (use "in" for a list)`);
  });

  it('covers every operator', () => {
    expect(ComparisonOperator.options).toHaveLength(12);
  });
});

describe('describeComparison', () => {
  it.each([
    ['eq', 'free', 'plan = free'],
    ['neq', 'free', 'plan ≠ free'],
    ['gt', 100, 'plan > 100'],
    ['gte', 100, 'plan ≥ 100'],
    ['lt', '2024-01-01', 'plan < 2024-01-01'],
    ['lte', 1.5, 'plan ≤ 1.5'],
    ['contains', 'pro', 'plan contains pro'],
    ['notContains', 'pro', 'plan does not contain pro'],
    ['in', ['free', 'pro'], 'plan in ["free","pro"]'],
    ['notIn', [1, 2], 'plan not in [1,2]'],
    ['exists', undefined, 'plan exists'],
    ['notExists', 'ignored', 'plan does not exist'],
    ['eq', true, 'plan = true'],
    ['eq', null, 'plan = null'],
    ['eq', '', 'plan = ""'],
    ['eq', undefined, 'plan = (missing)'],
  ] as const)('%s %j', (operator, value, text) => {
    expect(describeComparison('plan', operator, value as never)).toBe(text);
  });

  it('formats values for reasons', () => {
    expect(formatValue('pro')).toBe('pro');
    expect(formatValue(3)).toBe('3');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(undefined)).toBe('(missing)');
  });
});
