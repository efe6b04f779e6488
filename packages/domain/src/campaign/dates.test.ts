import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween, isPastDeadline, shanghaiDate, startOfShanghaiDay } from './dates';

describe('shanghaiDate', () => {
  it.each([
    ['2020-03-13T15:59:59Z', '2020-03-13'],
    ['2020-03-13T15:59:59.999Z', '2020-03-13'],
    ['2020-03-13T16:00:00Z', '2020-03-14'],
    ['2020-03-13T00:00:00Z', '2020-03-13'],
    ['2020-03-12T16:00:00Z', '2020-03-13'],
    ['2020-03-12T15:59:59.999Z', '2020-03-12'],
    ['2019-12-31T16:00:00Z', '2020-01-01'], // New Year in Beijing, still 2019 in UTC
    ['2020-02-28T16:00:00Z', '2020-02-29'],
    ['2020-02-29T16:00:00Z', '2020-03-01'],
    ['2020-03-13T08:00:00+08:00', '2020-03-13'],
    ['2020-03-13T23:59:59+08:00', '2020-03-13'],
    ['2020-03-13T10:00:00-05:00', '2020-03-13'],
    ['2020-03-13T11:00:00-05:00', '2020-03-14'],
  ])('%s → %s', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });
});

describe('startOfShanghaiDay', () => {
  it.each([
    ['2020-03-13', '2020-03-12T16:00:00.000Z'],
    ['2020-01-01', '2019-12-31T16:00:00.000Z'],
    ['2020-03-01', '2020-02-29T16:00:00.000Z'],
    ['2021-03-01', '2021-02-28T16:00:00.000Z'],
  ])('%s begins at %s', (date, instant) => {
    expect(startOfShanghaiDay(date).toISOString()).toBe(instant);
  });

  it('is the first instant whose Shanghai date is that date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 30_000 }), (n) => {
        const date = addDays('2020-01-01', n);
        const start = startOfShanghaiDay(date);
        expect(shanghaiDate(start)).toBe(date);
        expect(shanghaiDate(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
      }),
    );
  });
});

describe('isPastDeadline', () => {
  it.each([
    ['2020-03-13', '2020-03-12T16:00:00Z', false], // start of the deadline day
    ['2020-03-13', '2020-03-13T00:00:00Z', false],
    ['2020-03-13', '2020-03-13T15:59:59Z', false], // 23:59:59 in Beijing
    ['2020-03-13', '2020-03-13T15:59:59.999Z', false],
    ['2020-03-13', '2020-03-13T16:00:00Z', true], // 00:00 on 03-14 in Beijing
    ['2020-03-13', '2020-03-14T12:00:00Z', true],
    ['2020-03-13', '2020-03-10T02:00:00Z', false],
    ['2020-03-13', '2021-01-01T00:00:00Z', true],
    ['2020-02-29', '2020-02-29T15:59:59Z', false],
    ['2020-02-29', '2020-02-29T16:00:00Z', true],
  ])('deadline %s at %s → %s', (deadline, now, past) => {
    expect(isPastDeadline(deadline, new Date(now))).toBe(past);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2020-03-10', '2020-03-13', 3],
    ['2020-03-13', '2020-03-10', -3],
    ['2020-03-13', '2020-03-13', 0],
    ['2020-02-28', '2020-03-01', 2], // leap year
    ['2019-02-28', '2019-03-01', 1],
    ['2019-12-31', '2020-01-01', 1],
    ['2020-01-01', '2021-01-01', 366],
    ['2021-01-01', '2022-01-01', 365],
    ['2020-03-01', '2020-03-31', 30],
    ['2020-03-28', '2020-04-02', 5], // across the European DST change
    ['2020-03-07', '2020-03-09', 2], // across the US DST change
    ['1900-01-01', '2000-01-01', 36_524],
  ])('%s → %s = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('addDays', () => {
  it.each([
    ['2020-03-10', 3, '2020-03-13'],
    ['2020-03-13', -3, '2020-03-10'],
    ['2020-03-13', 0, '2020-03-13'],
    ['2020-01-31', 1, '2020-02-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2020-02-29', 1, '2020-03-01'],
    ['2019-02-28', 1, '2019-03-01'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2021-01-01', -1, '2020-12-31'],
    ['2020-03-16', 15, '2020-03-31'],
    ['2020-03-18', 15, '2020-04-02'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not a leap year
    ['2000-02-28', 1, '2000-02-29'], // 2000 is
  ])('%s %+i days → %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it('is undone by daysBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -3000, max: 3000 }), (start, n) => {
        const from = addDays('2000-01-01', start);
        const to = addDays(from, n);
        expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(daysBetween(from, to)).toBe(n);
        expect(addDays(to, -n)).toBe(from);
      }),
    );
  });
});

describe('independence from the server time zone', () => {
  it.each(['America/New_York', 'Europe/London', 'Asia/Shanghai', 'Pacific/Kiritimati', 'UTC'])(
    'gives the same answers with TZ=%s',
    (tz) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        expect(shanghaiDate(new Date('2020-03-08T07:30:00Z'))).toBe('2020-03-08');
        expect(shanghaiDate(new Date('2020-03-08T16:00:00Z'))).toBe('2020-03-09');
        expect(startOfShanghaiDay('2020-03-29').toISOString()).toBe('2020-03-28T16:00:00.000Z');
        expect(addDays('2020-03-07', 2)).toBe('2020-03-09');
        expect(addDays('2020-10-31', 2)).toBe('2020-11-02');
        expect(daysBetween('2020-03-07', '2020-03-09')).toBe(2);
        expect(isPastDeadline('2020-03-08', new Date('2020-03-08T15:59:59Z'))).toBe(false);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );
});

describe('ageOn', () => {
  it.each([
    ['1975-03-10', '2020-03-10', 45], // the birthday itself counts
    ['1975-03-10', '2020-03-09', 44], // the day before
    ['1975-03-10', '2020-03-11', 45],
    ['1975-03-11', '2020-03-10', 44],
    ['1975-03-09', '2020-03-10', 45],
    ['1975-12-31', '2020-01-01', 44],
    ['1975-01-01', '2020-12-31', 45],
    ['1975-01-01', '2020-01-01', 45],
    ['1974-12-31', '2019-12-31', 45],
    ['2020-03-10', '2020-03-10', 0],
    ['2019-03-11', '2020-03-10', 0],
    ['2019-03-10', '2020-03-10', 1],
    // 29 February births: in a common year the birthday is reached on 1 March
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-28', 3],
    ['2000-02-29', '2004-02-29', 4],
    ['1972-02-29', '2017-02-28', 44],
    ['1972-02-29', '2017-03-01', 45],
    ['1972-02-29', '2020-02-29', 48],
    // born 28 February, reference date 29 February
    ['1975-02-28', '2020-02-28', 45],
    ['1975-02-28', '2020-02-29', 45],
    ['1975-03-01', '2020-02-29', 44],
  ])('born %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('is n on the n-th anniversary and n-1 the day before (births not on 29 February)', () => {
    const birth = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
      .filter((d) => !d.endsWith('-02-29'));
    fc.assert(
      fc.property(birth, fc.integer({ min: 1, max: 110 }), (b, n) => {
        const anniversary = `${Number(b.slice(0, 4)) + n}${b.slice(4)}`;
        expect(ageOn(b, anniversary)).toBe(n);
        expect(ageOn(b, addDays(anniversary, -1))).toBe(n - 1);
      }),
    );
  });
});
