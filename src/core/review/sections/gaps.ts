import type { Worksheet } from 'exceljs';
import { summedMetrics } from '../../../shared/metrics/weekly-figures';
import type { Review } from '../../../shared/review/review-schema';
import { appendTable, type Column } from '../export/workbook-style';
import { importHasFactsBetween } from '../../facts/fact-repository';
import { defineSection } from '../review-context';

/** 5. Data gaps: stores and guides without data this week, and imports that left rows out. */
export const gapsSection = defineSection({
  key: 'gaps',
  build({ db, stores, guides, freshness }) {
    const brief = (store: { storeId: string; code: string; name: string }) => ({
      storeId: store.storeId,
      code: store.code,
      name: store.name,
    });
    return {
      storesWithoutSales: freshness.stores.filter((store) => store.salesDays === 0).map(brief),
      storesWithPartialSales: freshness.stores
        .filter((store) => store.salesDays > 0 && store.salesDays < 7)
        .map((store) => ({ ...brief(store), salesDays: store.salesDays })),
      storesWithoutContacts: freshness.stores.filter((store) => !store.contactsReported).map(brief),
      guidesWithoutData: guides
        .filter((guide) => guide.employment === 'active' && summedMetrics.every((name) => guide.current[name] === null))
        .filter((guide) => stores.stores.some((store) => store.storeId === guide.storeId))
        .map((guide) => ({
          guideId: guide.guideId,
          staffNo: guide.staffNo,
          name: guide.name,
          storeCode: guide.storeCode,
        })),
      // Imports that touched this week (by their period or by facts they wrote) and left rows out.
      importsWithRejectedRows: db
        .all<{
          importId: string;
          kind: string;
          fileName: string | null;
          createdAt: string;
          rejected: number;
          periodFrom: string | null;
          periodTo: string | null;
        }>(
          `SELECT b.id AS importId, b.kind, b.file_name AS fileName, b.created_at AS createdAt,
             json_extract(b.summary, '$.rows.rejected') AS rejected,
             json_extract(b.summary, '$.period.from') AS periodFrom, json_extract(b.summary, '$.period.to') AS periodTo
           FROM import_batches b
           WHERE b.undone_at IS NULL AND ifnull(json_extract(b.summary, '$.rows.rejected'), 0) > 0
           ORDER BY b.created_at`,
        )
        .filter(
          (batch) =>
            (batch.periodFrom !== null &&
              batch.periodTo !== null &&
              batch.periodFrom <= freshness.to &&
              batch.periodTo >= freshness.from) ||
            importHasFactsBetween(db, batch.importId, freshness.from, freshness.to),
        )
        .map(({ periodFrom: _from, periodTo: _to, ...batch }) => batch),
    };
  },
  sheet: { name: '数据缺口', write: writeGaps },
});

interface GapRow {
  kind: string;
  who: string;
  detail: string;
}

/** 数据缺口: what is missing this week, so nobody reads a gap as a bad week. */
function writeGaps(sheet: Worksheet, review: Review): void {
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
  appendTable(sheet, columns, rows.length > 0 ? rows : [{ kind: '无', who: '', detail: '本周数据完整' }], true);
}
