import type { Workbook } from 'exceljs';
import type { Review } from '../../../../shared/review/review-schema';
import { addTableSheet, type Column } from '../workbook-style';

interface GapRow {
  kind: string;
  who: string;
  detail: string;
}

/** 数据缺口: what is missing this week, so nobody reads a gap as a bad week. */
export function gapsSheet(workbook: Workbook, review: Review): void {
  const { gaps } = review;
  const rows: GapRow[] = [
    ...gaps.storesWithoutSales.map((store) => ({
      kind: '门店无销售数据',
      who: `${store.code} ${store.name}`,
      detail: '本周没有导入销售数据',
    })),
    ...gaps.storesWithPartialSales.map((store) => ({
      kind: '门店销售数据不全',
      who: `${store.code} ${store.name}`,
      detail: `只有 ${store.salesDays}/7 天`,
    })),
    ...gaps.storesWithoutContacts.map((store) => ({
      kind: '门店无企微数据',
      who: `${store.code} ${store.name}`,
      detail: '本周没有企业微信客户统计',
    })),
    ...gaps.guidesWithoutData.map((guide) => ({
      kind: '导购无数据',
      who: `${guide.staffNo} ${guide.name}（${guide.storeCode}）`,
      detail: '在职但本周没有任何数据',
    })),
    ...gaps.importsWithRejectedRows.map((batch) => ({
      kind: '导入有未导入的行',
      who: batch.fileName ?? batch.kind,
      detail: `${batch.rejected} 行未导入（${batch.createdAt.slice(0, 10)} 导入）`,
    })),
  ];
  const columns: Column<GapRow>[] = [
    { header: '类型', kind: 'text', value: (row) => row.kind },
    { header: '门店 / 导购 / 文件', kind: 'text', value: (row) => row.who },
    { header: '说明', kind: 'text', value: (row) => row.detail },
  ];
  addTableSheet(
    workbook,
    '数据缺口',
    columns,
    rows.length > 0 ? rows : [{ kind: '无', who: '', detail: '本周数据完整' }],
  );
}
