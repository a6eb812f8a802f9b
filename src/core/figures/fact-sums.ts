import { addDays, isoWeekday } from '../../shared/dates/local-date';
import { emptySums, type SummedFigures } from '../../shared/metrics/weekly-figures';
import type { Database } from '../db/database';

/** One guide's (or a store's unattributed) sums for a date range; guideId is null for store-level rows. */
export interface FactSums {
  storeId: string;
  guideId: string | null;
  sums: SummedFigures;
  /** Days in the range with any sales row: 7 of 7 means the week's sales were imported in full. */
  salesDays: number;
  activityDays: number;
  contactsReported: boolean;
}

interface SalesRow {
  storeId: string;
  guideId: string | null;
  grossSalesFen: number | null;
  refundsFen: number | null;
  onlineNetSalesFen: number | null;
  orders: number | null;
  newMembers: number | null;
  salesDays: number;
}

type RangeKind = 'week' | 'other';

/**
 * The rows of a range. For a whole Monday–Sunday week the facts are read from the covering
 * *_week indexes (migration 0003), which lead with the Sunday ending each row's week: asking for
 * that Sunday in exactly the index's words lets SQLite find the week with one equality and hand
 * over the rows already grouped (store, guide), with nothing to sort. The date condition stays,
 * so both forms select the same rows; any other range is read by its dates alone.
 */
function inRange(kind: RangeKind, column: string): string {
  const byDate = `${column} BETWEEN @from AND @to`;
  return kind === 'week' ? `date(${column}, 'weekday 0') = @to AND ${byDate}` : byDate;
}

// Online = every channel but pos (channels.ts).
const salesSums = `sum(gross_sales_fen) AS grossSalesFen, sum(refunds_fen) AS refundsFen,
    sum(CASE WHEN channel <> 'pos' AND (gross_sales_fen IS NOT NULL OR refunds_fen IS NOT NULL)
        THEN ifnull(gross_sales_fen, 0) - ifnull(refunds_fen, 0) END) AS onlineNetSalesFen,
    sum(orders) AS orders, sum(new_members) AS newMembers`;

const salesSql = (kind: RangeKind) => `
  SELECT store_id AS storeId, guide_id AS guideId, ${salesSums}, count(DISTINCT date) AS salesDays
  FROM sales_facts WHERE ${inRange(kind, 'date')}
  GROUP BY store_id, guide_id`;

const storeSalesSql = (kind: RangeKind) => `
  SELECT store_id AS storeId, ${salesSums}
  FROM sales_facts WHERE ${inRange(kind, 'date')}
  GROUP BY store_id`;

interface ContactRow {
  storeId: string;
  guideId: string;
  /** This group (guide in one store) holds the guide's whole-range row. */
  holdsWhole: number;
  [key: string]: string | number | null;
}

const contactMetrics = {
  contactRequests: 'contact_requests',
  newContacts: 'new_contacts',
  lostContacts: 'lost_contacts',
  chats: 'chats',
  messagesSent: 'messages_sent',
} as const;

/*
 * Contact statistics arrive either as one row for the whole range (the WeCom export for the
 * week) or as shorter periods (the daily template). Counting both would count every new
 * customer twice, so a guide's whole-range row wins and shorter rows inside the range are used
 * only when there is none. Periods that cross the range's edges are left out: they cannot be split.
 * "Has a whole-range row" is asked of the guide, not of the guide in one store: the daily
 * template files a row under the store it names, the WeCom export under the guide's roster
 * store, so a guide who moved mid-week can have the two under different stores. A whole-range
 * row always lies inside the range, so the guide's groups below show whether it has one.
 */
const contactSql = (kind: RangeKind) => `
  SELECT store_id AS storeId, guide_id AS guideId,
    max(period_from = @from AND period_to = @to) AS holdsWhole,
    ${Object.entries(contactMetrics)
      .map(
        ([name, column]) =>
          `sum(CASE WHEN period_from = @from AND period_to = @to THEN ${column} END) AS whole_${name},
    sum(CASE WHEN NOT (period_from = @from AND period_to = @to) THEN ${column} END) AS part_${name}`,
      )
      .join(',\n    ')}
  FROM contact_facts WHERE ${inRange(kind, 'period_from')} AND period_to <= @to
  GROUP BY store_id, guide_id`;

/**
 * The same choice summed per store: a row counts when it is its guide's whole-range row, or
 * when its guide has none. Which stores reported contacts at all is asked separately, since a
 * store can hold only rows that do not count (a moved guide's days beside a whole-week row).
 */
const storeContactSql = (kind: RangeKind) => `
  WITH guides_with_whole AS MATERIALIZED (
    SELECT guide_id FROM contact_facts WHERE period_from = @from AND period_to = @to)
  SELECT store_id AS storeId,
    ${Object.entries(contactMetrics)
      .map(([name, column]) => `sum(${column}) AS ${name}`)
      .join(', ')}
  FROM contact_facts
  WHERE ${inRange(kind, 'period_from')} AND period_to <= @to
    AND (period_from = @from AND period_to = @to) = (guide_id IN guides_with_whole)
  GROUP BY store_id`;

const storesWithContactsSql = (kind: RangeKind) => `
  SELECT store_id AS storeId FROM contact_facts
  WHERE ${inRange(kind, 'period_from')} AND period_to <= @to
  GROUP BY store_id`;

interface ActivityRow {
  storeId: string;
  guideId: string;
  momentsPosts: number | null;
  groupMessages: number | null;
  activityDays: number;
}

const activitySums = 'sum(moments_posts) AS momentsPosts, sum(group_messages) AS groupMessages';

const activitySql = (kind: RangeKind) => `
  SELECT store_id AS storeId, guide_id AS guideId, ${activitySums}, count(DISTINCT date) AS activityDays
  FROM activity_facts WHERE ${inRange(kind, 'date')}
  GROUP BY store_id, guide_id`;

const storeActivitySql = (kind: RangeKind) => `
  SELECT store_id AS storeId, ${activitySums}
  FROM activity_facts WHERE ${inRange(kind, 'date')}
  GROUP BY store_id`;

const statementsFor = (kind: RangeKind) => ({
  sales: salesSql(kind),
  contacts: contactSql(kind),
  activity: activitySql(kind),
  storeSales: storeSalesSql(kind),
  storeContacts: storeContactSql(kind),
  storesWithContacts: storesWithContactsSql(kind),
  storeActivity: storeActivitySql(kind),
});
const statements = { week: statementsFor('week'), other: statementsFor('other') } as const;

function statementsForRange(from: string, to: string) {
  return statements[isoWeekday(from) === 1 && addDays(from, 6) === to ? 'week' : 'other'];
}

const contactNames = Object.keys(contactMetrics) as (keyof typeof contactMetrics)[];
const contactColumns = {
  whole: contactNames.map((name) => [name, `whole_${name}`] as const),
  part: contactNames.map((name) => [name, `part_${name}`] as const),
};
/** Copied for each guide: thousands of copies of one object are far cheaper than building each. */
const noSums: Readonly<SummedFigures> = emptySums();

/** Every guide's sums (and each store's unattributed sales) for the inclusive date range. */
export function factSumsForRange(db: Database, from: string, to: string): FactSums[] {
  const byKey = new Map<string, FactSums>();
  const entry = (storeId: string, guideId: string | null): FactSums => {
    const key = `${storeId}|${guideId ?? ''}`;
    let found = byKey.get(key);
    if (!found) {
      found = { storeId, guideId, sums: { ...noSums }, salesDays: 0, activityDays: 0, contactsReported: false };
      byKey.set(key, found);
    }
    return found;
  };
  const range = { from, to };
  const sql = statementsForRange(from, to);
  for (const row of db.all<SalesRow>(sql.sales, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.grossSalesFen = row.grossSalesFen;
    target.sums.refundsFen = row.refundsFen;
    target.sums.onlineNetSalesFen = row.onlineNetSalesFen;
    target.sums.orders = row.orders;
    target.sums.newMembers = row.newMembers;
    target.salesDays = row.salesDays;
  }
  const contactRows = db.all<ContactRow>(sql.contacts, range);
  const withWhole = new Set(contactRows.filter((row) => row.holdsWhole).map((row) => row.guideId));
  for (const row of contactRows) {
    const target = entry(row.storeId, row.guideId);
    for (const [name, column] of contactColumns[withWhole.has(row.guideId) ? 'whole' : 'part']) {
      target.sums[name] = row[column] as number | null;
    }
    target.contactsReported = true;
  }
  for (const row of db.all<ActivityRow>(sql.activity, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.momentsPosts = row.momentsPosts;
    target.sums.groupMessages = row.groupMessages;
    target.activityDays = row.activityDays;
  }
  return [...byKey.values()];
}

/** One store's sums for a range, and whether it has any sales or contact rows in it. */
export interface StoreFactSums {
  sums: SummedFigures;
  hasSales: boolean;
  hasContacts: boolean;
}

type StoreRow<T> = { storeId: string } & T;

/**
 * Every store's sums for the range, equal to adding up its rows of factSumsForRange (missing is
 * not zero either way), but summed by SQLite per store: a few hundred rows to read, not thousands.
 */
export function storeSumsForRange(db: Database, from: string, to: string): Map<string, StoreFactSums> {
  const byStore = new Map<string, StoreFactSums>();
  const entry = (storeId: string): StoreFactSums => {
    let found = byStore.get(storeId);
    if (!found) {
      found = { sums: { ...noSums }, hasSales: false, hasContacts: false };
      byStore.set(storeId, found);
    }
    return found;
  };
  const range = { from, to };
  const sql = statementsForRange(from, to);
  for (const row of db.all<StoreRow<Omit<SalesRow, 'guideId' | 'salesDays'>>>(sql.storeSales, range)) {
    const target = entry(row.storeId);
    target.sums.grossSalesFen = row.grossSalesFen;
    target.sums.refundsFen = row.refundsFen;
    target.sums.onlineNetSalesFen = row.onlineNetSalesFen;
    target.sums.orders = row.orders;
    target.sums.newMembers = row.newMembers;
    target.hasSales = true;
  }
  for (const row of db.all<StoreRow<Record<keyof typeof contactMetrics, number | null>>>(sql.storeContacts, range)) {
    const target = entry(row.storeId);
    for (const name of contactNames) target.sums[name] = row[name];
  }
  for (const row of db.all<StoreRow<object>>(sql.storesWithContacts, range)) entry(row.storeId).hasContacts = true;
  for (const row of db.all<StoreRow<Pick<ActivityRow, 'momentsPosts' | 'groupMessages'>>>(sql.storeActivity, range)) {
    const target = entry(row.storeId);
    target.sums.momentsPosts = row.momentsPosts;
    target.sums.groupMessages = row.groupMessages;
  }
  return byStore;
}
