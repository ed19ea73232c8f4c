import { Duration, describeDuration, durationMs, formatMs } from './duration';

describe('Duration', () => {
  it('converts every unit to milliseconds', () => {
    expect(durationMs({ amount: 45, unit: 'seconds' })).toBe(45_000);
    expect(durationMs({ amount: 5, unit: 'minutes' })).toBe(300_000);
    expect(durationMs({ amount: 3, unit: 'hours' })).toBe(10_800_000);
    expect(durationMs({ amount: 1, unit: 'days' })).toBe(86_400_000);
    expect(durationMs({ amount: 2, unit: 'weeks' })).toBe(1_209_600_000);
  });

  it('caps a duration at ten years', () => {
    expect(Duration.safeParse({ amount: 3650, unit: 'days' }).success).toBe(true);
    expect(Duration.safeParse({ amount: 521, unit: 'weeks' }).success).toBe(true);
    for (const tooLong of [{ amount: 3651, unit: 'days' }, { amount: 522, unit: 'weeks' }, { amount: 87_601, unit: 'hours' }, { amount: 1e12, unit: 'seconds' }]) {
      const result = Duration.safeParse(tooLong);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['amount'], message: 'must be at most 10 years' })]);
    }
  });

  it('needs a whole, positive amount and a known unit', () => {
    const messages = (input: unknown) => Duration.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ amount: 0, unit: 'days' })).toEqual(['amount: must be greater than 0']);
    expect(messages({ amount: -1, unit: 'days' })).toEqual(['amount: must be greater than 0']);
    expect(messages({ amount: 1.5, unit: 'days' })).toEqual(['amount: must be a whole number']);
    expect(messages({ amount: 1, unit: 'months' })).toHaveLength(1);
    expect(messages({ amount: 1, unit: 'months' })![0]).toMatch(/^unit: /);
  });

  it('describes itself', () => {
    expect(describeDuration({ amount: 1, unit: 'days' })).toBe('1 day');
    expect(describeDuration({ amount: 3, unit: 'hours' })).toBe('3 hours');
    expect(describeDuration({ amount: 1, unit: 'weeks' })).toBe('1 week');
  });
});

describe('formatMs', () => {
  it.each([
    [0, '0ms'],
    [250, '250ms'],
    [999, '999ms'],
    [1000, '1s'],
    [1499, '1s'],
    [45_000, '45s'],
    [59_600, '1m'],
    [90_000, '1m 30s'],
    [3 * 3_600_000, '3h'],
    [3 * 3_600_000 + 59_000, '3h 59s'],
    [86_400_000, '1d'],
    [86_400_000 + 2 * 3_600_000 + 5 * 60_000, '1d 2h'],
    [3650 * 86_400_000, '3650d'],
  ])('%d → %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});
