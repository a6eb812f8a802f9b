import type { Workbook } from 'exceljs';
import type { Review, ReviewGuide } from '../../../../shared/review/review-schema';
import { addTableSheet, type Column } from '../workbook-style';
import { figureColumns } from './figure-columns';

/** 导购: one row per guide, rank within the store, and padding flags with the numbers behind them. */
export function guidesSheet(workbook: Workbook, review: Review): void {
  const columns: Column<ReviewGuide>[] = [
    { header: '工号', kind: 'text', value: (guide) => guide.staffNo },
    { header: '姓名', kind: 'text', value: (guide) => guide.name },
    { header: '门店编码', kind: 'text', value: (guide) => guide.storeCode },
    { header: '门店', kind: 'text', value: (guide) => guide.storeName },
    { header: '店内排名', kind: 'integer', value: (guide) => guide.rankInStore },
    ...figureColumns<ReviewGuide>({ salesDetail: false }),
    { header: '灌水信号', kind: 'text', value: (guide) => guide.flags.map((flag) => flag.message).join('；') },
  ];
  addTableSheet(workbook, '导购', columns, review.guides);
}
