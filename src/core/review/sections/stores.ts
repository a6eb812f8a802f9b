import { defineSection } from '../review-context';

/** 2. Stores: every active store's figures, last week's, tier and movement. */
export const storesSection = defineSection({
  key: 'stores',
  build({ stores }) {
    return stores.stores.map((store) => ({
      storeId: store.storeId,
      code: store.code,
      name: store.name,
      pilotWave: store.pilotWave,
      tier: store.tier,
      previousTier: store.previousTier,
      current: store.current,
      previous: store.previous,
    }));
  },
});
