import type { InjectionKey, Ref } from 'vue';
import type { ReviewNotes } from '../../../../shared/review/review-schema';

/**
 * What the review page tells a section beyond the review itself: whether today's review is shown
 * (an exported version is read-only) and where saved notes go.
 */
export interface ReviewPageContext {
  showingLive: Readonly<Ref<boolean>>;
  notesSaved(notes: ReviewNotes): void;
}

export const reviewPageContext: InjectionKey<ReviewPageContext> = Symbol('review-page');
