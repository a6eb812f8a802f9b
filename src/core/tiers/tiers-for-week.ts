import { deriveFigures, emptySums } from '../../shared/metrics/weekly-figures';
import type { AppliedTierRule } from '../../shared/metrics/weekly-schema';
import { resolveThresholds, tierOf, type TierThresholds } from '../../shared/tiers/tier-rule';
import type { ActiveStore } from '../stores/store-repository';
import type { StoreFactSums } from '../metrics/week-rollup';
import type { WeekRule } from './tier-repository';

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
