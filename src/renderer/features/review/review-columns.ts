import { h } from 'vue';
import { figureKind, formatFigure } from '../../../shared/metrics/format-figures';
import type { FigureName, Figures } from '../../../shared/metrics/weekly-figures';
import type { MessageKey } from '../../../shared/i18n/translate';
import ChangeText from '../../components/ChangeText.vue';
import { byNumber, type CellKind, type DataColumn } from '../../components/table/table-column';

interface WithWeeks {
  current: Figures;
  previous: Figures;
}

const cellKinds = { money: 'moneyFen', ratio: 'ratio', count: 'integer' } as const satisfies Record<string, CellKind>;

/** Figure columns with their change under the value, sortable, right-aligned; exported as numbers. */
export function figureColumns<T extends WithWeeks>(
  t: (key: MessageKey) => string,
  figures: readonly FigureName[],
): DataColumn<T>[] {
  return figures.map((figure) => ({
    title: t(`metric.${figure}` as MessageKey),
    key: figure,
    kind: cellKinds[figureKind(figure)],
    value: (row: T) => row.current[figure],
    align: 'right' as const,
    width: figure.endsWith('Fen') ? 130 : 96,
    sorter: byNumber((row: T) => row.current[figure]),
    render: (row: T) =>
      h('div', { class: 'figure-cell' }, [
        h('div', formatFigure(figure, row.current[figure])),
        h(ChangeText, { figure, current: row.current[figure], previous: row.previous[figure], class: 'figure-change' }),
      ]),
  }));
}
