import type { Worksheet } from 'exceljs';
import { tierMove } from '../../../shared/metrics/rankings';
import type { Review, ReviewStore } from '../../../shared/review/review-schema';
import { figureColumns } from '../export/figure-columns';
import { tierText } from '../export/figure-cells';
import { appendTable, type Column } from '../export/workbook-style';
import { defineSection } from '../review-context';

/** 2. Stores: every active store's figures, last week's, tier and movement. */
export const storesSection = defineSection({
  key: 'stores',
  build({ stores }) {
    return stores.stores.map((store) => ({
      storeId: store.storeId,
      code: store.code,
      name: store.name,
      pilotWave: store.pilotWave,
      tier: store.tier,
      previousTier: store.previousTier,
      current: store.current,
      previous: store.previous,
    }));
  },
  sheet: { name: '门店', write: writeStores },
});

const waves: Record<ReviewStore['pilotWave'], string> = {
  pilot: '试验田',
  wave1: '第一批推广',
  wave2: '第二批推广',
  none: '暂未推广',
};
const arrows = { up: '↑ 上升', down: '↓ 下降', in: '新有数据', out: '本周无数据' } as const;

/** 门店: one row per store with every figure, the change, its tier and movement. */
function writeStores(sheet: Worksheet, review: Review): void {
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
  appendTable(sheet, columns, review.stores, true);
}
