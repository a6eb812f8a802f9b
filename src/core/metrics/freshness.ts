import { isoWeekRange } from '../../shared/dates/iso-week';
import type { Freshness } from '../../shared/metrics/weekly-schema';
import type { Database } from '../db/database';
import { activeStores } from '../stores/store-repository';

/** Which stores are missing data for a week, and when each kind of file was last imported. */
export function weekFreshness(db: Database, week: string): Freshness {
  const { from, to } = isoWeekRange(week);
  const counts = (sql: string) =>
    new Map(db.all<{ storeId: string; days: number }>(sql, { from, to }).map((row) => [row.storeId, row.days]));
  // The week is found through the *_week indexes (migration 0003, as in fact-sums.ts).
  const salesDays = counts(
    `SELECT store_id AS storeId, count(DISTINCT date) AS days FROM sales_facts
     WHERE date(date, 'weekday 0') = @to AND date BETWEEN @from AND @to GROUP BY store_id`,
  );
  const activityDays = counts(
    `SELECT store_id AS storeId, count(DISTINCT date) AS days FROM activity_facts
     WHERE date(date, 'weekday 0') = @to AND date BETWEEN @from AND @to GROUP BY store_id`,
  );
  const contacts = counts(
    `SELECT store_id AS storeId, 1 AS days FROM contact_facts
     WHERE date(period_from, 'weekday 0') = @to AND period_from BETWEEN @from AND @to AND period_to <= @to
     GROUP BY store_id`,
  );
  return {
    week,
    from,
    to,
    stores: activeStores(db).map((store) => ({
      storeId: store.id,
      code: store.code,
      name: store.name,
      salesDays: salesDays.get(store.id) ?? 0,
      contactsReported: contacts.has(store.id),
      activityDays: activityDays.get(store.id) ?? 0,
    })),
    latestImports: db.all(
      `SELECT kind, max(created_at) AS createdAt,
         (SELECT file_name FROM import_batches b2 WHERE b2.kind = b.kind AND b2.undone_at IS NULL
          ORDER BY created_at DESC LIMIT 1) AS fileName
       FROM import_batches b WHERE undone_at IS NULL GROUP BY kind ORDER BY kind`,
    ),
    latestSalesDate: db.get<{ date: string | null }>('SELECT max(date) AS date FROM sales_facts')?.date ?? null,
  };
}
