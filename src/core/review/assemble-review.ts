import type { Review, ReviewState } from '../../shared/review/review-schema';
import type { Database } from '../db/database';
import { weekFreshness } from '../metrics/freshness';
import { weeklyGuides } from '../metrics/weekly-guides';
import { weeklyStores } from '../metrics/weekly-stores';
import { tierProfiles } from '../tiers/tier-repository';
import type { ReviewContext } from './review-context';
import { listSnapshots, paddingSettings, readSnapshot, reviewNotes } from './review-repository';
import { gapsSection } from './sections/gaps';
import { guidesSection } from './sections/guides';
import { moversSection } from './sections/movers';
import { notesSection } from './sections/notes';
import { overviewSection } from './sections/overview';
import { storesSection } from './sections/stores';

/** Builds the week's review from today's facts and notes. */
export function assembleReview(db: Database, week: string, workspaceName: string, at: string): Review {
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
  return {
    week,
    from: stores.from,
    to: stores.to,
    previousWeek: stores.previousWeek,
    workspaceName,
    generatedAt: at,
    rule: stores.rule,
    overview: overviewSection.build(context),
    stores: storesSection.build(context),
    guides: guidesSection.build(context),
    movers: moversSection.build(context),
    gaps: gapsSection.build(context),
    tierNames: Object.fromEntries(profiles.map((profile) => [profile.tier, profile.name])),
    notes: notesSection.build(context),
  };
}

/** The parts of a review that come from the facts: what a later import can change. */
function figuresOf(review: Review): string {
  const { stores, guides, movers, gaps } = review;
  // Tier names are the workspace's wording (kept apart in tierNames): renaming a tier changes no figure.
  const overview = {
    ...review.overview,
    tierCounts: review.overview.tierCounts.map(({ tier, count, previousCount }) => ({ tier, count, previousCount })),
  };
  return canonicalJson({
    overview,
    stores,
    guides,
    movers,
    gaps,
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

export function reviewState(db: Database, week: string, workspaceName: string, at: string): ReviewState {
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
