import { isoWeekRange, type IsoWeek } from '../../shared/dates/iso-week';
import type { Freshness } from '../../shared/metrics/weekly-schema';
import type { Database } from '../db/database';
import { activityDaysByStore, latestSalesDate, salesDaysByStore, storesWithContactsBetween } from '../facts/fact-weeks';
import { activeStores } from '../stores/store-repository';

/** Which stores are missing data for a week, and when each kind of file was last imported. */
export function weekFreshness(db: Database, week: IsoWeek): Freshness {
  const { from, to } = isoWeekRange(week);
  const range = { from, to };
  const salesDays = salesDaysByStore(db, range);
  const activityDays = activityDaysByStore(db, range);
  const contacts = storesWithContactsBetween(db, range);
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
    latestSalesDate: latestSalesDate(db),
  };
}
