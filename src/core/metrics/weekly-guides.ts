import { shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import { addSums, deriveFigures, emptySums, type SummedFigures } from '../../shared/metrics/weekly-figures';
import { topAndBottom } from '../../shared/metrics/rankings';
import type { GuideWeek } from '../../shared/metrics/weekly-schema';
import type { Database } from '../db/database';
import { rosterGuides } from '../guides/guide-repository';
import { weekFactSums } from './week-rollup';

function guideSums(db: Database, week: IsoWeek, onlyGuides?: readonly string[]): Map<string, SummedFigures> {
  const byGuide = new Map<string, SummedFigures>();
  for (const row of weekFactSums(db, week, onlyGuides)) {
    if (row.guideId === null) continue;
    // A guide who moved store mid-week is one person: their figures are added up (into the
    // first row's sums, which this call owns).
    const sums = byGuide.get(row.guideId);
    if (sums) addSums(sums, row.sums);
    else byGuide.set(row.guideId, row.sums);
  }
  return byGuide;
}

/** Ranks by net sales within each store, 1 for the highest; equal sales share a rank. */
function rankWithinStores(guides: GuideWeek[]): void {
  const byStore = new Map<string, GuideWeek[]>();
  for (const guide of guides) byStore.set(guide.storeId, [...(byStore.get(guide.storeId) ?? []), guide]);
  for (const members of byStore.values()) {
    const ranked = members
      .filter((guide) => guide.current.netSalesFen !== null)
      .sort((a, b) => (b.current.netSalesFen as number) - (a.current.netSalesFen as number));
    ranked.forEach((guide, index) => {
      const previous = ranked[index - 1];
      guide.rankInStore =
        previous && previous.current.netSalesFen === guide.current.netSalesFen ? previous.rankInStore : index + 1;
    });
  }
}

/** Guides on the roster of an active store, and anyone else with facts that week. */
function guidesOfWeek(db: Database, current: Map<string, SummedFigures>): GuideWeek[] {
  const none = deriveFigures(emptySums());
  return rosterGuides(db)
    .filter((guide) => (!guide.archived && guide.employment === 'active') || current.has(guide.id))
    .map((guide) => ({
      guideId: guide.id,
      staffNo: guide.staffNo,
      name: guide.name,
      storeId: guide.storeId,
      storeCode: guide.storeCode,
      storeName: guide.storeName,
      employment: guide.employment,
      current: deriveFigures(current.get(guide.id) ?? emptySums()),
      previous: none,
      rankInStore: null,
    }));
}

/**
 * Every guide's figures for a week and the week before: guides on the roster of an active store,
 * and anyone else with facts that week (a guide who has left still shows the week they sold in).
 */
export function weeklyGuides(db: Database, week: IsoWeek, storeId?: string): GuideWeek[] {
  const previous = guideSums(db, shiftWeek(week, -1));
  const guides = guidesOfWeek(db, guideSums(db, week)).filter(
    (guide) => storeId === undefined || guide.storeId === storeId,
  );
  for (const guide of guides) guide.previous = deriveFigures(previous.get(guide.guideId) ?? emptySums());
  rankWithinStores(guides);
  return guides;
}

/**
 * Only the guides the dashboard ranks: the top and bottom `count` by net sales and by net new
 * contacts, with their week before. The same figures as weeklyGuides, without building last week
 * for thousands of guides nobody is shown.
 */
export function guideRankings(db: Database, week: IsoWeek, count: number): GuideWeek[] {
  const guides = guidesOfWeek(db, guideSums(db, week));
  rankWithinStores(guides);
  const picked = new Map<string, GuideWeek>();
  for (const figure of ['netSalesFen', 'netNewContacts'] as const) {
    const { top, bottom } = topAndBottom(guides, figure, count);
    for (const guide of [...top, ...bottom]) picked.set(guide.guideId, guide);
  }
  const previous = guideSums(db, shiftWeek(week, -1), [...picked.keys()]);
  for (const guide of picked.values()) guide.previous = deriveFigures(previous.get(guide.guideId) ?? emptySums());
  return [...picked.values()];
}
