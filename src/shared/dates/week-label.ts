import type { Locale } from '../preferences/preferences-schema';
import { translate } from '../i18n/translate';
import { isoWeekRange, type IsoWeek } from './iso-week';

/** "2026年第47周 11/16–11/22", the way UX.md names a week everywhere. */
export function weekLabel(locale: Locale, week: IsoWeek): string {
  const { from, to } = isoWeekRange(week);
  const monthDay = (date: string) => `${date.slice(5, 7)}/${date.slice(8, 10)}`;
  return translate(locale, 'week.label', {
    year: week.slice(0, 4),
    week: Number(week.slice(6)),
    from: monthDay(from),
    to: monthDay(to),
  });
}
