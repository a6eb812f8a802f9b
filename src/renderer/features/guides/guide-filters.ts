import type { EmploymentStatus, Guide, GuideRole } from '../../../shared/guides/guide-schema';
import type { RecordStatus, Store } from '../../../shared/stores/store-schema';
import { matchesSearch, type StoreAttributeFilters } from '../stores/store-filters';

export interface GuideFilters extends StoreAttributeFilters {
  search: string;
  storeId: string | null;
  role: GuideRole | null;
  employment: EmploymentStatus | null;
  status: RecordStatus | null;
}

export const emptyGuideFilters = (): GuideFilters => ({
  search: '',
  region: null,
  dealerId: null,
  storeType: null,
  pilotWave: null,
  storeId: null,
  role: null,
  employment: null,
  status: 'active',
});

/** Guides filter by their own fields and by their store's (type, rollout wave). */
export function filterGuides(
  guides: readonly Guide[],
  storesById: ReadonlyMap<string, Store>,
  filters: GuideFilters,
): Guide[] {
  return guides.filter((guide) => {
    const store = storesById.get(guide.storeId);
    return (
      matchesSearch(filters.search, guide.staffNo, guide.name, guide.phone, guide.wecomAccount, guide.storeName) &&
      (!filters.region || store?.region === filters.region) &&
      (!filters.dealerId || store?.dealerId === filters.dealerId) &&
      (!filters.storeType || store?.storeType === filters.storeType) &&
      (!filters.pilotWave || store?.pilotWave === filters.pilotWave) &&
      (!filters.storeId || guide.storeId === filters.storeId) &&
      (!filters.role || guide.role === filters.role) &&
      (!filters.employment || guide.employment === filters.employment) &&
      (!filters.status || guide.status === filters.status)
    );
  });
}
