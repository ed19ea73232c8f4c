import { describeWindow, isSlidingWindow, SegmentWindow, windowBounds } from './segmentWindow';

const now = Date.parse('2026-03-10T12:00:00.000Z');

describe('windowBounds', () => {
  it('ever: open on both sides', () => {
    expect(windowBounds({ kind: 'ever' }, now)).toEqual({ from: null, to: null });
  });

  it.each([
    [7, 'days', '2026-03-03T12:00:00.000Z'],
    [1, 'days', '2026-03-09T12:00:00.000Z'],
    [36, 'hours', '2026-03-09T00:00:00.000Z'],
    [90, 'minutes', '2026-03-10T10:30:00.000Z'],
    [1, 'minutes', '2026-03-10T11:59:00.000Z'],
  ] as const)('the last %i %s starts at %s and has no end', (amount, unit, from) => {
    expect(windowBounds({ kind: 'last', amount, unit }, now)).toEqual({ from: new Date(from), to: null });
  });

  it('days are 24-hour days, also across a DST change (UTC instants)', () => {
    // Europe's clocks went forward on 2026-03-29; the window is still 7 × 24 h.
    expect(windowBounds({ kind: 'last', amount: 7, unit: 'days' }, Date.parse('2026-04-02T12:00:00Z')).from).toEqual(new Date('2026-03-26T12:00:00Z'));
  });

  it('between: its instants, whatever offsets they were written with', () => {
    expect(windowBounds({ kind: 'between', from: '2026-03-01T00:00:00+01:00', to: '2026-03-02T00:00:00Z' }, now)).toEqual({ from: new Date('2026-02-28T23:00:00Z'), to: new Date('2026-03-02T00:00:00Z') });
  });
});

describe('isSlidingWindow', () => {
  it('only "last" windows slide with time', () => {
    expect(isSlidingWindow({ kind: 'last', amount: 1, unit: 'days' })).toBe(true);
    expect(isSlidingWindow({ kind: 'ever' })).toBe(false);
    expect(isSlidingWindow({ kind: 'between', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' })).toBe(false);
  });
});

describe('describeWindow', () => {
  it.each([
    [{ kind: 'ever' }, 'ever'],
    [{ kind: 'last', amount: 1, unit: 'days' }, 'in the last 1 day'],
    [{ kind: 'last', amount: 7, unit: 'days' }, 'in the last 7 days'],
    [{ kind: 'last', amount: 1, unit: 'hours' }, 'in the last 1 hour'],
    [{ kind: 'last', amount: 30, unit: 'minutes' }, 'in the last 30 minutes'],
    [{ kind: 'between', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'between 2026-03-01T00:00:00Z and 2026-03-02T00:00:00Z'],
  ] as const)('%o → %s', (window, text) => {
    expect(describeWindow(window as SegmentWindow)).toBe(text);
  });
});

describe('SegmentWindow', () => {
  it('checks amounts, units and the order of between', () => {
    expect(SegmentWindow.safeParse({ kind: 'last', amount: 0, unit: 'days' }).success).toBe(false);
    expect(SegmentWindow.safeParse({ kind: 'last', amount: 1.5, unit: 'days' }).success).toBe(false);
    expect(SegmentWindow.safeParse({ kind: 'last', amount: 1, unit: 'weeks' }).success).toBe(false);
    expect(SegmentWindow.safeParse({ kind: 'between', from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }).success).toBe(false);
    expect(SegmentWindow.safeParse({ kind: 'between', from: '2026-03-01T01:00:00+02:00', to: '2026-03-01T00:00:00Z' }).success).toBe(true);
  });
});
