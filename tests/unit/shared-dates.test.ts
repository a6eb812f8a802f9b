import { describe, expect, it } from 'vitest';
import {
  isIsoWeek,
  isoWeekOf,
  isoWeekRange,
  lastCompleteWeek,
  shiftWeek,
  toIsoWeek,
  type IsoWeek,
} from '../../src/shared/dates/iso-week';
import { isoWeekSchema } from '../../src/shared/metrics/weekly-schema';
import { addDays, isValidLocalDate, isoWeekday, todayIn } from '../../src/shared/dates/local-date';

describe('ISO weeks', () => {
  // Calendar facts, checked against a printed ISO-week calendar.
  it.each([
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2021-01-04', '2021-W01'],
    ['2024-12-30', '2025-W01'],
    ['2025-12-29', '2026-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2027-01-01', '2026-W53'],
  ])('puts %s in week %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it.each([
    ['2026-W47', '2026-11-16', '2026-11-22'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
  ])('runs week %s from Monday %s to Sunday %s', (week, from, to) => {
    expect(isoWeekRange(toIsoWeek(week))).toEqual({ from, to });
  });

  it('refuses to give a range for text that is not a week, even text cast past the type', () => {
    expect(() => isoWeekRange('2026-47' as IsoWeek)).toThrow(/not an ISO week/);
  });

  it('makes an IsoWeek only of text that is one: toIsoWeek and the schema check it, isIsoWeek narrows to it', () => {
    expect(toIsoWeek('2026-W53')).toBe('2026-W53');
    for (const text of ['2025-W53', '2026-W00', '2026-47', '2026-w47', '']) {
      expect(() => toIsoWeek(text), text).toThrow(/not an ISO week/);
      expect(isoWeekSchema.safeParse(text).success, text).toBe(false);
    }
    const parsed: IsoWeek = isoWeekSchema.parse('2020-W53');
    expect(parsed).toBe('2020-W53');
    const text: string = '2026-W47';
    // A type guard: inside the branch the text may be passed where an IsoWeek is required.
    expect(isIsoWeek(text) ? shiftWeek(text, 1) : null).toBe('2026-W48');
    // @ts-expect-error unchecked text is not an IsoWeek
    expect(shiftWeek(text, 0)).toBe(text);
  });

  it('agrees with itself on every day from 2015 to 2035: each day lies in its week, weeks start on Monday and count up by one', () => {
    let previous = isoWeekOf('2014-12-31');
    for (let date = '2015-01-01'; date <= '2035-12-31'; date = addDays(date, 1)) {
      const week = isoWeekOf(date);
      const { from, to } = isoWeekRange(week);
      expect(from <= date && date <= to, `${date} in ${week}`).toBe(true);
      expect(isoWeekday(from)).toBe(1);
      if (week !== previous) {
        expect(isoWeekday(date), `${week} starts on ${date}`).toBe(1);
        const [prevYear, prevNo] = previous.split('-W').map(Number) as [number, number];
        const [year, no] = week.split('-W').map(Number) as [number, number];
        const counted = year === prevYear ? no === prevNo + 1 : year === prevYear + 1 && no === 1 && prevNo >= 52;
        expect(counted, `${previous} → ${week}`).toBe(true);
      }
      previous = week;
    }
  });

  it.each([
    ['2020-W53', true],
    ['2026-W53', true],
    ['2026-W01', true],
    ['2026-W47', true],
    ['2025-W53', false],
    ['2021-W53', false],
    ['2026-W00', false],
    ['2026-W54', false],
    ['2026-W1', false],
    ['2026W47', false],
    ['2026-w47', false],
    ['', false],
  ])('accepts %j as a week: %s', (text, valid) => {
    expect(isIsoWeek(text)).toBe(valid);
  });

  it.each([
    ['2026-11-23', '2026-W47', 'a Monday: the week that ended yesterday'],
    ['2026-11-22', '2026-W46', 'a Sunday: its own week is not over yet'],
    ['2026-11-21', '2026-W46', 'a Saturday'],
    ['2026-01-01', '2025-W52', 'New Year in the middle of week 1'],
    ['2021-01-04', '2020-W53', 'the Monday after a 53-week year'],
  ])('on %s the last complete week is %s (%s)', (today, week) => {
    expect(lastCompleteWeek(today)).toBe(week);
  });

  it.each([
    ['2026-W47', -7, '2026-W40'],
    ['2026-W47', 0, '2026-W47'],
    ['2020-W53', 1, '2021-W01'],
    ['2021-W01', -1, '2020-W53'],
    ['2026-W01', -1, '2025-W52'],
    ['2026-W52', 1, '2026-W53'],
    ['2026-W53', 1, '2027-W01'],
  ])('shifts %s by %i weeks to %s', (week, by, expected) => {
    expect(shiftWeek(toIsoWeek(week), by)).toBe(expected);
  });

  it('shifting forward and back returns to the same week across several year ends', () => {
    for (const week of ['2019-W50', '2020-W53', '2025-W52', '2026-W47']) {
      for (const by of [1, 5, 52, 104]) {
        expect(shiftWeek(shiftWeek(toIsoWeek(week), by), -by)).toBe(week);
      }
    }
  });
});

describe('local dates', () => {
  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-02-28', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-4-1', false],
    ['2026/04/01', false],
    ['2026-11-23T00:00:00Z', false],
    ['', false],
  ])('%j is a valid date: %s', (text, valid) => {
    expect(isValidLocalDate(text)).toBe(valid);
  });

  it('gives tomorrow in Shanghai for an instant that is still today in UTC and Los Angeles', () => {
    const evening = new Date('2026-11-23T17:30:00Z');
    expect(todayIn('Asia/Shanghai', evening)).toBe('2026-11-24');
    expect(todayIn('UTC', evening)).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', evening)).toBe('2026-11-23');
  });

  it('gives yesterday in Los Angeles for an early UTC morning', () => {
    expect(todayIn('America/Los_Angeles', new Date('2026-11-23T02:00:00Z'))).toBe('2026-11-22');
  });

  it('crosses the year in Shanghai eight hours before UTC does', () => {
    const instant = new Date('2026-12-31T16:00:00Z');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2027-01-01');
    expect(todayIn('UTC', instant)).toBe('2026-12-31');
  });
});
