import { reviewSections, type ReviewSectionKey } from '../../../shared/review/sections';
import { gapsSection } from './sections/gaps';
import { guidesSection } from './sections/guides';
import { moversSection } from './sections/movers';
import { notesSection } from './sections/notes';
import { overviewSection } from './sections/overview';
import type { RendererReviewSection } from './sections/review-section';
import { storesSection } from './sections/stores';

/**
 * One renderer descriptor for each section of `shared/review/sections.ts`: a key without one, a
 * descriptor without a key, or one filed under another section's key fails the type check.
 */
const byKey = {
  overview: overviewSection,
  stores: storesSection,
  guides: guidesSection,
  movers: moversSection,
  gaps: gapsSection,
  notes: notesSection,
} satisfies { [K in ReviewSectionKey]: RendererReviewSection<K> };

/** The sections in the order of the shared list, each with its title from the shared entry. */
export const rendererReviewSections = reviewSections.map(({ key, title }) => ({ ...byKey[key], title }));
