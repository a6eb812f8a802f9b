import { h } from 'vue';
import { NButton, NSpace, NTag, type DataTableColumns } from 'naive-ui';
import type { Guide } from '../../../shared/guides/guide-schema';
import type { MessageKey } from '../../../shared/i18n/translate';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface GuideRowActions {
  edit: (guide: Guide) => void;
  archive: (guide: Guide) => void;
  restore: (guide: Guide) => void;
}

const byText = (pick: (guide: Guide) => string | null) => (a: Guide, b: Guide) =>
  (pick(a) ?? '').localeCompare(pick(b) ?? '', 'zh-CN');

export const guideColumnKeys = [
  'staffNo',
  'name',
  'storeName',
  'role',
  'employment',
  'hireDate',
  'phone',
  'wecomAccount',
  'status',
] as const;

export const guideColumnTitleKeys: Record<(typeof guideColumnKeys)[number], MessageKey> = {
  staffNo: 'guide.staffNo',
  name: 'guide.name',
  storeName: 'guide.store',
  role: 'guide.role',
  employment: 'guide.employment',
  hireDate: 'guide.hireDate',
  phone: 'guide.phone',
  wecomAccount: 'guide.wecomAccount',
  status: 'store.status',
};

export function guideColumns(
  t: Translate,
  actions: GuideRowActions,
  hidden: readonly string[],
): DataTableColumns<Guide> {
  const all: DataTableColumns<Guide> = [
    { key: 'staffNo', title: t('guide.staffNo'), width: 100, sorter: byText((g) => g.staffNo), fixed: 'left' },
    { key: 'name', title: t('guide.name'), width: 100, sorter: byText((g) => g.name) },
    {
      key: 'storeName',
      title: t('guide.store'),
      minWidth: 170,
      sorter: byText((g) => g.storeCode),
      ellipsis: { tooltip: true },
      render: (g) => `${g.storeCode} ${g.storeName}`,
    },
    {
      key: 'role',
      title: t('guide.role'),
      width: 90,
      sorter: byText((g) => g.role),
      render: (g) => t(`role.${g.role}`),
    },
    {
      key: 'employment',
      title: t('guide.employment'),
      width: 90,
      render: (g) =>
        h(NTag, { size: 'small', bordered: false, type: g.employment === 'active' ? 'success' : 'default' }, () =>
          t(`employment.${g.employment}`),
        ),
    },
    { key: 'hireDate', title: t('guide.hireDate'), width: 110, sorter: byText((g) => g.hireDate) },
    { key: 'phone', title: t('guide.phone'), width: 130, className: 'num' },
    { key: 'wecomAccount', title: t('guide.wecomAccount'), width: 150, ellipsis: { tooltip: true } },
    {
      key: 'status',
      title: t('store.status'),
      width: 90,
      render: (g) =>
        h(NTag, { size: 'small', bordered: false, type: g.status === 'active' ? 'default' : 'warning' }, () =>
          t(`status.${g.status}`),
        ),
    },
  ];
  const actionColumn: DataTableColumns<Guide>[number] = {
    key: 'actions',
    title: t('common.actions'),
    width: 150,
    fixed: 'right',
    render: (guide) =>
      h(NSpace, { size: 4, wrap: false }, () => [
        h(
          NButton,
          {
            size: 'small',
            quaternary: true,
            'data-testid': `edit-guide-${guide.staffNo}`,
            onClick: () => actions.edit(guide),
          },
          () => t('common.edit'),
        ),
        guide.status === 'active'
          ? h(
              NButton,
              { size: 'small', quaternary: true, type: 'warning', onClick: () => actions.archive(guide) },
              () => t('common.archive'),
            )
          : h(
              NButton,
              { size: 'small', quaternary: true, type: 'primary', onClick: () => actions.restore(guide) },
              () => t('common.restore'),
            ),
      ]),
  };
  return [...all.filter((column) => !('key' in column) || !hidden.includes(String(column.key))), actionColumn];
}
