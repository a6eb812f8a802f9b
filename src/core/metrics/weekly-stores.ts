import { isoWeekRange, shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import { deriveFigures, emptySums, sumAll } from '../../shared/metrics/weekly-figures';
import type { GroupTotals, StoreWeek, WeeklyStores } from '../../shared/metrics/weekly-schema';
import type { Database } from '../db/database';
import { currentRuleId, rulesForWeeks, type WeekRule } from '../tiers/tier-repository';
import { tiersForWeek } from '../tiers/tiers-for-week';
import { activeStores, type ActiveStore } from '../stores/store-repository';
import { weekStoreSums, type StoreFactSums } from './week-rollup';

function groupTotals(
  stores: readonly ActiveStore[],
  current: Map<string, StoreFactSums>,
  previous: Map<string, StoreFactSums>,
): GroupTotals {
  return {
    storeCount: stores.length,
    storesWithSales: stores.filter((store) => current.get(store.id)?.hasSales).length,
    previousStoresWithSales: stores.filter((store) => previous.get(store.id)?.hasSales).length,
    current: deriveFigures(sumAll(stores.map((store) => current.get(store.id)?.sums ?? {}))),
    previous: deriveFigures(sumAll(stores.map((store) => previous.get(store.id)?.sums ?? {}))),
  };
}

/** Every active store's figures for a week and the week before, their tiers, and group totals. */
export function weeklyStores(db: Database, week: IsoWeek, at: Date): WeeklyStores {
  const previousWeek = shiftWeek(week, -1);
  const { from, to } = isoWeekRange(week);
  const stores = activeStores(db);
  const current = weekStoreSums(db, week);
  const previous = weekStoreSums(db, previousWeek);
  const rules = rulesForWeeks(db, [week, previousWeek], at.toISOString());
  const inForceId = currentRuleId(db);
  const tiers = tiersForWeek(stores, current, rules.get(week) as WeekRule, inForceId);
  const previousTiers = tiersForWeek(stores, previous, rules.get(previousWeek) as WeekRule, inForceId);

  const rows: StoreWeek[] = stores.map((store) => ({
    storeId: store.id,
    code: store.code,
    name: store.name,
    region: store.region,
    pilotWave: store.pilotWave,
    current: deriveFigures(current.get(store.id)?.sums ?? emptySums()),
    previous: deriveFigures(previous.get(store.id)?.sums ?? emptySums()),
    tier: tiers.tiers.get(store.id) ?? null,
    previousTier: previousTiers.tiers.get(store.id) ?? null,
    hasSales: current.get(store.id)?.hasSales ?? false,
    hasContacts: current.get(store.id)?.hasContacts ?? false,
  }));
  const pilot = stores.filter((store) => store.pilotWave === 'pilot');
  const rest = stores.filter((store) => store.pilotWave !== 'pilot');
  return {
    week,
    from,
    to,
    previousWeek,
    rule: tiers.rule,
    previousRule: previousTiers.rule,
    stores: rows,
    totals: {
      all: groupTotals(stores, current, previous),
      pilot: groupTotals(pilot, current, previous),
      rest: groupTotals(rest, current, previous),
    },
  };
}
