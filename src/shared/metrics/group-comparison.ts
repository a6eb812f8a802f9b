import { ratioMetrics, type FigureName } from './weekly-figures';
import type { GroupTotals } from './weekly-schema';

/**
 * A group's figure per store, so 12 pilot stores can be set beside 4 others: sums are divided by
 * the stores that had sales that week (a store whose import is missing would otherwise pull the
 * average down), ratios are pooled over the group.
 */
export function perStore(
  group: GroupTotals,
  figure: FigureName,
  week: 'current' | 'previous' = 'current',
): number | null {
  const value = group[week][figure];
  if (value === null || ratioMetrics.has(figure)) return value;
  const stores = week === 'current' ? group.storesWithSales : group.previousStoresWithSales;
  return stores === 0 ? null : value / stores;
}

/** Pilot against the rest: pilot ÷ rest − 1 for sums, the difference in points for ratios. */
export function pilotLead(pilot: number | null, rest: number | null, figure: FigureName): number | null {
  if (pilot === null || rest === null) return null;
  if (ratioMetrics.has(figure)) return pilot - rest;
  return rest === 0 ? null : pilot / rest - 1;
}
