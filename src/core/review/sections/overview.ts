import { countByTier } from '../../../shared/metrics/rankings';
import { tierKeysByGrid } from '../../../shared/tiers/tier-rule';
import { defineSection } from '../review-context';

/** 1. Overview: the pilot stores' week against last week, all stores beside it, tier counts. */
export const overviewSection = defineSection({
  key: 'overview',
  build({ stores, profiles }) {
    const grid = stores.rule.grid;
    const current = countByTier(stores.stores.map((store) => store.tier));
    const previous = countByTier(stores.stores.map((store) => store.previousTier));
    const names = new Map(profiles.map((profile) => [profile.tier, profile.name]));
    const group = (totals: typeof stores.totals.all) => ({
      storeCount: totals.storeCount,
      storesWithSales: totals.storesWithSales,
      current: totals.current,
      previous: totals.previous,
    });
    return {
      pilot: group(stores.totals.pilot),
      all: group(stores.totals.all),
      grid,
      tierCounts: [...tierKeysByGrid[grid], null].map((tier) => ({
        tier,
        name: tier === null ? '无数据' : (names.get(tier) ?? tier),
        count: current.get(tier) ?? 0,
        previousCount: previous.get(tier) ?? 0,
      })),
    };
  },
});
