import { chooseRandomBranch, stableBucket } from './randomSplit';

const keys = (count: number, prefix = 'user') => Array.from({ length: count }, (_, i) => `${prefix}-${i}|journey-1|3|split-a`);

describe('stableBucket', () => {
  it('is deterministic and in [0, 1)', () => {
    for (const key of ['', 'a', 'user-1|j|1|n', '🎉 ünïcödé', 'x'.repeat(10_000)]) {
      const bucket = stableBucket(key);
      expect(bucket).toBe(stableBucket(key));
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(1);
    }
  });

  it('pins known values, so a change of hash (which would move users between branches) is noticed', () => {
    expect([stableBucket(''), stableBucket('a'), stableBucket('user-1|journey-1|1|split')].map((b) => b.toFixed(8))).toEqual(['0.66892219', '0.10352622', '0.42525569']);
  });

  it('differs for keys that differ in one character', () => {
    expect(stableBucket('user-1|j|1|n')).not.toBe(stableBucket('user-2|j|1|n'));
    expect(stableBucket('user-1|j|1|n')).not.toBe(stableBucket('user-1|j|2|n'));
  });

  it('spreads 100k similar keys evenly over 10 buckets (each within ±2% of its share)', () => {
    const counts = new Array<number>(10).fill(0);
    for (const key of keys(100_000)) counts[Math.floor(stableBucket(key) * 10)]!++;
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(9_800);
      expect(count).toBeLessThanOrEqual(10_200);
    }
  });

  it('passes a chi-square test over 100 buckets', () => {
    const counts = new Array<number>(100).fill(0);
    for (const key of keys(100_000, 'u')) counts[Math.floor(stableBucket(key) * 100)]!++;
    const chiSquare = counts.reduce((sum, count) => sum + (count - 1000) ** 2 / 1000, 0);
    // 99 degrees of freedom: p = 0.001 at about 148.
    expect(chiSquare).toBeLessThan(148);
  });
});

describe('chooseRandomBranch', () => {
  const abTest = { branches: [{ key: 'a', percent: 45 }, { key: 'b', percent: 45 }], controlPercent: 10 };

  it('always gives the same user the same branch, with the draw behind it', () => {
    const first = chooseRandomBranch(abTest, 'user-7|j|1|n');
    expect(chooseRandomBranch(abTest, 'user-7|j|1|n')).toEqual(first);
    expect(first.draw).toBeCloseTo(stableBucket('user-7|j|1|n') * 100, 10);
  });

  it('puts the lowest draws in the control group, then the branches in order', () => {
    for (const key of keys(2_000)) {
      const { branch, draw } = chooseRandomBranch(abTest, key);
      expect(branch).toBe(draw < 10 ? null : draw < 55 ? 'a' : 'b');
    }
  });

  it('splits close to the percentages, control group included', () => {
    const settings = { branches: [{ key: 'a', percent: 50 }, { key: 'b', percent: 30 }, { key: 'c', percent: 0 }, { key: 'd', percent: 15 }], controlPercent: 5 };
    const counts = new Map<string | null, number>();
    for (const key of keys(50_000)) {
      const { branch } = chooseRandomBranch(settings, key);
      counts.set(branch, (counts.get(branch) ?? 0) + 1);
    }
    const share = (branch: string | null) => (counts.get(branch) ?? 0) / 50_000;
    expect(share('a')).toBeCloseTo(0.5, 1);
    expect(Math.abs(share('a') - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(share('b') - 0.3)).toBeLessThan(0.01);
    expect(Math.abs(share('d') - 0.15)).toBeLessThan(0.01);
    expect(Math.abs(share(null) - 0.05)).toBeLessThan(0.01);
    expect(counts.has('c')).toBe(false);
  });

  it('never chooses a 0% branch, not even for a draw above the listed percentages', () => {
    // 0% first, in the middle and last; the percentages fall short of 100 (as rounding might leave them).
    const settings = { branches: [{ key: 'zero-1', percent: 0 }, { key: 'a', percent: 60 }, { key: 'zero-2', percent: 0 }, { key: 'b', percent: 39.9 }, { key: 'zero-3', percent: 0 }], controlPercent: 0 };
    const chosen = new Set(keys(20_000).map((key) => chooseRandomBranch(settings, key).branch));
    expect([...chosen].sort()).toEqual(['a', 'b']);
  });

  it('sends everyone to the control group at 100% control', () => {
    const settings = { branches: [{ key: 'a', percent: 0 }], controlPercent: 100 };
    expect(new Set(keys(1_000).map((key) => chooseRandomBranch(settings, key).branch))).toEqual(new Set([null]));
  });

  it('sends everyone down a single 100% branch', () => {
    const settings = { branches: [{ key: 'only', percent: 100 }], controlPercent: 0 };
    expect(new Set(keys(1_000).map((key) => chooseRandomBranch(settings, key).branch))).toEqual(new Set(['only']));
  });
});
