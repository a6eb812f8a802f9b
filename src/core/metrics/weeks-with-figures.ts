import { isoWeekOf, isoWeekRange, type IsoWeek } from '../../shared/dates/iso-week';
import { isValidLocalDate } from '../../shared/dates/local-date';
import type { Database } from '../db/database';
import { latestFigureDateBefore } from '../facts/fact-weeks';

/**
 * The ISO weeks that hold any figures (sales, WeCom contacts or activity), newest first. From the
 * latest fact date, each step asks for the latest date before that week's Monday: one seek per
 * table and week, so listing the weeks costs the same for 50 stores or 50,000 rows a week.
 */
export function weeksWithFigures(db: Database): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  // '9999-12-31' is later than any date a fact can carry.
  let next = latestFigureDateBefore(db, '9999-12-31');
  while (next !== null) {
    if (!isValidLocalDate(next)) {
      // Not a date (written by another program): passed over, as the weeks list has no place for it.
      next = latestFigureDateBefore(db, next);
      continue;
    }
    const week = isoWeekOf(next);
    weeks.push(week);
    next = latestFigureDateBefore(db, isoWeekRange(week).from);
  }
  return weeks;
}
