import { tierRank } from '../tiers/tier-rule';
import { changeOf, type FigureName, type Figures } from './weekly-figures';

interface WithFigures {
  current: Figures;
  previous: Figures;
}

/** The best and worst `count` by a figure this week; entries without the figure are left out. */
export function topAndBottom<T extends WithFigures>(items: readonly T[], figure: FigureName, count = 5) {
  const ranked = items
    .filter((item) => item.current[figure] !== null)
    .sort((a, b) => (b.current[figure] as number) - (a.current[figure] as number));
  return { top: ranked.slice(0, count), bottom: ranked.slice(-count).reverse() };
}

/** The biggest rises and falls of a figure against last week (both weeks must have it). */
export function biggestChanges<T extends WithFigures>(items: readonly T[], figure: FigureName, count = 5) {
  const changed = items
    .map((item) => ({ item, delta: changeOf(item.current[figure], item.previous[figure]).delta }))
    .filter((entry): entry is { item: T; delta: number } => entry.delta !== null)
    .sort((a, b) => b.delta - a.delta);
  return {
    rises: changed.filter((entry) => entry.delta > 0).slice(0, count),
    falls: changed
      .filter((entry) => entry.delta < 0)
      .slice(-count)
      .reverse(),
  };
}

export interface TierMove {
  from: string | null;
  to: string | null;
  direction: 'up' | 'down' | 'in' | 'out';
}

/** A store's tier change since last week, or null when it stayed; "in"/"out" = gained or lost data. */
export function tierMove(tier: string | null, previousTier: string | null): TierMove | null {
  if (tier === previousTier) return null;
  if (tier === null) return { from: previousTier, to: null, direction: 'out' };
  if (previousTier === null) return { from: null, to: tier, direction: 'in' };
  return { from: previousTier, to: tier, direction: tierRank(tier) < tierRank(previousTier) ? 'up' : 'down' };
}

export function countByTier(tiers: readonly (string | null)[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const tier of tiers) counts.set(tier, (counts.get(tier) ?? 0) + 1);
  return counts;
}
