import type { IsoWeek } from '../../shared/dates/iso-week';
import type { Worksheet } from 'exceljs';
import type { Freshness, GuideWeek, WeeklyStores } from '../../shared/metrics/weekly-schema';
import type { PaddingSettings } from '../../shared/review/padding-signals';
import type { Review, ReviewNotes } from '../../shared/review/review-schema';
import type { ReviewSectionKey } from '../../shared/review/sections';
import type { TierProfile } from '../../shared/tiers/tier-profiles';
import type { Database } from '../db/database';

/** Everything sections read, computed once per review. */
export interface ReviewContext {
  db: Database;
  week: IsoWeek;
  at: Date;
  workspaceName: string;
  stores: WeeklyStores;
  guides: GuideWeek[];
  freshness: Freshness;
  profiles: TierProfile[];
  padding: PaddingSettings;
  notes: ReviewNotes;
}

/**
 * The core half of a review section (the shared half is its entry in `shared/review/sections.ts`):
 * how its part of the review is built from the week's context, and how it is written to the workbook.
 */
export interface ReviewSection<K extends ReviewSectionKey> {
  key: K;
  build(context: ReviewContext): Review[K];
  /**
   * Its sheet of the workbook, in the order of the sections. The workbook adds the sheet (named,
   * header row frozen) and `write` fills it; `write` reads the whole review, as a sheet may name
   * stores or tiers from other sections.
   */
  sheet: { name: string; write(sheet: Worksheet, review: Review): void };
  /**
   * The part that later facts can change, compared between the newest snapshot and today's review;
   * the section's data itself when left out, `undefined` for a section that never counts.
   */
  figures?(data: Review[K]): unknown;
}

export function defineSection<K extends ReviewSectionKey>(section: ReviewSection<K>): ReviewSection<K> {
  return section;
}
