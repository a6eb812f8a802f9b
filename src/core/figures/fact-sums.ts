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

// Reads only the covering index sales_facts_week. Online = every channel but pos (channels.ts).
const salesSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    sum(gross_sales_fen) AS grossSalesFen, sum(refunds_fen) AS refundsFen,
    sum(CASE WHEN channel <> 'pos' AND (gross_sales_fen IS NOT NULL OR refunds_fen IS NOT NULL)
        THEN ifnull(gross_sales_fen, 0) - ifnull(refunds_fen, 0) END) AS onlineNetSalesFen,
    sum(orders) AS orders, sum(new_members) AS newMembers, count(DISTINCT date) AS salesDays
  FROM sales_facts WHERE date BETWEEN @from AND @to
  GROUP BY store_id, guide_id`;

interface ContactRow {
  storeId: string;
  guideId: string;
  hasWhole: number;
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
 */
const contactSql = `
  SELECT store_id AS storeId, guide_id AS guideId,
    max(period_from = @from AND period_to = @to) AS hasWhole,
    ${Object.entries(contactMetrics)
      .map(
        ([name, column]) =>
          `sum(CASE WHEN period_from = @from AND period_to = @to THEN ${column} END) AS whole_${name},
    sum(CASE WHEN NOT (period_from = @from AND period_to = @to) THEN ${column} END) AS part_${name}`,
      )
      .join(',\n    ')}
  FROM contact_facts WHERE period_from BETWEEN @from AND @to AND period_to <= @to
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
  FROM activity_facts WHERE date BETWEEN @from AND @to
  GROUP BY store_id, guide_id`;

/** Every guide's sums (and each store's unattributed sales) for the inclusive date range. */
export function factSumsForRange(db: Database, from: string, to: string): FactSums[] {
  const byKey = new Map<string, FactSums>();
  const entry = (storeId: string, guideId: string | null): FactSums => {
    const key = `${storeId}|${guideId ?? ''}`;
    let found = byKey.get(key);
    if (!found) {
      found = { storeId, guideId, sums: emptySums(), salesDays: 0, activityDays: 0, contactsReported: false };
      byKey.set(key, found);
    }
    return found;
  };
  const range = { from, to };
  for (const row of db.all<SalesRow>(salesSql, range)) {
    const target = entry(row.storeId, row.guideId);
    Object.assign(target.sums, {
      grossSalesFen: row.grossSalesFen,
      refundsFen: row.refundsFen,
      onlineNetSalesFen: row.onlineNetSalesFen,
      orders: row.orders,
      newMembers: row.newMembers,
    });
    target.salesDays = row.salesDays;
  }
  for (const row of db.all<ContactRow>(contactSql, range)) {
    const target = entry(row.storeId, row.guideId);
    const prefix = row.hasWhole ? 'whole_' : 'part_';
    for (const name of Object.keys(contactMetrics) as (keyof typeof contactMetrics)[]) {
      target.sums[name] = row[`${prefix}${name}`] as number | null;
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
