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
    return {
      pilot: stores.totals.pilot,
      all: stores.totals.all,
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
