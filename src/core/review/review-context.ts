import type { Freshness, GuideWeek, WeeklyStores } from '../../shared/metrics/weekly-schema';
import type { PaddingSettings } from '../../shared/review/padding-signals';
import type { Review, ReviewNotes } from '../../shared/review/review-schema';
import type { TierProfile } from '../../shared/tiers/tier-profiles';
import type { Database } from '../db/database';

/** Everything sections read, computed once per review. */
export interface ReviewContext {
  db: Database;
  week: string;
  at: string;
  workspaceName: string;
  stores: WeeklyStores;
  guides: GuideWeek[];
  freshness: Freshness;
  profiles: TierProfile[];
  padding: PaddingSettings;
  notes: ReviewNotes;
}

/** The sections a review is made of; a new section (SOP compliance, training…) adds one module. */
export type SectionKey = 'overview' | 'stores' | 'guides' | 'movers' | 'gaps' | 'notes';

export interface ReviewSection<K extends SectionKey> {
  key: K;
  build(context: ReviewContext): Review[K];
}

export function defineSection<K extends SectionKey>(section: ReviewSection<K>): ReviewSection<K> {
  return section;
}
