import { isoWeekRange, type IsoWeek } from '../../shared/dates/iso-week';
import {
  emptySums,
  sumAll,
  summedMetrics,
  type SummedFigures,
  type SummedMetric,
} from '../../shared/metrics/weekly-figures';
import type { Database } from '../db/database';
import { factSumsForWeek, type FactSums } from './fact-sums';
import { weeksWithFigures } from './weeks-with-figures';

/** One store's sums for a week, and whether it has any sales or contact rows in it. */
export interface StoreFactSums {
  sums: SummedFigures;
  hasSales: boolean;
  hasContacts: boolean;
}

const columnOf: Record<SummedMetric, string> = {
  grossSalesFen: 'gross_sales_fen',
  refundsFen: 'refunds_fen',
  onlineNetSalesFen: 'online_net_sales_fen',
  orders: 'orders',
  newMembers: 'new_members',
  contactRequests: 'contact_requests',
  newContacts: 'new_contacts',
  lostContacts: 'lost_contacts',
  chats: 'chats',
  messagesSent: 'messages_sent',
  momentsPosts: 'moments_posts',
  groupMessages: 'group_messages',
};
const metricColumns = summedMetrics.map((name) => columnOf[name]);

const insertSql = `INSERT INTO week_rollup (week_end, store_id, guide_key, sales_days, activity_days, contacts_reported, ${metricColumns.join(', ')})
  VALUES (?, ?, ?, ?, ?, ?, ${metricColumns.map(() => '?').join(', ')})`;

function sumWeek(db: Database, week: IsoWeek): void {
  const { to } = isoWeekRange(week);
  db.transaction(() => {
    db.run('DELETE FROM week_rollup WHERE week_end = ?', [to]);
    for (const row of factSumsForWeek(db, week)) {
      db.run(insertSql, [
        to,
        row.storeId,
        row.guideId ?? '',
        row.salesDays,
        row.activityDays,
        row.contactsReported ? 1 : 0,
        ...summedMetrics.map((name) => row.sums[name]),
      ]);
    }
    db.run('INSERT OR IGNORE INTO week_rollup_state (week_end) VALUES (?)', [to]);
  });
}

/**
 * Part of every write to the facts (an import, its undo, the demo): sums again each week whose
 * facts changed since it was last summed (the triggers of migration 0003 drop it from
 * week_rollup_state), so reads find it ready and never write themselves.
 */
export function refreshStaleWeeks(db: Database): void {
  const summed = new Set(
    db.all<{ weekEnd: string }>('SELECT week_end AS weekEnd FROM week_rollup_state').map((row) => row.weekEnd),
  );
  for (const week of weeksWithFigures(db)) {
    if (!summed.has(isoWeekRange(week).to)) sumWeek(db, week);
  }
}

/** The week's Sunday when the rollup holds the week as the facts are now, else null. */
function summedWeekEnd(db: Database, week: IsoWeek): string | null {
  const { to } = isoWeekRange(week);
  return db.get('SELECT 1 FROM week_rollup_state WHERE week_end = ?', [to]) ? to : null;
}

type RollupRow = Record<string, number | string | null> & {
  storeId: string;
  guideKey: string;
  salesDays: number;
  activityDays: number;
  contactsReported: number;
};

const selectColumns = summedMetrics.map((name) => `${columnOf[name]} AS ${name}`).join(', ');

function sumsOf(row: Record<string, unknown>): SummedFigures {
  const sums = emptySums();
  for (const name of summedMetrics) sums[name] = row[name] as number | null;
  return sums;
}

/** Every guide's week (and each store's unattributed sales), as factSumsForWeek gives it. */
export function weekFactSums(db: Database, week: IsoWeek, onlyGuides?: readonly string[]): FactSums[] {
  const sunday = summedWeekEnd(db, week);
  if (sunday === null) {
    // Not summed since its facts changed (a workspace written before this rule): summed here, in memory.
    const rows = factSumsForWeek(db, week);
    if (!onlyGuides) return rows;
    const wanted = new Set(onlyGuides);
    return rows.filter((row) => wanted.has(row.guideId ?? ''));
  }
  const select = `SELECT store_id AS storeId, guide_key AS guideKey, sales_days AS salesDays, activity_days AS activityDays,
      contacts_reported AS contactsReported, ${selectColumns}
    FROM week_rollup WHERE week_end = ?`;
  const rows = onlyGuides
    ? db.all<RollupRow>(`${select} AND guide_key IN (SELECT value FROM json_each(?))`, [
        sunday,
        JSON.stringify(onlyGuides),
      ])
    : db.all<RollupRow>(select, [sunday]);
  return rows.map((row) => ({
    storeId: row.storeId,
    guideId: row.guideKey === '' ? null : row.guideKey,
    sums: sumsOf(row),
    salesDays: row.salesDays,
    activityDays: row.activityDays,
    contactsReported: row.contactsReported === 1,
  }));
}

/** Every store's week: its guides' rows added up by SQLite (sum of nothing stays NULL). */
export function weekStoreSums(db: Database, week: IsoWeek): Map<string, StoreFactSums> {
  const sunday = summedWeekEnd(db, week);
  if (sunday === null) return storeSumsOf(factSumsForWeek(db, week));
  const rows = db.all<
    Record<string, number | string | null> & { storeId: string; hasSales: number; hasContacts: number }
  >(
    `SELECT store_id AS storeId, max(sales_days > 0) AS hasSales, max(contacts_reported) AS hasContacts,
       ${summedMetrics.map((name) => `sum(${columnOf[name]}) AS ${name}`).join(', ')}
     FROM week_rollup WHERE week_end = ? GROUP BY store_id`,
    [sunday],
  );
  return new Map(
    rows.map((row) => [
      row.storeId,
      { sums: sumsOf(row), hasSales: row.hasSales === 1, hasContacts: row.hasContacts === 1 },
    ]),
  );
}

function storeSumsOf(rows: readonly FactSums[]): Map<string, StoreFactSums> {
  const stores = new Map<string, { rows: FactSums[]; hasSales: boolean; hasContacts: boolean }>();
  for (const row of rows) {
    let store = stores.get(row.storeId);
    if (!store) stores.set(row.storeId, (store = { rows: [], hasSales: false, hasContacts: false }));
    store.rows.push(row);
    store.hasSales ||= row.salesDays > 0;
    store.hasContacts ||= row.contactsReported;
  }
  return new Map(
    [...stores].map(([storeId, store]) => [
      storeId,
      { sums: sumAll(store.rows.map((row) => row.sums)), hasSales: store.hasSales, hasContacts: store.hasContacts },
    ]),
  );
}
