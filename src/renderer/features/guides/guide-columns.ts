import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { Guide } from '../../../shared/guides/guide-schema';
import type { MessageKey } from '../../../shared/i18n/translate';
import { recordActionsColumn, type RecordActions } from '../../components/table/record-actions';
import { byText, type DataColumn } from '../../components/table/table-column';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The guides list: what each column shows, and the value it carries into Excel. */
export function guideColumns(t: Translate, actions: RecordActions<Guide>): DataColumn<Guide>[] {
  return [
    { key: 'staffNo', title: t('guide.staffNo'), width: 100, sorter: byText((g) => g.staffNo), fixed: 'left' },
    { key: 'name', title: t('guide.name'), width: 100, sorter: byText((g) => g.name) },
    {
      key: 'storeName',
      title: t('guide.store'),
      minWidth: 170,
      sorter: byText((g) => g.storeCode),
      ellipsis: { tooltip: true },
      value: (g) => `${g.storeCode} ${g.storeName}`,
    },
    {
      key: 'role',
      title: t('guide.role'),
      width: 90,
      sorter: byText((g) => g.role),
      value: (g) => t(`role.${g.role}`),
    },
    {
      key: 'employment',
      title: t('guide.employment'),
      width: 90,
      value: (g) => t(`employment.${g.employment}`),
      render: (g) =>
        h(NTag, { size: 'small', bordered: false, type: g.employment === 'active' ? 'success' : 'default' }, () =>
          t(`employment.${g.employment}`),
        ),
    },
    { key: 'hireDate', title: t('guide.hireDate'), kind: 'date', width: 110, sorter: byText((g) => g.hireDate) },
    { key: 'phone', title: t('guide.phone'), width: 130, className: 'num' },
    { key: 'wecomAccount', title: t('guide.wecomAccount'), width: 150, ellipsis: { tooltip: true } },
    {
      key: 'status',
      title: t('store.status'),
      width: 90,
      value: (g) => t(`status.${g.status}`),
      render: (g) =>
        h(NTag, { size: 'small', bordered: false, type: g.status === 'active' ? 'default' : 'warning' }, () =>
          t(`status.${g.status}`),
        ),
    },
    recordActionsColumn(t, actions, (guide) => `edit-guide-${guide.staffNo}`),
  ];
}
