import { paddingFlags, storePercentile } from '../../../shared/review/padding-signals';
import { newContactsHistory } from '../guide-contact-history';
import { defineSection } from '../review-context';

/** 3. Guides: every guide's figures, rank within the store, and padding flags with their numbers. */
export const guidesSection = defineSection({
  key: 'guides',
  build({ db, week, guides, padding }) {
    const history = newContactsHistory(db, week, padding.spikeHistoryWeeks);
    const byStore = new Map<string, (number | null)[]>();
    for (const guide of guides)
      byStore.set(guide.storeId, [...(byStore.get(guide.storeId) ?? []), guide.current.newContacts]);
    const percentiles = new Map([...byStore].map(([storeId, values]) => [storeId, storePercentile(values, padding)]));
    return guides.map((guide) => ({
      guideId: guide.guideId,
      staffNo: guide.staffNo,
      name: guide.name,
      storeId: guide.storeId,
      storeCode: guide.storeCode,
      storeName: guide.storeName,
      rankInStore: guide.rankInStore,
      current: guide.current,
      previous: guide.previous,
      flags: paddingFlags(
        guide.current,
        history.get(guide.guideId) ?? [],
        percentiles.get(guide.storeId) ?? null,
        padding,
      ),
    }));
  },
});
