import { h } from 'vue';
import { NButton, NSpace } from 'naive-ui';
import type { MessageKey } from '../../../shared/i18n/translate';
import type { DataColumn } from './table-column';

export interface RecordActions<Row> {
  edit: (row: Row) => void;
  archive: (row: Row) => void;
  restore: (row: Row) => void;
}

/**
 * The edit and archive/restore buttons of a record's row. A click on them stops there, so a
 * row that opens its record on click does not open it too.
 */
export function recordActionsColumn<Row extends { status: 'active' | 'archived' }>(
  t: (key: MessageKey) => string,
  actions: RecordActions<Row>,
  editTestId: (row: Row) => string,
): DataColumn<Row> {
  const button = (label: string, props: Record<string, unknown>, run: () => void) =>
    h(
      NButton,
      {
        size: 'small',
        quaternary: true,
        ...props,
        onClick: (event: MouseEvent) => {
          event.stopPropagation();
          run();
        },
      },
      () => label,
    );
  return {
    key: 'actions',
    title: t('common.actions'),
    action: true,
    width: 150,
    fixed: 'right',
    render: (row) =>
      h(NSpace, { size: 4, wrap: false }, () => [
        button(t('common.edit'), { 'data-testid': editTestId(row) }, () => actions.edit(row)),
        row.status === 'active'
          ? button(t('common.archive'), { type: 'warning' }, () => actions.archive(row))
          : button(t('common.restore'), { type: 'primary' }, () => actions.restore(row)),
      ]),
  };
}
