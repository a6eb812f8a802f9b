import { summedMetrics } from '../../../shared/metrics/weekly-figures';
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
      importsWithRejectedRows: db.all<{
        importId: string;
        kind: string;
        fileName: string | null;
        createdAt: string;
        rejected: number;
      }>(
        `SELECT b.id AS importId, b.kind, b.file_name AS fileName, b.created_at AS createdAt,
           json_extract(b.summary, '$.rows.rejected') AS rejected
         FROM import_batches b
         WHERE b.undone_at IS NULL AND ifnull(json_extract(b.summary, '$.rows.rejected'), 0) > 0
           AND (
             (json_extract(b.summary, '$.period.from') <= @to AND json_extract(b.summary, '$.period.to') >= @from)
             OR EXISTS (SELECT 1 FROM sales_facts f WHERE f.import_id = b.id AND f.date BETWEEN @from AND @to)
             OR EXISTS (SELECT 1 FROM activity_facts f WHERE f.import_id = b.id AND f.date BETWEEN @from AND @to)
             OR EXISTS (SELECT 1 FROM contact_facts f WHERE f.import_id = b.id AND f.period_from BETWEEN @from AND @to)
           )
         ORDER BY b.created_at`,
        { from: freshness.from, to: freshness.to },
      ),
    };
  },
});
