import { isoWeekRange, shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import { deriveFigures, emptySums } from '../../shared/metrics/weekly-figures';
import type { StoreTrend } from '../../shared/metrics/weekly-schema';
import type { Database } from '../db/database';
import { currentRuleId, rulesForWeeks, type WeekRule } from '../tiers/tier-repository';
import { requireStore } from '../stores/store-service';
import { weekStoreSums } from './week-rollup';
import { activeStores } from '../stores/store-repository';
import { tiersForWeek } from '../tiers/tiers-for-week';

/** One store's figures and tier for each of the `weeks` weeks ending with `week`, oldest first. */
export function storeTrend(db: Database, storeId: string, week: IsoWeek, weeks: number, at: Date): StoreTrend {
  requireStore(db, storeId);
  const list = Array.from({ length: weeks }, (_, index) => shiftWeek(week, index - weeks + 1));
  const stores = activeStores(db);
  const rules = rulesForWeeks(db, list, at.toISOString());
  const inForceId = currentRuleId(db);
  return {
    storeId,
    weeks: list.map((each) => {
      // The tier needs every store's week (medians), so each week is summed whole.
      const sums = weekStoreSums(db, each);
      const tiers = tiersForWeek(stores, sums, rules.get(each) as WeekRule, inForceId);
      return {
        week: each,
        ...isoWeekRange(each),
        figures: deriveFigures(sums.get(storeId)?.sums ?? emptySums()),
        tier: tiers.tiers.get(storeId) ?? null,
      };
    }),
  };
}
