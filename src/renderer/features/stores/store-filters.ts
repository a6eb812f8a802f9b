import type { PilotWave, RecordStatus, Store, StoreType } from '../../../shared/stores/store-schema';

/** The store's own attributes, by which both the stores and the guides lists filter. */
export interface StoreAttributeFilters {
  region: string | null;
  dealerId: string | null;
  storeType: StoreType | null;
  pilotWave: PilotWave | null;
}

export interface StoreFilters extends StoreAttributeFilters {
  search: string;
  status: RecordStatus | null;
}

export const emptyStoreFilters = (): StoreFilters => ({
  search: '',
  region: null,
  dealerId: null,
  storeType: null,
  pilotWave: null,
  status: 'active',
});

/** Case-insensitive match on any of the given texts; an empty query matches everything. */
export function matchesSearch(query: string, ...texts: (string | null)[]): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return texts.some((text) => text?.toLowerCase().includes(needle));
}

export function filterStores(stores: readonly Store[], filters: StoreFilters): Store[] {
  return stores.filter(
    (store) =>
      matchesSearch(filters.search, store.code, store.name, store.city, store.dealerName) &&
      (!filters.region || store.region === filters.region) &&
      (!filters.dealerId || store.dealerId === filters.dealerId) &&
      (!filters.storeType || store.storeType === filters.storeType) &&
      (!filters.pilotWave || store.pilotWave === filters.pilotWave) &&
      (!filters.status || store.status === filters.status),
  );
}

/** The distinct values of a field, sorted, for filter menus. */
export function distinctValues<T>(rows: readonly T[], pick: (row: T) => string | null): string[] {
  return [...new Set(rows.map(pick).filter((value): value is string => Boolean(value)))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
}
