import { isoWeekRange, shiftWeek } from '../../shared/dates/iso-week';
import { deriveFigures, emptySums, sumAll } from '../../shared/metrics/weekly-figures';
import type { AppliedTierRule, GroupTotals, StoreWeek, WeeklyStores } from '../../shared/metrics/weekly-schema';
import { resolveThresholds, tierOf, type TierThresholds } from '../../shared/tiers/tier-rule';
import type { PilotWave } from '../../shared/stores/store-schema';
import type { Database } from '../db/database';
import { currentRule, rulesForWeeks, type WeekRule } from '../tiers/tier-repository';
import { weekStoreSums, type StoreFactSums } from './week-rollup';

export interface ActiveStore {
  id: string;
  code: string;
  name: string;
  region: string;
  pilotWave: PilotWave;
}

/** Archived stores leave the figures, the medians and the tier map. */
export function activeStores(db: Database): ActiveStore[] {
  return db.all<ActiveStore>(
    'SELECT id, code, name, region, pilot_wave AS pilotWave FROM stores WHERE archived_at IS NULL ORDER BY code',
  );
}

export interface WeekTiers {
  rule: AppliedTierRule;
  tiers: Map<string, string | null>;
}

/** Tiers every active store for one week with the rule that week was computed with. */
export function tiersForWeek(
  stores: readonly ActiveStore[],
  sums: Map<string, StoreFactSums>,
  weekRule: WeekRule,
  currentRuleId: string | null,
): WeekTiers {
  const points = new Map(
    stores.map((store) => {
      const figures = deriveFigures(sums.get(store.id)?.sums ?? emptySums());
      return [store.id, { netSalesFen: figures.netSalesFen, onlineShare: figures.onlineShare }];
    }),
  );
  const thresholds: TierThresholds | null = resolveThresholds(weekRule.rule, [...points.values()]);
  const tiers = new Map(
    [...points].map(([storeId, point]) => [storeId, tierOf(point, weekRule.rule.grid, thresholds)]),
  );
  return {
    rule: {
      ruleId: weekRule.id,
      grid: weekRule.rule.grid,
      kind: weekRule.rule.kind,
      salesThresholdsFen: thresholds?.salesFen ?? null,
      onlineShareThresholds: thresholds?.onlineShare ?? null,
      computedAt: weekRule.computedAt,
      isCurrentRule: weekRule.id === currentRuleId,
    },
    tiers,
  };
}

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
export function weeklyStores(db: Database, week: string, at: string): WeeklyStores {
  const previousWeek = shiftWeek(week, -1);
  const { from, to } = isoWeekRange(week);
  const stores = activeStores(db);
  const current = weekStoreSums(db, week);
  const previous = weekStoreSums(db, previousWeek);
  const rules = rulesForWeeks(db, [week, previousWeek], at);
  const currentRuleId = currentRule(db)?.id ?? null;
  const tiers = tiersForWeek(stores, current, rules.get(week) as WeekRule, currentRuleId);
  const previousTiers = tiersForWeek(stores, previous, rules.get(previousWeek) as WeekRule, currentRuleId);

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
