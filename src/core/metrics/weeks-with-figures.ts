import { isoWeekOf, type IsoWeek } from '../../shared/dates/iso-week';
import type { Database } from '../db/database';

/**
 * Each fact table with the expression its *_week index leads with (migration 0003). Walking that
 * index from one week's Sunday to the next earlier one is one seek per week, so listing the weeks
 * with figures costs the same for 50 stores or 50,000 rows a week.
 */
const weekIndexes = [
  { table: 'sales_facts', sunday: "date(date, 'weekday 0')" },
  { table: 'contact_facts', sunday: "date(period_from, 'weekday 0')" },
  { table: 'activity_facts', sunday: "date(date, 'weekday 0')" },
] as const;

/** The ISO weeks that hold any figures (sales, WeCom contacts or activity), newest first. */
export function weeksWithFigures(db: Database): IsoWeek[] {
  const sundays = new Set<string>();
  for (const { table, sunday } of weekIndexes) {
    const earlier = `SELECT ${sunday} AS sunday FROM ${table} WHERE ${sunday} < ? ORDER BY ${sunday} DESC LIMIT 1`;
    // The newest first: '9999-12-31' is later than any date a fact can carry.
    let next = db.get<{ sunday: string | null }>(earlier, ['9999-12-31'])?.sunday ?? null;
    while (next) {
      sundays.add(next);
      next = db.get<{ sunday: string | null }>(earlier, [next])?.sunday ?? null;
    }
  }
  return [...sundays]
    .filter((sunday) => /^\d{4}-\d{2}-\d{2}$/.test(sunday))
    .sort()
    .reverse()
    .map((sunday) => isoWeekOf(sunday));
}
