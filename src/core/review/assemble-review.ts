import type { IsoWeek } from '../../shared/dates/iso-week';
import type { Review, ReviewState } from '../../shared/review/review-schema';
import type { ReviewSectionKey } from '../../shared/review/sections';
import type { Database } from '../db/database';
import { weekFreshness } from '../metrics/freshness';
import { weeklyGuides } from '../metrics/weekly-guides';
import { weeklyStores } from '../metrics/weekly-stores';
import { tierProfiles } from '../tiers/tier-repository';
import type { ReviewContext, ReviewSection } from './review-context';
import { listSnapshots, paddingSettings, readSnapshot, reviewNotes } from './review-repository';
import { coreReviewSections } from './review-sections';

/** Builds the week's review from today's facts and notes. */
export function assembleReview(db: Database, week: IsoWeek, workspaceName: string, at: Date): Review {
  const stores = weeklyStores(db, week, at);
  const profiles = tierProfiles(db, stores.rule.grid);
  const context: ReviewContext = {
    db,
    week,
    at,
    workspaceName,
    stores,
    guides: weeklyGuides(db, week),
    freshness: weekFreshness(db, week),
    profiles,
    padding: paddingSettings(db),
    notes: reviewNotes(db, week),
  };
  const sections = Object.fromEntries(coreReviewSections.map((section) => [section.key, section.build(context)]));
  return {
    week,
    from: stores.from,
    to: stores.to,
    previousWeek: stores.previousWeek,
    workspaceName,
    generatedAt: at.toISOString(),
    rule: stores.rule,
    tierNames: Object.fromEntries(profiles.map((profile) => [profile.tier, profile.name])),
    // Each descriptor builds the part under its own key (checked in review-sections.ts).
    ...(sections as Pick<Review, ReviewSectionKey>),
  };
}

function sectionFigures<K extends ReviewSectionKey>(section: ReviewSection<K>, review: Review): unknown {
  const data = review[section.key];
  return section.figures ? section.figures(data) : data;
}

/** The parts of a review that come from the facts: what a later import can change. */
function figuresOf(review: Review): string {
  const sections = coreReviewSections.flatMap((section) => {
    const figures = sectionFigures(section, review);
    return figures === undefined ? [] : [[section.key, figures] as const];
  });
  return canonicalJson({
    ...Object.fromEntries(sections),
    tiers: [review.rule.salesThresholdsFen, review.rule.onlineShareThresholds],
  });
}

/**
 * JSON with every object's keys sorted: a snapshot read back through its schema and a review just
 * assembled hold the same values in a different key order, which must not count as a difference.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : item,
  );
}

export function reviewState(db: Database, week: IsoWeek, workspaceName: string, at: Date): ReviewState {
  const live = assembleReview(db, week, workspaceName, at);
  const snapshots = listSnapshots(db, week);
  const newest = snapshots[0];
  const latestSnapshot = newest ? readSnapshot(db, newest.id).review : null;
  return {
    live,
    snapshots,
    latestSnapshot,
    liveDiffers: latestSnapshot !== null && figuresOf(latestSnapshot) !== figuresOf(live),
  };
}
