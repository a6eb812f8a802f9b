import { z } from 'zod';

/**
 * Tiers (分类分层), METRICS.md: two axes per store and week, net sales and online share, cut by a
 * threshold on each axis (a 2×2 grid, tiers A–D) or by two (a 3×3 grid). The threshold is the
 * median of the stores with data that week unless the user sets fixed targets.
 */
export const tierGrids = ['2x2', '3x3'] as const;
export type TierGrid = (typeof tierGrids)[number];

export const tierRuleKinds = ['median', 'fixed'] as const;
export type TierRuleKind = (typeof tierRuleKinds)[number];

/** 2×2 keys follow METRICS.md; 3×3 keys are sales level then online-share level (H/M/L). */
export const tierKeysByGrid = {
  '2x2': ['A', 'B', 'C', 'D'],
  '3x3': ['HH', 'HM', 'HL', 'MH', 'MM', 'ML', 'LH', 'LM', 'LL'],
} as const satisfies Record<TierGrid, readonly string[]>;
export type TierKey = (typeof tierKeysByGrid)[TierGrid][number];
export const allTierKeys: readonly string[] = [...tierKeysByGrid['2x2'], ...tierKeysByGrid['3x3']];

const cutsCount: Record<TierGrid, number> = { '2x2': 1, '3x3': 2 };

export const tierRuleSchema = z
  .object({
    grid: z.enum(tierGrids).default('2x2'),
    kind: z.enum(tierRuleKinds).default('median'),
    /** Fixed targets, ascending; one per axis for 2×2, two for 3×3. Ignored for medians. */
    salesTargetsFen: z.array(z.number().int({ error: 'notInteger' }).min(0, { error: 'notNegative' })).default([]),
    onlineShareTargets: z.array(z.number().min(0, { error: 'ratioRange' }).max(1, { error: 'ratioRange' })).default([]),
  })
  .superRefine((rule, context) => {
    if (rule.kind !== 'fixed') return;
    const needed = cutsCount[rule.grid];
    for (const field of ['salesTargetsFen', 'onlineShareTargets'] as const) {
      const cuts = rule[field];
      if (cuts.length !== needed) {
        context.addIssue({ code: 'custom', path: [field], message: 'targetsCount' });
      } else if (cuts.some((cut, index) => index > 0 && cut <= (cuts[index - 1] as number))) {
        context.addIssue({ code: 'custom', path: [field], message: 'targetsAscending' });
      }
    }
  });
export type TierRule = z.output<typeof tierRuleSchema>;

export const defaultTierRule: TierRule = { grid: '2x2', kind: 'median', salesTargetsFen: [], onlineShareTargets: [] };

/** The cuts a rule gives for one week: fixed targets, or quantiles of that week's stores. */
export interface TierThresholds {
  salesFen: number[];
  onlineShare: number[];
}

export interface TierPoint {
  netSalesFen: number | null;
  onlineShare: number | null;
}

/** A store has data for tiering when its week has net sales to take a share of. */
export function hasTierData(point: TierPoint): point is { netSalesFen: number; onlineShare: number } {
  return point.netSalesFen !== null && point.onlineShare !== null;
}

/**
 * Excel's PERCENTILE.INC on ascending values: the median of an even count is the mean of the
 * two middle values, the way a trainer checks it in a spreadsheet.
 */
export function percentileInc(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  return low + ((sorted[upper] as number) - low) * (position - lower);
}

export function resolveThresholds(rule: TierRule, points: readonly TierPoint[]): TierThresholds | null {
  if (rule.kind === 'fixed') return { salesFen: [...rule.salesTargetsFen], onlineShare: [...rule.onlineShareTargets] };
  const withData = points.filter(hasTierData);
  if (withData.length === 0) return null;
  const quantiles = rule.grid === '2x2' ? [0.5] : [1 / 3, 2 / 3];
  const sales = withData.map((point) => point.netSalesFen).sort((a, b) => a - b);
  const shares = withData.map((point) => point.onlineShare).sort((a, b) => a - b);
  return {
    salesFen: quantiles.map((p) => percentileInc(sales, p) as number),
    onlineShare: quantiles.map((p) => percentileInc(shares, p) as number),
  };
}

/** How many cuts a value is at or above: at the threshold counts as high (METRICS.md). */
function levelOf(value: number, cuts: readonly number[]): number {
  // A tiny absolute tolerance so a share equal to the median is not "below" it by a rounding
  // error; money is whole fen, so it never lets a store one fen short count as high.
  return cuts.filter((cut) => value >= cut - 1e-9).length;
}

export function tierOf(point: TierPoint, grid: TierGrid, thresholds: TierThresholds | null): TierKey | null {
  if (!thresholds || !hasTierData(point)) return null;
  const sales = levelOf(point.netSalesFen, thresholds.salesFen);
  const share = levelOf(point.onlineShare, thresholds.onlineShare);
  if (grid === '2x2') {
    if (sales >= 1) return share >= 1 ? 'A' : 'B';
    return share >= 1 ? 'C' : 'D';
  }
  const letter = ['L', 'M', 'H'];
  return `${letter[sales]}${letter[share]}` as TierKey;
}

/** Where a tier sits on the grid, best first; used to order tiers and to call a move up or down. */
export function tierRank(tier: string): number {
  const keys: readonly string[] = tier.length === 1 ? tierKeysByGrid['2x2'] : tierKeysByGrid['3x3'];
  return keys.indexOf(tier);
}
