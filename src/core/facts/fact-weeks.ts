import type { Database } from '../db/database';

/** A local date range, both ends included (an ISO week's Monday and Sunday). */
export interface DateRange {
  from: string;
  to: string;
}

/** The range as named parameters (@from, @to). */
const named = ({ from, to }: DateRange) => ({ from, to });

/*
 * Reads of the facts by date. Each finds its rows through the index that leads with the date
 * (migration 0006: the sales key, the activity and contact date indexes); the metric columns are
 * then read from the rows, which an import writes together, so a week's rows sit close together.
 */

export interface WeekSalesRow {
  storeId: string;
  guideId: string | null;
  grossSalesFen: number | null;
  refundsFen: number | null;
  onlineNetSalesFen: number | null;
  orders: number | null;
  newMembers: number | null;
  salesDays: number;
}

// Online = every channel but pos (channels.ts).
const salesSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    sum(gross_sales_fen) AS grossSalesFen, sum(refunds_fen) AS refundsFen,
    sum(CASE WHEN channel <> 'pos' AND (gross_sales_fen IS NOT NULL OR refunds_fen IS NOT NULL)
        THEN ifnull(gross_sales_fen, 0) - ifnull(refunds_fen, 0) END) AS onlineNetSalesFen,
    sum(orders) AS orders, sum(new_members) AS newMembers, count(DISTINCT date) AS salesDays
  FROM sales_facts WHERE date BETWEEN @from AND @to
  GROUP BY store_id, guide_id`;

/** Each guide's (and each store's unattributed) sales summed over the range. */
export function salesSumsBetween(db: Database, range: DateRange): WeekSalesRow[] {
  return db.all<WeekSalesRow>(salesSql, named(range));
}

/** The contact metrics summed for a week, by column. */
export const contactMetricColumns = {
  contactRequests: 'contact_requests',
  newContacts: 'new_contacts',
  lostContacts: 'lost_contacts',
  chats: 'chats',
  messagesSent: 'messages_sent',
} as const;
export type ContactMetric = keyof typeof contactMetricColumns;

export interface WeekContactRow {
  storeId: string;
  guideId: string;
  /** This group (guide in one store) holds the guide's row for exactly the range. */
  holdsWhole: number;
  /** whole_<metric>: the row for exactly the range; part_<metric>: shorter periods inside it. */
  [column: string]: string | number | null;
}

// Periods that cross the range's edges are left out: they cannot be split.
const contactSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    max(period_from = @from AND period_to = @to) AS holdsWhole,
    ${Object.entries(contactMetricColumns)
      .map(
        ([name, column]) =>
          `sum(CASE WHEN period_from = @from AND period_to = @to THEN ${column} END) AS whole_${name},
    sum(CASE WHEN NOT (period_from = @from AND period_to = @to) THEN ${column} END) AS part_${name}`,
      )
      .join(',\n    ')}
  FROM contact_facts WHERE period_from BETWEEN @from AND @to AND period_to <= @to
  GROUP BY store_id, guide_id`;

/** Each guide's contact statistics inside the range, the whole-range row and shorter ones apart. */
export function contactSumsBetween(db: Database, range: DateRange): WeekContactRow[] {
  return db.all<WeekContactRow>(contactSql, named(range));
}

export interface WeekActivityRow {
  storeId: string;
  guideId: string;
  momentsPosts: number | null;
  groupMessages: number | null;
  activityDays: number;
}

const activitySql = `
  SELECT store_id AS storeId, guide_id AS guideId, sum(moments_posts) AS momentsPosts,
    sum(group_messages) AS groupMessages, count(DISTINCT date) AS activityDays
  FROM activity_facts WHERE date BETWEEN @from AND @to
  GROUP BY store_id, guide_id`;

/** Each guide's activity summed over the range. */
export function activitySumsBetween(db: Database, range: DateRange): WeekActivityRow[] {
  return db.all<WeekActivityRow>(activitySql, named(range));
}

function countsByStore(db: Database, sql: string, range: DateRange): Map<string, number> {
  return new Map(db.all<{ storeId: string; n: number }>(sql, named(range)).map((row) => [row.storeId, row.n]));
}

/** Days of the range with any sales row, per store (answered from the sales key alone). */
export function salesDaysByStore(db: Database, range: DateRange): Map<string, number> {
  return countsByStore(
    db,
    `SELECT store_id AS storeId, count(DISTINCT date) AS n FROM sales_facts
     WHERE date BETWEEN @from AND @to GROUP BY store_id`,
    range,
  );
}

/** Days of the range with any activity row, per store (answered from the activity date index alone). */
export function activityDaysByStore(db: Database, range: DateRange): Map<string, number> {
  return countsByStore(
    db,
    `SELECT store_id AS storeId, count(DISTINCT date) AS n FROM activity_facts
     WHERE date BETWEEN @from AND @to GROUP BY store_id`,
    range,
  );
}

/** Stores with contact statistics for a period inside the range. */
export function storesWithContactsBetween(db: Database, range: DateRange): Set<string> {
  return new Set(
    db
      .all<{ storeId: string }>(
        `SELECT DISTINCT store_id AS storeId FROM contact_facts
         WHERE period_from BETWEEN @from AND @to AND period_to <= @to`,
        named(range),
      )
      .map((row) => row.storeId),
  );
}

/** The latest date any sales row carries. */
export function latestSalesDate(db: Database): string | null {
  return db.get<{ date: string | null }>('SELECT max(date) AS date FROM sales_facts')?.date ?? null;
}

/** The tables whose dates say a week holds figures (sales, WeCom contacts, activity). */
const figureDates = [
  { table: 'sales_facts', column: 'date' },
  { table: 'contact_facts', column: 'period_from' },
  { table: 'activity_facts', column: 'date' },
] as const;

/**
 * The latest date before `before` on which any sales, contact or activity fact is dated (each
 * one seek in a date index), or null. Walking back from one week's Monday to the next finds the
 * weeks with figures in one step per week, however many rows a week holds.
 */
export function latestFigureDateBefore(db: Database, before: string): string | null {
  let latest: string | null = null;
  for (const { table, column } of figureDates) {
    const found =
      db.get<{ date: string | null }>(`SELECT max(${column}) AS date FROM ${table} WHERE ${column} < ?`, [before])
        ?.date ?? null;
    if (found !== null && (latest === null || found > latest)) latest = found;
  }
  return latest;
}
