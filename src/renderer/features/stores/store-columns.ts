import { h } from 'vue';
import { NButton, NSpace, NTag, type DataTableColumns } from 'naive-ui';
import type { Store } from '../../../shared/stores/store-schema';
import type { MessageKey } from '../../../shared/i18n/translate';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface StoreRowActions {
  edit: (store: Store) => void;
  archive: (store: Store) => void;
  restore: (store: Store) => void;
}

const byText = (pick: (store: Store) => string | null) => (a: Store, b: Store) =>
  (pick(a) ?? '').localeCompare(pick(b) ?? '', 'zh-CN');

export const storeColumnKeys = [
  'code',
  'name',
  'region',
  'city',
  'storeType',
  'dealerName',
  'pilotWave',
  'activeGuides',
  'openedOn',
  'status',
] as const;

export const storeColumnTitleKeys: Record<(typeof storeColumnKeys)[number], MessageKey> = {
  code: 'store.code',
  name: 'store.name',
  region: 'store.region',
  city: 'store.city',
  storeType: 'store.storeType',
  dealerName: 'store.dealer',
  pilotWave: 'store.pilotWave',
  activeGuides: 'store.activeGuides',
  openedOn: 'store.openedOn',
  status: 'store.status',
};

export function storeColumns(
  t: Translate,
  actions: StoreRowActions,
  hidden: readonly string[],
): DataTableColumns<Store> {
  const all: DataTableColumns<Store> = [
    { key: 'code', title: t('store.code'), width: 100, sorter: byText((s) => s.code), fixed: 'left' },
    { key: 'name', title: t('store.name'), minWidth: 180, sorter: byText((s) => s.name), ellipsis: { tooltip: true } },
    { key: 'region', title: t('store.region'), width: 100, sorter: byText((s) => s.region) },
    { key: 'city', title: t('store.city'), width: 90, sorter: byText((s) => s.city) },
    { key: 'storeType', title: t('store.storeType'), width: 90, render: (s) => t(`storeType.${s.storeType}`) },
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
      render: (s) =>
        h(NTag, { size: 'small', bordered: false, type: s.pilotWave === 'pilot' ? 'success' : 'default' }, () =>
          t(`pilotWave.${s.pilotWave}`),
        ),
    },
    {
      key: 'activeGuides',
      title: t('store.activeGuides'),
      width: 100,
      align: 'right',
      className: 'num',
      sorter: (a, b) => a.activeGuides - b.activeGuides,
    },
    { key: 'openedOn', title: t('store.openedOn'), width: 120, sorter: byText((s) => s.openedOn) },
    {
      key: 'status',
      title: t('store.status'),
      width: 90,
      render: (s) =>
        h(NTag, { size: 'small', type: s.status === 'active' ? 'default' : 'warning', bordered: false }, () =>
          t(`status.${s.status}`),
        ),
    },
  ];
  const actionColumn: DataTableColumns<Store>[number] = {
    key: 'actions',
    title: t('common.actions'),
    width: 150,
    fixed: 'right',
    render: (store) =>
      h(NSpace, { size: 4, wrap: false }, () => [
        h(
          NButton,
          {
            size: 'small',
            quaternary: true,
            'data-testid': `edit-store-${store.code}`,
            onClick: (event: MouseEvent) => {
              event.stopPropagation();
              actions.edit(store);
            },
          },
          () => t('common.edit'),
        ),
        store.status === 'active'
          ? h(
              NButton,
              {
                size: 'small',
                quaternary: true,
                type: 'warning',
                onClick: (event: MouseEvent) => {
                  event.stopPropagation();
                  actions.archive(store);
                },
              },
              () => t('common.archive'),
            )
          : h(
              NButton,
              {
                size: 'small',
                quaternary: true,
                type: 'primary',
                onClick: (event: MouseEvent) => {
                  event.stopPropagation();
                  actions.restore(store);
                },
              },
              () => t('common.restore'),
            ),
      ]),
  };
  return [...all.filter((column) => !('key' in column) || !hidden.includes(String(column.key))), actionColumn];
}
