import type { FigureName } from '../../../shared/metrics/weekly-figures';
import { reviewGuideFigures } from '../../../shared/review/review-figures';
import { changeColumn, figureColumn, type WithWeeks } from './figure-cells';
import type { Column } from './workbook-style';

/** Figures a trainer reads the change of, in the column after the figure. */
const withChange: ReadonlySet<FigureName> = new Set<FigureName>(['netSalesFen', 'onlineShare', 'netNewContacts']);

// Gross, refunds and online share are the store's story; a guide's row stays short.
const storeFigures: FigureName[] = [
  'netSalesFen',
  'grossSalesFen',
  'refundsFen',
  'onlineShare',
  'newContacts',
  'lostContacts',
  'netNewContacts',
  'lossRate',
  'newMembers',
  'orders',
  'messagesSent',
  'momentsPosts',
];

/** The figure columns the store and guide sheets share. */
export function figureColumns<T extends WithWeeks>(options: { salesDetail: boolean }): Column<T>[] {
  const figures = options.salesDetail ? storeFigures : reviewGuideFigures;
  return figures.flatMap((figure) =>
    withChange.has(figure) ? [figureColumn<T>(figure), changeColumn<T>(figure)] : [figureColumn<T>(figure)],
  );
}
