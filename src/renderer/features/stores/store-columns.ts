import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { Store } from '../../../shared/stores/store-schema';
import type { MessageKey } from '../../../shared/i18n/translate';
import { recordActionsColumn, type RecordActions } from '../../components/table/record-actions';
import { byNumber, byText, type DataColumn } from '../../components/table/table-column';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The stores list: what each column shows, and the value it carries into Excel. */
export function storeColumns(t: Translate, actions: RecordActions<Store>): DataColumn<Store>[] {
  return [
    { key: 'code', title: t('store.code'), width: 100, sorter: byText((s) => s.code), fixed: 'left' },
    { key: 'name', title: t('store.name'), minWidth: 180, sorter: byText((s) => s.name), ellipsis: { tooltip: true } },
    { key: 'region', title: t('store.region'), width: 100, sorter: byText((s) => s.region) },
    { key: 'city', title: t('store.city'), width: 90, sorter: byText((s) => s.city) },
    {
      key: 'storeType',
      title: t('store.storeType'),
      width: 90,
      value: (s) => t(`storeType.${s.storeType}`),
    },
    {
      key: 'dealerName',
      title: t('store.dealer'),
      minWidth: 160,
      ellipsis: { tooltip: true },
      render: (s) => s.dealerName ?? '—',
    },
    {
      key: 'pilotWave',
      title: t('store.pilotWave'),
      width: 120,
      value: (s) => t(`pilotWave.${s.pilotWave}`),
      render: (s) =>
        h(NTag, { size: 'small', bordered: false, type: s.pilotWave === 'pilot' ? 'success' : 'default' }, () =>
          t(`pilotWave.${s.pilotWave}`),
        ),
    },
    {
      key: 'activeGuides',
      title: t('store.activeGuides'),
      kind: 'integer',
      width: 100,
      align: 'right',
      className: 'num',
      sorter: byNumber((s) => s.activeGuides),
    },
    { key: 'openedOn', title: t('store.openedOn'), kind: 'date', width: 120, sorter: byText((s) => s.openedOn) },
    {
      key: 'status',
      title: t('store.status'),
      width: 90,
      value: (s) => t(`status.${s.status}`),
      render: (s) =>
        h(NTag, { size: 'small', type: s.status === 'active' ? 'default' : 'warning', bordered: false }, () =>
          t(`status.${s.status}`),
        ),
    },
    recordActionsColumn(t, actions, (store) => `edit-store-${store.code}`),
  ];
}
