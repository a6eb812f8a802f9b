import type { Guide } from '../../../shared/guides/guide-schema';
import type { Store } from '../../../shared/stores/store-schema';
import { matchesSearch } from '../stores/store-filters';

export interface PaletteItem {
  key: string;
  group: 'page' | 'store' | 'guide';
  label: string;
  detail: string;
  path: string;
}

/** The palette's matches for a query: pages first, then stores, then guides, a few of each. */
export function searchPalette(
  query: string,
  pages: { path: string; title: string }[],
  stores: readonly Store[],
  guides: readonly Guide[],
  limit = 8,
): PaletteItem[] {
  const pageItems = pages
    .filter((page) => matchesSearch(query, page.title, page.path))
    .map((page) => ({
      key: `page:${page.path}`,
      group: 'page' as const,
      label: page.title,
      detail: page.path,
      path: page.path,
    }));
  if (!query.trim()) return pageItems;
  const storeItems = stores
    .filter((store) => matchesSearch(query, store.code, store.name, store.city))
    .slice(0, limit)
    .map((store) => ({
      key: `store:${store.id}`,
      group: 'store' as const,
      label: store.name,
      detail: store.code,
      path: `/stores/${store.id}`,
    }));
  const guideItems = guides
    .filter((guide) => matchesSearch(query, guide.name, guide.staffNo, guide.phone))
    .slice(0, limit)
    .map((guide) => ({
      key: `guide:${guide.id}`,
      group: 'guide' as const,
      label: guide.name,
      detail: `${guide.staffNo} · ${guide.storeName}`,
      path: `/stores/${guide.storeId}`,
    }));
  return [...pageItems, ...storeItems, ...guideItems];
}
