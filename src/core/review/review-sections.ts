import { reviewSections, type ReviewSectionKey } from '../../shared/review/sections';
import type { ReviewSection } from './review-context';
import { gapsSection } from './sections/gaps';
import { guidesSection } from './sections/guides';
import { moversSection } from './sections/movers';
import { notesSection } from './sections/notes';
import { overviewSection } from './sections/overview';
import { storesSection } from './sections/stores';

/**
 * One core descriptor for each section of `shared/review/sections.ts`: a key without one, a
 * descriptor without a key, or one filed under another section's key fails the type check.
 */
const byKey = {
  overview: overviewSection,
  stores: storesSection,
  guides: guidesSection,
  movers: moversSection,
  gaps: gapsSection,
  notes: notesSection,
} satisfies { [K in ReviewSectionKey]: ReviewSection<K> };

export type AnyReviewSection = { [K in ReviewSectionKey]: ReviewSection<K> }[ReviewSectionKey];

/** The core descriptors in the order of the shared list: the review's, the workbook's sheets'. */
export const coreReviewSections: readonly AnyReviewSection[] = reviewSections.map(({ key }) => byKey[key]);
