import { shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import type { Database } from '../db/database';
import { weekFactSums } from '../metrics/week-rollup';

/**
 * Each guide's new contacts in each of the `weeks` weeks before `week`, oldest first, by the same
 * rule as weekly figures; a week without WeCom statistics for the guide is left out.
 */
export function newContactsHistory(db: Database, week: IsoWeek, weeks: number): Map<string, number[]> {
  const history = new Map<string, number[]>();
  for (let back = weeks; back >= 1; back -= 1) {
    const byGuide = new Map<string, number>();
    for (const row of weekFactSums(db, shiftWeek(week, -back))) {
      if (row.guideId === null || row.sums.newContacts === null) continue;
      byGuide.set(row.guideId, (byGuide.get(row.guideId) ?? 0) + row.sums.newContacts);
    }
    for (const [guideId, value] of byGuide) history.set(guideId, [...(history.get(guideId) ?? []), value]);
  }
  return history;
}
