import { describe, expect, it } from 'vitest';
import { weekLabel } from '../../src/shared/dates/week-label';
import { formatChange, formatFigure, formatPercent, formatYuan } from '../../src/shared/metrics/format-figures';
import { perStore, pilotLead } from '../../src/shared/metrics/group-comparison';
import { biggestChanges, countByTier, tierMove, topAndBottom } from '../../src/shared/metrics/rankings';
import { deriveFigures, emptySums, type SummedFigures } from '../../src/shared/metrics/weekly-figures';
import type { GroupTotals } from '../../src/shared/metrics/weekly-schema';
import { toIsoWeek } from '../../src/shared/dates/iso-week';

function figures(values: Partial<SummedFigures>) {
  return deriveFigures({ ...emptySums(), ...values });
}

function entry(name: string, sales: number | null, previousSales: number | null) {
  return {
    name,
    current: figures(sales === null ? {} : { grossSalesFen: sales }),
    previous: figures(previousSales === null ? {} : { grossSalesFen: previousSales }),
  };
}

describe('week labels', () => {
  it('names a week the way UX.md writes it, in both languages', () => {
    expect(weekLabel('zh-CN', toIsoWeek('2026-W47'))).toBe('2026年第47周 11/16–11/22');
    expect(weekLabel('en', toIsoWeek('2026-W47'))).toBe('2026 W47 · 11/16–11/22');
    // ISO week 1 of 2026 starts in December 2025.
    expect(weekLabel('zh-CN', toIsoWeek('2026-W01'))).toBe('2026年第1周 12/29–01/04');
  });
});

describe('formatting figures', () => {
  it('shows money as ¥ with two decimals and thousands separators, ratios with one decimal', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatFigure('orders', 1234)).toBe('1,234');
    expect(formatFigure('netSalesFen', null)).toBe('—');
  });

  it('writes a change with its sign, and ratios in percentage points', () => {
    expect(formatChange('netSalesFen', 150000, 0.05)).toBe('+¥1,500.00 (+5.0%)');
    expect(formatChange('orders', -12, -0.08)).toBe('−12 (−8.0%)');
    expect(formatChange('onlineShare', 0.021, null)).toBe('+2.1 pt');
    expect(formatChange('orders', 0, 0)).toBe('±0 (+0.0%)');
    expect(formatChange('orders', null, null)).toBe('—');
  });
});

describe('rankings', () => {
  const items = [
    entry('a', 500, 100),
    entry('b', 300, 400),
    entry('c', null, 200),
    entry('d', 900, null),
    entry('e', 100, 100),
  ];

  it('ranks by this week, leaving out entries without the figure', () => {
    const { top, bottom } = topAndBottom(items, 'netSalesFen', 2);
    expect(top.map((item) => item.name)).toEqual(['d', 'a']);
    expect(bottom.map((item) => item.name)).toEqual(['e', 'b']);
  });

  it('finds the biggest rises and falls where both weeks have the figure', () => {
    const { rises, falls } = biggestChanges(items, 'netSalesFen', 5);
    expect(rises.map((change) => [change.item.name, change.delta])).toEqual([['a', 400]]);
    expect(falls.map((change) => [change.item.name, change.delta])).toEqual([['b', -100]]);
  });

  it('calls a tier move up or down by the grid order, and in/out when data appears or goes', () => {
    expect(tierMove('A', 'A')).toBeNull();
    expect(tierMove('B', 'D')).toEqual({ from: 'D', to: 'B', direction: 'up' });
    expect(tierMove('C', 'A')).toEqual({ from: 'A', to: 'C', direction: 'down' });
    expect(tierMove(null, 'B')).toEqual({ from: 'B', to: null, direction: 'out' });
    expect(tierMove('D', null)).toEqual({ from: null, to: 'D', direction: 'in' });
    expect(tierMove('HH', 'MM')?.direction).toBe('up');
    expect(countByTier(['A', 'A', null, 'D'])).toEqual(
      new Map<string | null, number>([
        ['A', 2],
        [null, 1],
        ['D', 1],
      ]),
    );
  });
});

describe('pilot against the rest', () => {
  const group = (
    storesWithSales: number,
    previousStoresWithSales: number,
    gross: number,
    online: number,
  ): GroupTotals => ({
    storeCount: 4,
    storesWithSales,
    previousStoresWithSales,
    current: figures({ grossSalesFen: gross, onlineNetSalesFen: online }),
    previous: figures({ grossSalesFen: gross / 2, onlineNetSalesFen: 0 }),
  });

  it('divides sums by the stores that had sales, and pools ratios', () => {
    const pilot = group(3, 2, 9000, 3000);
    expect(perStore(pilot, 'netSalesFen')).toBe(3000);
    expect(perStore(pilot, 'netSalesFen', 'previous')).toBe(2250);
    expect(perStore(pilot, 'onlineShare')).toBeCloseTo(1 / 3);
    expect(perStore(group(0, 0, 0, 0), 'netSalesFen')).toBeNull();
  });

  it('gives the pilot lead as a relative difference, or points for ratios', () => {
    expect(pilotLead(3000, 2000, 'netSalesFen')).toBeCloseTo(0.5);
    expect(pilotLead(0.3, 0.1, 'onlineShare')).toBeCloseTo(0.2);
    expect(pilotLead(3000, 0, 'netSalesFen')).toBeNull();
    expect(pilotLead(null, 1, 'orders')).toBeNull();
  });
});
