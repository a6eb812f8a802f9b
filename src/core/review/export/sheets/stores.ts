import type { Workbook } from 'exceljs';
import { tierMove } from '../../../../shared/metrics/rankings';
import type { Review, ReviewStore } from '../../../../shared/review/review-schema';
import { addTableSheet, type Column } from '../workbook-style';
import { figureColumns } from './figure-columns';

const waves: Record<ReviewStore['pilotWave'], string> = {
  pilot: '试验田',
  wave1: '第一批推广',
  wave2: '第二批推广',
  none: '暂未推广',
};
const arrows = { up: '↑ 上升', down: '↓ 下降', in: '新有数据', out: '本周无数据' } as const;

export function tierText(review: Review, tier: string | null): string | null {
  return tier === null ? '无数据' : `${tier} ${review.tierNames[tier] ?? ''}`.trim();
}

/** 门店: one row per store with every figure, the change, its tier and movement. */
export function storesSheet(workbook: Workbook, review: Review): void {
  const columns: Column<ReviewStore>[] = [
    { header: '门店编码', kind: 'text', value: (store) => store.code },
    { header: '门店名称', kind: 'text', value: (store) => store.name },
    { header: '试点批次', kind: 'text', value: (store) => waves[store.pilotWave] },
    { header: '分层', kind: 'tier', value: (store) => tierText(review, store.tier) },
    { header: '上周分层', kind: 'tier', value: (store) => tierText(review, store.previousTier) },
    {
      header: '分层变化',
      kind: 'text',
      value: (store) => {
        const move = tierMove(store.tier, store.previousTier);
        return move ? arrows[move.direction] : '';
      },
    },
    ...figureColumns<ReviewStore>({ salesDetail: true }),
  ];
  addTableSheet(workbook, '门店', columns, review.stores);
}
