import { countByTier } from '../../../shared/metrics/rankings';
import { tierKeysByGrid } from '../../../shared/tiers/tier-rule';
import { defineSection } from '../review-context';

/**
 * 1. Overview: the pilot stores' week against last week, all stores beside it, tier counts, and —
 * where the tier rule sets fixed targets — how many pilot stores reached them.
 */
export const overviewSection = defineSection({
  key: 'overview',
  build({ stores, profiles }) {
    const grid = stores.rule.grid;
    const current = countByTier(stores.stores.map((store) => store.tier));
    const previous = countByTier(stores.stores.map((store) => store.previousTier));
    const names = new Map(profiles.map((profile) => [profile.tier, profile.name]));
    const pilot = stores.stores.filter((store) => store.pilotWave === 'pilot');
    const withData = pilot.filter((store) => store.current.netSalesFen !== null && store.current.onlineShare !== null);
    // The lowest line of a fixed rule is the weekly target a store is held to.
    const salesTarget = stores.rule.kind === 'fixed' ? (stores.rule.salesThresholdsFen?.[0] ?? null) : null;
    const shareTarget = stores.rule.kind === 'fixed' ? (stores.rule.onlineShareThresholds?.[0] ?? null) : null;
    const targets =
      salesTarget === null || shareTarget === null
        ? null
        : {
            salesTargetFen: salesTarget,
            onlineShareTarget: shareTarget,
            storesWithData: withData.length,
            storesAtSalesTarget: withData.filter((store) => (store.current.netSalesFen as number) >= salesTarget)
              .length,
            storesAtShareTarget: withData.filter((store) => (store.current.onlineShare as number) >= shareTarget - 1e-9)
              .length,
          };
    return {
      targets,
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
