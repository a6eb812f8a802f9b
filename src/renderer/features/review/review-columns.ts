import { h } from 'vue';
import type { DataTableColumns } from 'naive-ui';
import { formatFigure } from '../../../shared/metrics/format-figures';
import type { FigureName, Figures } from '../../../shared/metrics/weekly-figures';
import type { MessageKey } from '../../../shared/i18n/translate';
import ChangeText from '../../components/ChangeText.vue';

interface WithWeeks {
  current: Figures;
  previous: Figures;
}

/** Figure columns with their change under the value, sortable, right-aligned. */
export function figureColumns<T extends WithWeeks>(
  t: (key: MessageKey) => string,
  figures: FigureName[],
): DataTableColumns<T> {
  return figures.map((figure) => ({
    title: t(`metric.${figure}` as MessageKey),
    key: figure,
    align: 'right' as const,
    width: figure.endsWith('Fen') ? 130 : 96,
    sorter: (a: T, b: T) => (a.current[figure] ?? -Infinity) - (b.current[figure] ?? -Infinity),
    render: (row: T) =>
      h('div', { class: 'figure-cell' }, [
        h('div', formatFigure(figure, row.current[figure])),
        h(ChangeText, { figure, current: row.current[figure], previous: row.previous[figure], class: 'figure-change' }),
      ]),
  }));
}
