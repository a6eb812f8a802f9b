import { z } from 'zod';

/**
 * The one definition of a store's or guide's figures for a period (METRICS.md). Sums arrive from
 * the facts; everything derived (net sales, online share, loss rate…) is computed here and only
 * here, so the dashboard, the CLI and exports cannot disagree. `null` means "not reported",
 * never zero.
 */
export const summedMetrics = [
  'grossSalesFen',
  'refundsFen',
  'onlineNetSalesFen',
  'orders',
  'newMembers',
  'contactRequests',
  'newContacts',
  'lostContacts',
  'chats',
  'messagesSent',
  'momentsPosts',
  'groupMessages',
] as const;
export type SummedMetric = (typeof summedMetrics)[number];
export type SummedFigures = Record<SummedMetric, number | null>;

export const derivedMetrics = ['netSalesFen', 'onlineShare', 'netNewContacts', 'lossRate'] as const;
export type DerivedMetric = (typeof derivedMetrics)[number];

export type Figures = SummedFigures & Record<DerivedMetric, number | null>;
export type FigureName = keyof Figures;

const figure = z.number().nullable();
export const figuresSchema = z.object(
  Object.fromEntries([...summedMetrics, ...derivedMetrics].map((name) => [name, figure])) as Record<
    FigureName,
    typeof figure
  >,
);

export function emptySums(): SummedFigures {
  return Object.fromEntries(summedMetrics.map((name) => [name, null])) as SummedFigures;
}

/** Adds `more` into `into`: null + null stays null (nobody reported it), null + 3 is 3. */
export function addSums(into: SummedFigures, more: Partial<SummedFigures>): SummedFigures {
  for (const name of summedMetrics) {
    const value = more[name];
    if (value === null || value === undefined) continue;
    into[name] = (into[name] ?? 0) + value;
  }
  return into;
}

export function sumAll(list: readonly Partial<SummedFigures>[]): SummedFigures {
  return list.reduce<SummedFigures>((total, item) => addSums(total, item), emptySums());
}

/** METRICS.md "Derived metrics". */
export function deriveFigures(sums: SummedFigures): Figures {
  const netSalesFen =
    sums.grossSalesFen === null && sums.refundsFen === null ? null : (sums.grossSalesFen ?? 0) - (sums.refundsFen ?? 0);
  // Empty when all net sales are zero (or there are none): a share of nothing is not 0 %.
  const onlineShare = netSalesFen === null || netSalesFen === 0 ? null : (sums.onlineNetSalesFen ?? 0) / netSalesFen;
  const netNewContacts =
    sums.newContacts === null && sums.lostContacts === null ? null : (sums.newContacts ?? 0) - (sums.lostContacts ?? 0);
  const lossRate = sums.newContacts ? (sums.lostContacts ?? 0) / sums.newContacts : null;
  // Object.assign rather than a spread: this runs for every guide of every week shown, and V8
  // copies a known shape far faster this way.
  const figures = Object.assign({}, sums) as Figures;
  figures.netSalesFen = netSalesFen;
  figures.onlineShare = onlineShare;
  figures.netNewContacts = netNewContacts;
  figures.lossRate = lossRate;
  return figures;
}

export interface FigureChange {
  /** current − previous; null when either side is missing. */
  delta: number | null;
  /** delta ÷ |previous|; null when previous is missing or zero. Not used for ratios (share, loss rate). */
  relative: number | null;
}

export function changeOf(current: number | null, previous: number | null): FigureChange {
  if (current === null || previous === null) return { delta: null, relative: null };
  const delta = current - previous;
  return { delta, relative: previous === 0 ? null : delta / Math.abs(previous) };
}

/** The week's headline figures, in the order a trainer reports them (review overview). */
export const headlineFigures: readonly FigureName[] = [
  'netSalesFen',
  'onlineShare',
  'newContacts',
  'netNewContacts',
  'lossRate',
  'newMembers',
  'orders',
];

/** Figures where less is better: their rise is bad news wherever a change is coloured. */
const lowerIsBetter: ReadonlySet<FigureName> = new Set<FigureName>(['lossRate', 'lostContacts', 'refundsFen']);

export function riseIsGood(figure: FigureName): boolean {
  return !lowerIsBetter.has(figure);
}

/** Metrics that are ratios: their change is shown in percentage points, not as a relative change. */
export const ratioMetrics: ReadonlySet<FigureName> = new Set<FigureName>(['onlineShare', 'lossRate']);
