import type { Component } from 'vue';
import type { ReviewSectionKey } from '../../../../shared/review/sections';

/**
 * The renderer half of a review section (the shared half is its entry in
 * `shared/review/sections.ts`). Both components take one prop, `review: Review`; the page puts
 * `component` in a numbered card titled from the shared entry, the print layout puts `print`
 * (plain tables that fit A4 landscape, as paper cannot scroll) under a numbered heading.
 */
export interface RendererReviewSection<K extends ReviewSectionKey> {
  key: K;
  component: Component;
  print: Component;
}

export function defineSection<K extends ReviewSectionKey>(section: RendererReviewSection<K>): RendererReviewSection<K> {
  return section;
}
