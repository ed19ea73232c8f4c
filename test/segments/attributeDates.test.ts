import { ago, all, attribute, day, labNow, openSegmentLab, second, type SegmentLab } from './segmentLab';

/**
 * Date operators on the system columns (lastSeenAt, firstSeenAt) and on date
 * traits (typed DATE in the catalog, and the same values untyped): boundaries
 * to the millisecond, offsets, offset-less dates (UTC), junk that is not a date.
 * An offset-less date means UTC in the compiler as in the database (that the compiler
 * does not depend on the process time zone is checked in sql/compileSegment.test.ts).
 */

let lab: SegmentLab;
const at = (iso: string) => new Date(iso);
const weekAgo = ago(7 * day);

beforeAll(async () => {
  lab = await openSegmentLab({ traitTypes: { signup: 'DATE', birthday: 'DATE' } });
  const signups: Record<string, unknown> = {
    d1: '2026-03-05T08:00:00Z',
    d2: '2026-03-05T10:00:00+02:00',
    d3: '2026-03-05 08:00:00',
    d4: '2026-02-30',
    d5: 1_772_700_000,
    d6: '',
    d7: null,
    d8: '2026-03-09T25:00:00Z',
    d9: '2026-03-09T12:00:00.123456Z',
    d10: '2026-03-10T13:00:00Z',
  };
  const lastSeen: Record<string, Date> = { d1: new Date(weekAgo.getTime() + second), d2: new Date(weekAgo.getTime() - second), d3: weekAgo, d4: labNow, d5: ago(400 * day) };
  const firstSeen: Record<string, Date> = { d1: at('2025-01-01T00:00:00Z'), d2: at('2026-03-01T00:00:00Z'), d3: at('2026-02-28T23:59:59.999Z') };
  const birthdays: Record<string, unknown> = { d1: '1990-05-17', d2: '1990-05-17T00:00:00', d3: '1990-05-17T00:00:00-01:00', d4: 'yesterday' };
  await lab.addUsers(
    Object.entries(signups).map(([id, signup]) => ({
      id,
      lastSeenAt: lastSeen[id] ?? ago(30 * day),
      firstSeenAt: firstSeen[id] ?? at('2026-03-05T00:00:00Z'),
      traits: { signup, joined: signup, ...(id in birthdays ? { birthday: birthdays[id] } : {}) },
    })),
  );
});
afterAll(() => lab?.close());

const on = (name: string, operator: string, rest: Record<string, unknown> = {}) => lab.members(all(attribute(name, operator, rest)));
const everyone = ['d1', 'd10', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'];
const except = (...ids: string[]) => everyone.filter((id) => !ids.includes(id));

describe('lastSeenAt (a timestamp column)', () => {
  it('withinLastDays 7: one second inside and exactly at the start are in, one second outside is out', async () => {
    expect(await on('lastSeenAt', 'withinLastDays', { days: 7 })).toEqual(['d1', 'd3', 'd4']);
  });

  it('moreThanDaysAgo 7 is its complement among past dates (the start itself is not "more than")', async () => {
    expect(await on('lastSeenAt', 'moreThanDaysAgo', { days: 7 })).toEqual(except('d1', 'd3', 'd4'));
  });

  it('before / after an instant are strict; the instant itself is neither', async () => {
    const instant = weekAgo.toISOString();
    expect(await on('lastSeenAt', 'before', { value: instant })).toEqual(except('d1', 'd3', 'd4'));
    expect(await on('lastSeenAt', 'after', { value: instant })).toEqual(['d1', 'd4']);
    expect(await on('lastSeenAt', 'after', { value: '2026-03-03T14:00:00+02:00' })).toEqual(['d1', 'd4']);
  });

  it('greater / less (or equal) and between (inclusive) with dates', async () => {
    const instant = weekAgo.toISOString();
    expect(await on('lastSeenAt', 'greaterThan', { value: instant })).toEqual(['d1', 'd4']);
    expect(await on('lastSeenAt', 'greaterOrEqual', { value: instant })).toEqual(['d1', 'd3', 'd4']);
    expect(await on('lastSeenAt', 'lessThan', { value: instant })).toEqual(except('d1', 'd3', 'd4'));
    expect(await on('lastSeenAt', 'lessOrEqual', { value: instant })).toEqual(except('d1', 'd4'));
    expect(await on('lastSeenAt', 'between', { from: instant, to: labNow.toISOString() })).toEqual(['d1', 'd3', 'd4']);
  });

  it('equals an instant however it is written; text that is not a date matches nobody', async () => {
    expect(await on('lastSeenAt', 'equals', { value: '2026-03-03T12:00:00.000Z' })).toEqual(['d3']);
    expect(await on('lastSeenAt', 'equals', { value: '2026-03-03T14:00:00+02:00' })).toEqual(['d3']);
    expect(await on('lastSeenAt', 'equals', { value: '2026-03-03T12:00:00' })).toEqual(['d3']);
    expect(await on('lastSeenAt', 'equals', { value: 'last week' })).toEqual([]);
    expect(await on('lastSeenAt', 'notEquals', { value: '2026-03-03T12:00:00Z' })).toEqual(except('d3'));
    expect(await on('lastSeenAt', 'exists')).toEqual(everyone);
  });
});

describe('firstSeenAt', () => {
  it('before / after a date (a date alone is midnight UTC), to the millisecond', async () => {
    expect(await on('firstSeenAt', 'before', { value: '2026-03-01' })).toEqual(['d1', 'd3']);
    expect(await on('firstSeenAt', 'after', { value: '2026-02-28T23:59:59.999Z' })).toEqual(except('d1', 'd3'));
    // 10 days before now is 2026-02-28T12:00Z; 9 days, 2026-03-01T12:00Z.
    expect(await on('firstSeenAt', 'withinLastDays', { days: 9 })).toEqual(except('d1', 'd2', 'd3'));
    expect(await on('firstSeenAt', 'withinLastDays', { days: 10 })).toEqual(except('d1'));
  });
});

describe.each(['signup', 'joined'])('a date trait (%s: typed DATE / untyped)', (trait) => {
  it('equals one instant written with Z, with an offset, and without an offset (UTC)', async () => {
    expect(await on(trait, 'equals', { value: '2026-03-05T08:00:00Z' })).toEqual(['d1', 'd2', 'd3']);
    expect(await on(trait, 'equals', { value: '2026-03-05T08:00:00' })).toEqual(['d1', 'd2', 'd3']);
  });

  it('before / after to the sub-millisecond; junk and numbers are not dates', async () => {
    expect(await on(trait, 'before', { value: '2026-03-09T12:00:00.5Z' })).toEqual(['d1', 'd2', 'd3', 'd9']);
    expect(await on(trait, 'after', { value: '2026-03-09T12:00:00.123Z' })).toEqual(['d10', 'd9']);
    expect(await on(trait, 'greaterThan', { value: '2026-03-05' })).toEqual(['d1', 'd10', 'd2', 'd3', 'd9']);
    expect(await on(trait, 'between', { from: '2026-03-05T08:00:00Z', to: '2026-03-09' })).toEqual(['d1', 'd2', 'd3']);
  });

  it('withinLastDays excludes the future; moreThanDaysAgo 0 is any time before now', async () => {
    expect(await on(trait, 'withinLastDays', { days: 7 })).toEqual(['d1', 'd2', 'd3', 'd9']);
    expect(await on(trait, 'withinLastDays', { days: 0 })).toEqual([]);
    expect(await on(trait, 'moreThanDaysAgo', { days: 3 })).toEqual(['d1', 'd2', 'd3']);
    expect(await on(trait, 'moreThanDaysAgo', { days: 0 })).toEqual(['d1', 'd2', 'd3', 'd9']);
  });

  it('exists counts junk as a value; notExists is empty text, null and missing', async () => {
    expect(await on(trait, 'exists')).toEqual(except('d6', 'd7'));
    expect(await on(trait, 'notExists')).toEqual(['d6', 'd7']);
  });

  it('text that is not a date compares as text and does not fail', async () => {
    expect(await on(trait, 'equals', { value: '2026-02-30' })).toEqual(['d4']);
    expect(await on(trait, 'equals', { value: 'hello' })).toEqual([]);
  });
});

describe('date-only and offset-less birthdays', () => {
  it('"1990-05-17" and "1990-05-17T00:00:00" are the same instant (UTC); -01:00 is an hour later', async () => {
    expect(await on('birthday', 'equals', { value: '1990-05-17' })).toEqual(['d1', 'd2']);
    expect(await on('birthday', 'before', { value: '1990-05-17T00:00:01Z' })).toEqual(['d1', 'd2']);
    expect(await on('birthday', 'after', { value: '1990-05-17T00:30:00Z' })).toEqual(['d3']);
    expect(await on('birthday', 'exists')).toEqual(['d1', 'd2', 'd3', 'd4']);
  });
});
