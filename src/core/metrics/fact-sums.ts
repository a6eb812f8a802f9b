import { isoWeekRange, type IsoWeek } from '../../shared/dates/iso-week';
import { emptySums, type SummedFigures } from '../../shared/metrics/weekly-figures';
import type { Database } from '../db/database';
import {
  activitySumsBetween,
  contactMetricColumns,
  contactSumsBetween,
  salesSumsBetween,
  type ContactMetric,
} from '../facts/fact-weeks';

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

/*
 * Contact statistics arrive either as one row for the whole week (the WeCom export for the
 * week) or as shorter periods (the daily template). Counting both would count every new
 * customer twice, so a guide's whole-week row wins and shorter rows inside the week are used
 * only when there is none. "Has a whole-week row" is asked of the guide, not of the guide in one
 * store: the daily template files a row under the store it names, the WeCom export under the
 * guide's roster store, so a guide who moved mid-week can have the two under different stores.
 */
const contactNames = Object.keys(contactMetricColumns) as ContactMetric[];
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
export function factSumsForWeek(db: Database, week: IsoWeek): FactSums[] {
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
  for (const row of salesSumsBetween(db, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.grossSalesFen = row.grossSalesFen;
    target.sums.refundsFen = row.refundsFen;
    target.sums.onlineNetSalesFen = row.onlineNetSalesFen;
    target.sums.orders = row.orders;
    target.sums.newMembers = row.newMembers;
    target.salesDays = row.salesDays;
  }
  const contactRows = contactSumsBetween(db, range);
  const withWhole = new Set(contactRows.filter((row) => row.holdsWhole).map((row) => row.guideId));
  for (const row of contactRows) {
    const target = entry(row.storeId, row.guideId);
    for (const [name, column] of contactColumns[withWhole.has(row.guideId) ? 'whole' : 'part']) {
      target.sums[name] = row[column] as number | null;
    }
    target.contactsReported = true;
  }
  for (const row of activitySumsBetween(db, range)) {
    const target = entry(row.storeId, row.guideId);
    target.sums.momentsPosts = row.momentsPosts;
    target.sums.groupMessages = row.groupMessages;
    target.activityDays = row.activityDays;
  }
  return [...byKey.values()];
}
