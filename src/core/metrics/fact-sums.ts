import { isoWeekRange } from '../../shared/dates/iso-week';
import { emptySums, type SummedFigures } from '../../shared/metrics/weekly-figures';
import type { Database } from '../db/database';

/** One guide's (or a store's unattributed) sums for a week; guideId is null for store-level rows. */
export interface FactSums {
  storeId: string;
  guideId: string | null;
  sums: SummedFigures;
  /** Days of the week with any sales row: 7 of 7 means the week's sales were imported in full. */
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

/**
 * A week's rows. The facts are read from the covering *_week indexes (migration 0003), which lead
 * with the Sunday ending each row's week: asking for that Sunday in exactly the index's words lets
 * SQLite find the week with one equality and hand over the rows already grouped (store, guide),
 * with nothing to sort. The date condition keeps rows with a malformed date out, as before.
 */
function inWeek(column: string): string {
  return `date(${column}, 'weekday 0') = @to AND ${column} BETWEEN @from AND @to`;
}

// Online = every channel but pos (channels.ts).
const salesSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    sum(gross_sales_fen) AS grossSalesFen, sum(refunds_fen) AS refundsFen,
    sum(CASE WHEN channel <> 'pos' AND (gross_sales_fen IS NOT NULL OR refunds_fen IS NOT NULL)
        THEN ifnull(gross_sales_fen, 0) - ifnull(refunds_fen, 0) END) AS onlineNetSalesFen,
    sum(orders) AS orders, sum(new_members) AS newMembers, count(DISTINCT date) AS salesDays
  FROM sales_facts WHERE ${inWeek('date')}
  GROUP BY store_id, guide_id`;

interface ContactRow {
  storeId: string;
  guideId: string;
  /** This group (guide in one store) holds the guide's whole-week row. */
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
 * Contact statistics arrive either as one row for the whole week (the WeCom export for the
 * week) or as shorter periods (the daily template). Counting both would count every new
 * customer twice, so a guide's whole-week row wins and shorter rows inside the week are used
 * only when there is none. Periods that cross the week's edges are left out: they cannot be split.
 * "Has a whole-week row" is asked of the guide, not of the guide in one store: the daily
 * template files a row under the store it names, the WeCom export under the guide's roster
 * store, so a guide who moved mid-week can have the two under different stores. A whole-week
 * row always lies inside the week, so the guide's groups below show whether it has one.
 */
const contactSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    max(period_from = @from AND period_to = @to) AS holdsWhole,
    ${Object.entries(contactMetrics)
      .map(
        ([name, column]) =>
          `sum(CASE WHEN period_from = @from AND period_to = @to THEN ${column} END) AS whole_${name},
    sum(CASE WHEN NOT (period_from = @from AND period_to = @to) THEN ${column} END) AS part_${name}`,
      )
      .join(',\n    ')}
  FROM contact_facts WHERE ${inWeek('period_from')} AND period_to <= @to
  GROUP BY store_id, guide_id`;

interface ActivityRow {
  storeId: string;
  guideId: string;
  momentsPosts: number | null;
  groupMessages: number | null;
  activityDays: number;
}

const activitySql = `
  SELECT store_id AS storeId, guide_id AS guideId, sum(moments_posts) AS momentsPosts,
    sum(group_messages) AS groupMessages, count(DISTINCT date) AS activityDays
  FROM activity_facts WHERE ${inWeek('date')}
  GROUP BY store_id, guide_id`;

const contactNames = Object.keys(contactMetrics) as (keyof typeof contactMetrics)[];
const contactColumns = {
  whole: contactNames.map((name) => [name, `whole_${name}`] as const),
  part: contactNames.map((name) => [name, `part_${name}`] as const),
};
/** Copied for each guide: thousands of copies of one object are far cheaper than building each. */
const noSums: Readonly<SummedFigures> = emptySums();

/**
 * Every guide's sums (and each store's unattributed sales) for an ISO week, summed from the
 * facts. The weekly rollup (week-rollup.ts) keeps these rows; everything else reads it.
 */
export function factSumsForWeek(db: Database, week: string): FactSums[] {
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
  const range = isoWeekRange(week);
  for (const row of db.all<SalesRow>(salesSql, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.grossSalesFen = row.grossSalesFen;
    target.sums.refundsFen = row.refundsFen;
    target.sums.onlineNetSalesFen = row.onlineNetSalesFen;
    target.sums.orders = row.orders;
    target.sums.newMembers = row.newMembers;
    target.salesDays = row.salesDays;
  }
  const contactRows = db.all<ContactRow>(contactSql, range);
  const withWhole = new Set(contactRows.filter((row) => row.holdsWhole).map((row) => row.guideId));
  for (const row of contactRows) {
    const target = entry(row.storeId, row.guideId);
    for (const [name, column] of contactColumns[withWhole.has(row.guideId) ? 'whole' : 'part']) {
      target.sums[name] = row[column] as number | null;
    }
    target.contactsReported = true;
  }
  for (const row of db.all<ActivityRow>(activitySql, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.momentsPosts = row.momentsPosts;
    target.sums.groupMessages = row.groupMessages;
    target.activityDays = row.activityDays;
  }
  return [...byKey.values()];
}
