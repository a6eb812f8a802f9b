import type { FigureName } from './weekly-figures';

/** How each figure is shown: money as ¥ with two decimals, ratios with one decimal, counts whole. */
export type FigureKind = 'money' | 'ratio' | 'count';

export function figureKind(name: FigureName): FigureKind {
  if (name.endsWith('Fen')) return 'money';
  if (name === 'onlineShare' || name === 'lossRate') return 'ratio';
  return 'count';
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function formatYuan(fen: number | null): string {
  if (fen === null) return '—';
  return `${fen < 0 ? '-' : ''}¥${money.format(Math.abs(fen) / 100)}`;
}

export function formatPercent(ratio: number | null, digits = 1): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export function formatFigure(name: FigureName, value: number | null): string {
  if (value === null) return '—';
  const kind = figureKind(name);
  if (kind === 'money') return formatYuan(value);
  if (kind === 'ratio') return formatPercent(value);
  return count.format(value);
}

/** A change as people read it: "+¥1,234.00 (+5.2%)", "+2.1 pt" for ratios, "+12 (+8.0%)". */
export function formatChange(name: FigureName, delta: number | null, relative: number | null): string {
  if (delta === null) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const kind = figureKind(name);
  if (kind === 'ratio') return `${sign}${Math.abs(delta * 100).toFixed(1)} pt`;
  const magnitude = kind === 'money' ? formatYuan(Math.abs(delta)) : count.format(Math.abs(delta));
  const percent = relative === null ? '' : ` (${relative >= 0 ? '+' : '−'}${Math.abs(relative * 100).toFixed(1)}%)`;
  return `${sign}${magnitude}${percent}`;
}
