import { type LocalDateTime, type WeekdayName, instantAt, isValidTimeZone, localDateTime, nextAllowedTime, parseDateValue } from './timeZones';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const local = (text: string): LocalDateTime => {
  const [date, time] = text.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute, second = 0] = time.split(':').map(Number) as [number, number, number?];
  return { year, month, day, hour, minute, second };
};
const weekdays: WeekdayName[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const everyDay: WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC, refuses anything else', () => {
    for (const zone of ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Asia/Kolkata', 'Pacific/Chatham']) expect(isValidTimeZone(zone)).toBe(true);
    for (const zone of ['', 'Mars/Olympus_Mons', 'America/Nowhere', 'not a zone']) expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('localDateTime', () => {
  it.each([
    ['UTC', '2024-01-01T00:00:00Z', '2024-01-01 00:00:00'],
    ['America/New_York', '2024-03-10T06:59:59Z', '2024-03-10 01:59:59'],
    ['America/New_York', '2024-03-10T07:00:00Z', '2024-03-10 03:00:00'],
    ['America/New_York', '2024-11-03T05:30:00Z', '2024-11-03 01:30:00'],
    ['America/New_York', '2024-11-03T06:30:00Z', '2024-11-03 01:30:00'],
    ['America/New_York', '2024-01-01T04:59:59Z', '2023-12-31 23:59:59'],
    ['Europe/Berlin', '2024-03-31T00:59:59Z', '2024-03-31 01:59:59'],
    ['Europe/Berlin', '2024-03-31T01:00:00Z', '2024-03-31 03:00:00'],
    ['Europe/Berlin', '2024-10-27T00:30:00Z', '2024-10-27 02:30:00'],
    ['Europe/Berlin', '2024-10-27T01:30:00Z', '2024-10-27 02:30:00'],
    ['Asia/Tehran', '2024-06-01T00:00:00Z', '2024-06-01 03:30:00'],
    ['Asia/Tehran', '2024-12-31T20:30:00Z', '2025-01-01 00:00:00'],
    ['Asia/Kolkata', '2024-01-01T20:00:00Z', '2024-01-02 01:30:00'],
    ['Asia/Kolkata', '2024-01-01T18:30:00Z', '2024-01-02 00:00:00'],
    ['Pacific/Chatham', '2024-01-01T00:00:00Z', '2024-01-01 13:45:00'],
    ['Pacific/Chatham', '2024-07-01T00:00:00Z', '2024-07-01 12:45:00'],
    ['Pacific/Chatham', '2024-09-28T14:00:00Z', '2024-09-29 03:45:00'],
  ])('%s at %s', (zone, instant, wall) => {
    expect(localDateTime(at(instant), zone)).toEqual(local(wall));
  });

  it('shows midnight as hour 0, not 24', () => {
    expect(localDateTime(at('2024-05-05T00:00:00Z'), 'UTC').hour).toBe(0);
    expect(localDateTime(at('2024-05-05T04:00:00Z'), 'America/New_York')).toEqual(local('2024-05-05 00:00:00'));
  });
});

describe('instantAt', () => {
  it.each([
    ['UTC', '2024-02-29 12:00', '2024-02-29T12:00:00.000Z'],
    ['America/New_York', '2024-03-10 01:30', '2024-03-10T06:30:00.000Z'],
    ['America/New_York', '2024-03-10 03:30', '2024-03-10T07:30:00.000Z'],
    ['America/New_York', '2024-11-03 02:30', '2024-11-03T07:30:00.000Z'],
    ['America/New_York', '2024-07-04 00:00', '2024-07-04T04:00:00.000Z'],
    ['Europe/Berlin', '2024-03-31 01:59', '2024-03-31T00:59:00.000Z'],
    ['Europe/Berlin', '2024-03-31 03:00', '2024-03-31T01:00:00.000Z'],
    ['Europe/Berlin', '2024-10-27 03:00', '2024-10-27T02:00:00.000Z'],
    ['Asia/Tehran', '2024-06-01 09:00', '2024-06-01T05:30:00.000Z'],
    ['Asia/Kolkata', '2024-01-02 01:30', '2024-01-01T20:00:00.000Z'],
    ['Pacific/Chatham', '2024-01-01 13:45', '2024-01-01T00:00:00.000Z'],
    ['Pacific/Chatham', '2024-07-01 10:00', '2024-06-30T21:15:00.000Z'],
  ])('%s %s', (zone, wall, instant) => {
    expect(iso(instantAt(local(wall), zone))).toBe(instant);
  });

  it.each([
    ['America/New_York', '2024-11-03 01:30', '2024-11-03T05:30:00.000Z'],
    ['Europe/Berlin', '2024-10-27 02:30', '2024-10-27T00:30:00.000Z'],
    ['Pacific/Chatham', '2024-04-07 03:00', '2024-04-06T13:15:00.000Z'],
  ])('takes the first of a repeated time (%s %s)', (zone, wall, instant) => {
    expect(iso(instantAt(local(wall), zone))).toBe(instant);
  });

  it.each([
    ['America/New_York', '2024-03-10 02:30', '2024-03-10T07:00:00.000Z'],
    ['America/New_York', '2024-03-10 02:00', '2024-03-10T07:00:00.000Z'],
    ['Europe/Berlin', '2024-03-31 02:15', '2024-03-31T01:00:00.000Z'],
    ['Pacific/Chatham', '2024-09-29 03:00', '2024-09-28T14:00:00.000Z'],
  ])('in a DST gap, gives the moment the clocks jump (%s %s)', (zone, wall, instant) => {
    const result = instantAt(local(wall), zone);
    expect(iso(result)).toBe(instant);
    // The moment just after the gap: one second earlier, the clocks still showed an earlier hour.
    expect(localDateTime(result - 1000, zone).hour).toBeLessThan(local(wall).hour);
  });

  it('round-trips every 97 minutes of a year in each zone', () => {
    const wrong: string[] = [];
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (let instant = at('2024-01-01T00:00:00Z'); instant < at('2025-01-01T00:00:00Z'); instant += 97 * 60_000) {
        const wall = localDateTime(instant, zone);
        const back = instantAt(wall, zone);
        // A repeated hour maps back to its first occurrence; everything else to itself.
        const ok = back === instant || (back < instant && JSON.stringify(localDateTime(back, zone)) === JSON.stringify(wall));
        if (!ok) wrong.push(`${zone} ${iso(instant)} → ${iso(back)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('nextAllowedTime', () => {
  const ny = 'America/New_York';

  it('later the same day', () => {
    // Monday 2024-06-03, 08:00 EDT.
    expect(iso(nextAllowedTime(at('2024-06-03T12:00:00Z'), '10:00', everyDay, ny))).toBe('2024-06-03T14:00:00.000Z');
  });

  it('the next day once the time has passed', () => {
    expect(iso(nextAllowedTime(at('2024-06-03T15:00:00Z'), '10:00', everyDay, ny))).toBe('2024-06-04T14:00:00.000Z');
  });

  it('skips weekdays that are not allowed', () => {
    // Friday 11:00 EDT → Monday.
    expect(iso(nextAllowedTime(at('2024-06-07T15:00:00Z'), '10:00', weekdays, ny))).toBe('2024-06-10T14:00:00.000Z');
    // Saturday morning, weekdays only → Monday.
    expect(iso(nextAllowedTime(at('2024-06-08T12:00:00Z'), '10:00', weekdays, ny))).toBe('2024-06-10T14:00:00.000Z');
    // Tuesday, Mondays only → a week less a day later.
    expect(iso(nextAllowedTime(at('2024-06-04T12:00:00Z'), '10:00', ['mon'], ny))).toBe('2024-06-10T14:00:00.000Z');
    // Monday after 10:00, Mondays only → next Monday.
    expect(iso(nextAllowedTime(at('2024-06-03T15:00:00Z'), '10:00', ['mon'], ny))).toBe('2024-06-10T14:00:00.000Z');
  });

  it('is strictly after: exactly at the time means the next allowed day', () => {
    expect(iso(nextAllowedTime(at('2024-06-03T14:00:00Z'), '10:00', everyDay, ny))).toBe('2024-06-04T14:00:00.000Z');
    expect(iso(nextAllowedTime(at('2024-06-03T14:00:00Z') - 1, '10:00', everyDay, ny))).toBe('2024-06-03T14:00:00.000Z');
  });

  it('uses the weekday in the user’s zone, not in UTC', () => {
    // Monday 22:00 UTC is already Tuesday 03:30 in Kolkata; weekdays only, 09:00 → Tuesday 09:00 IST.
    expect(iso(nextAllowedTime(at('2024-06-03T22:00:00Z'), '09:00', weekdays, 'Asia/Kolkata'))).toBe('2024-06-04T03:30:00.000Z');
    // Friday 23:00 UTC is Saturday in Chatham (+12:45): weekdays only → Monday.
    expect(iso(nextAllowedTime(at('2024-06-07T23:00:00Z'), '09:00', weekdays, 'Pacific/Chatham'))).toBe('2024-06-09T20:15:00.000Z');
    expect(iso(nextAllowedTime(at('2024-06-03T00:00:00Z'), '09:00', everyDay, 'Asia/Tehran'))).toBe('2024-06-03T05:30:00.000Z');
  });

  it('keeps the local time across DST changes', () => {
    // Saturday 11:00 EST → Sunday 10:00, now EDT.
    expect(iso(nextAllowedTime(at('2024-03-09T16:00:00Z'), '10:00', everyDay, ny))).toBe('2024-03-10T14:00:00.000Z');
    // Saturday 11:00 EDT → Sunday 10:00, now EST.
    expect(iso(nextAllowedTime(at('2024-11-02T15:00:00Z'), '10:00', everyDay, ny))).toBe('2024-11-03T15:00:00.000Z');
    expect(iso(nextAllowedTime(at('2024-03-30T12:00:00Z'), '09:00', everyDay, 'Europe/Berlin'))).toBe('2024-03-31T07:00:00.000Z');
  });

  it('a time inside the spring-forward gap happens when the clocks jump', () => {
    // 01:45 EST on the spring-forward night; 02:30 does not exist that night: 03:00 EDT.
    expect(iso(nextAllowedTime(at('2024-03-10T06:45:00Z'), '02:30', everyDay, ny))).toBe('2024-03-10T07:00:00.000Z');
    // The next day it exists again.
    expect(iso(nextAllowedTime(at('2024-03-10T07:00:00Z'), '02:30', everyDay, ny))).toBe('2024-03-11T06:30:00.000Z');
  });

  it('a time repeated on the fall-back night: the first one, or the second when the first has passed', () => {
    expect(iso(nextAllowedTime(at('2024-11-03T05:00:00Z'), '01:30', everyDay, ny))).toBe('2024-11-03T05:30:00.000Z');
    // 01:45 EDT: 01:30 comes again at 01:30 EST.
    expect(iso(nextAllowedTime(at('2024-11-03T05:45:00Z'), '01:30', everyDay, ny))).toBe('2024-11-03T06:30:00.000Z');
    expect(iso(nextAllowedTime(at('2024-11-03T06:30:00Z'), '01:30', everyDay, ny))).toBe('2024-11-04T06:30:00.000Z');
  });

  it('throws when no weekday is allowed', () => {
    expect(() => nextAllowedTime(0, '10:00', [], 'UTC')).toThrow('no allowed time in the next week (weekdays: none)');
  });
});

describe('parseDateValue', () => {
  it('reads ISO 8601 dates and date-times', () => {
    expect(parseDateValue('2024-03-01')).toBe(at('2024-03-01T00:00:00Z'));
    expect(parseDateValue('2024-03-01T10:20:30Z')).toBe(at('2024-03-01T10:20:30Z'));
    expect(parseDateValue('2024-03-01T10:20:30.250+05:30')).toBe(at('2024-03-01T04:50:30.250Z'));
    expect(parseDateValue('2024-03-01T10:20:30-0500')).toBe(at('2024-03-01T15:20:30Z'));
    expect(parseDateValue(' 2024-03-01T10:20Z ')).toBe(at('2024-03-01T10:20:00Z'));
    expect(parseDateValue('2024-03-01 10:20:30 UTC')).toBe(at('2024-03-01T10:20:30Z'));
  });

  it('reads a date-time without an offset as UTC, whatever the process time zone', () => {
    expect(parseDateValue('2024-03-01T10:20:30')).toBe(at('2024-03-01T10:20:30Z'));
    expect(parseDateValue('2024-03-01 10:20')).toBe(at('2024-03-01T10:20:00Z'));
  });

  it('reads epoch seconds and epoch milliseconds', () => {
    expect(parseDateValue(1_700_000_000)).toBe(1_700_000_000_000);
    expect(parseDateValue(1_700_000_000_000)).toBe(1_700_000_000_000);
    expect(parseDateValue(0)).toBe(0);
    expect(parseDateValue(1_700_000_000.5)).toBe(1_700_000_000_500);
  });

  it('is null for anything else', () => {
    for (const junk of ['', 'yesterday', '2024', '2024-3-1', '2024-13-01', '2024-02-30', '2023-02-29', '2024-03-01T25:00:00Z', '2024-03-01Tnope', '2024-03-01 garbage', 'Fri Mar 01 2024', NaN, Infinity, null, undefined, true, {}, ['2024-03-01']]) {
      expect(parseDateValue(junk)).toBeNull();
    }
    expect(parseDateValue('2024-02-29')).toBe(at('2024-02-29T00:00:00Z'));
  });
});
