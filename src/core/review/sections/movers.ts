import type { Worksheet } from 'exceljs';
import { biggestChanges, tierMove } from '../../../shared/metrics/rankings';
import type { FigureName, Figures } from '../../../shared/metrics/weekly-figures';
import type { Mover, Review } from '../../../shared/review/review-schema';
import { tierText } from '../export/figure-cells';
import { appendTable, fitColumns, type Column, type ColumnKind } from '../export/workbook-style';
import { defineSection } from '../review-context';

function movers<T extends { current: Figures; previous: Figures }>(
  items: readonly T[],
  figure: FigureName,
  idOf: (item: T) => string,
  labelOf: (item: T) => string,
) {
  const { rises, falls } = biggestChanges(items, figure, 5);
  const toMover = ({ item, delta }: { item: T; delta: number }): Mover => ({
    id: idOf(item),
    label: labelOf(item),
    delta,
    current: item.current[figure],
    previous: item.previous[figure],
  });
  return { rises: rises.map(toMover), falls: falls.map(toMover) };
}

/** 4. Movers: the five biggest rises and falls in net sales and net new contacts; tier moves. */
export const moversSection = defineSection({
  key: 'movers',
  build({ stores, guides }) {
    const storeId = (store: (typeof stores.stores)[number]) => store.storeId;
    const storeLabel = (store: (typeof stores.stores)[number]) => `${store.code} ${store.name}`;
    const guideId = (guide: (typeof guides)[number]) => guide.guideId;
    const guideLabel = (guide: (typeof guides)[number]) => `${guide.name}（${guide.storeCode} ${guide.storeName}）`;
    return {
      stores: {
        netSalesFen: movers(stores.stores, 'netSalesFen', storeId, storeLabel),
        netNewContacts: movers(stores.stores, 'netNewContacts', storeId, storeLabel),
      },
      guides: {
        netSalesFen: movers(guides, 'netSalesFen', guideId, guideLabel),
        netNewContacts: movers(guides, 'netNewContacts', guideId, guideLabel),
      },
      tierMoves: stores.stores.flatMap((store) => {
        const move = tierMove(store.tier, store.previousTier);
        return move ? [{ storeId: store.storeId, code: store.code, name: store.name, ...move }] : [];
      }),
    };
  },
  sheet: { name: '变化', write: writeMovers },
});

interface MoverRow {
  group: string;
  direction: string;
  mover: Mover;
  money: boolean;
}

/** 变化: the biggest rises and falls, then the stores that changed tier. */
function writeMovers(sheet: Worksheet, review: Review): void {
  const rows: MoverRow[] = [];
  const lists = [
    ['门店 · 净销售额', review.movers.stores.netSalesFen, true],
    ['门店 · 净增客户', review.movers.stores.netNewContacts, false],
    ['导购 · 净销售额', review.movers.guides.netSalesFen, true],
    ['导购 · 净增客户', review.movers.guides.netNewContacts, false],
  ] as const;
  for (const [group, list, money] of lists) {
    for (const mover of list.rises) rows.push({ group, direction: '上升', mover, money });
    for (const mover of list.falls) rows.push({ group, direction: '下降', mover, money });
  }
  const scale = (row: MoverRow, value: number | null) => (value === null ? null : row.money ? value / 100 : value);
  // Money rows and contact rows share the columns: each row is written in its own unit.
  const valueKind = (row: MoverRow): ColumnKind => (row.money ? 'money' : 'integer');
  const columns: Column<MoverRow>[] = [
    { header: '类别', kind: 'text', value: (row) => row.group },
    { header: '方向', kind: 'text', value: (row) => row.direction },
    { header: '名称', kind: 'text', value: (row) => row.mover.label },
    { header: '本周', kind: valueKind, value: (row) => scale(row, row.mover.current) },
    { header: '上周', kind: valueKind, value: (row) => scale(row, row.mover.previous) },
    {
      header: '变化',
      kind: (row) => (row.money ? 'moneyChange' : 'integerChange'),
      value: (row) => scale(row, row.mover.delta),
    },
  ];
  appendTable(sheet, columns, rows, true);
  const moves = review.movers.tierMoves;
  const start = sheet.rowCount + 2;
  const header = sheet.getRow(start);
  ['分层变化的门店', '上周', '本周'].forEach((text, index) => {
    header.getCell(index + 1).value = text;
    header.getCell(index + 1).font = { bold: true };
  });
  moves.forEach((move, index) => {
    const line = sheet.getRow(start + 1 + index);
    line.getCell(1).value = `${move.code} ${move.name}`;
    line.getCell(2).value = tierText(review, move.from);
    line.getCell(3).value =
      `${tierText(review, move.to) ?? ''} ${move.direction === 'up' ? '↑' : move.direction === 'down' ? '↓' : ''}`.trim();
    line.getCell(3).font = {
      color: { argb: move.direction === 'down' || move.direction === 'out' ? 'FFD03050' : 'FF18A058' },
    };
  });
  // The tier moves are written below the fitted table: fit the columns to them too.
  fitColumns(sheet);
}
