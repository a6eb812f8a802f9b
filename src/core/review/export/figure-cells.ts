import type { Review } from '../../../shared/review/review-schema';
import { translate } from '../../../shared/i18n/translate';
import { figureKind, type FigureKind } from '../../../shared/metrics/format-figures';
import { changeOf, riseIsGood, type FigureName, type Figures } from '../../../shared/metrics/weekly-figures';
import type { Column, ColumnKind } from './workbook-style';

/** How each kind of figure is written: its cell kind, its change's kind, and the unit written. */
// Fen are divided (not multiplied by 0.01) so 60055 fen is exactly 600.55.
const cells: Record<
  FigureKind,
  { value: ColumnKind; change: ColumnKind; write: (value: number) => number; writeChange: (delta: number) => number }
> = {
  money: { value: 'money', change: 'moneyChange', write: (fen) => fen / 100, writeChange: (fen) => fen / 100 },
  ratio: { value: 'percent', change: 'points', write: (ratio) => ratio, writeChange: (delta) => delta * 100 },
  count: { value: 'integer', change: 'integerChange', write: (count) => count, writeChange: (delta) => delta },
};

export interface WithWeeks {
  current: Figures;
  previous: Figures;
}

/** A figure as the workbook writes it: fen as yuan, ratios as ratios, counts as they are. */
export function cellValue(figure: FigureName, value: number | null): number | null {
  return value === null ? null : cells[figureKind(figure)].write(value);
}

/** A change as the workbook writes it: yuan, percentage points or a count. */
export function changeValue(figure: FigureName, weeks: WithWeeks): number | null {
  const delta = changeOf(weeks.current[figure], weeks.previous[figure]).delta;
  return delta === null ? null : cells[figureKind(figure)].writeChange(delta);
}

export function valueKind(figure: FigureName): ColumnKind {
  return cells[figureKind(figure)].value;
}

export function changeKind(figure: FigureName): ColumnKind {
  return cells[figureKind(figure)].change;
}

/** A column of this week's figure, headed with its Chinese name. */
export function figureColumn<T extends WithWeeks>(figure: FigureName): Column<T> {
  return {
    header: translate('zh-CN', `metric.${figure}`),
    kind: valueKind(figure),
    value: (row) => cellValue(figure, row.current[figure]),
  };
}

/** The change against last week, coloured good or bad. */
export function changeColumn<T extends WithWeeks>(figure: FigureName): Column<T> {
  return {
    header: '较上周',
    kind: changeKind(figure),
    riseIsGood: riseIsGood(figure),
    value: (row) => changeValue(figure, row),
  };
}

/** A tier as the workbook writes it: its key and the name it had when the review was made. */
export function tierText(review: Review, tier: string | null): string | null {
  return tier === null ? '无数据' : `${tier} ${review.tierNames[tier] ?? ''}`.trim();
}
