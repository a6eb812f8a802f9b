import { z } from 'zod';
import { appliedTierRuleSchema, isoWeekSchema } from '../metrics/weekly-schema';
import { reviewNotesSchema, reviewSectionsShape } from './sections';

// The section schemas live with the list of sections; these are re-exported for the contract.
export { noteKinds, reviewNoteSchema, reviewNotesSchema } from './sections';
export type { Mover, NoteKind, ReviewGuide, ReviewNote, ReviewNotes, ReviewStore } from './sections';

/**
 * A weekly review (周复盘) as assembled from the facts, with the trainer's notes. A snapshot
 * stores exactly this document, so reopening an exported week shows what was sent.
 */
export const reviewSchema = z.object({
  week: isoWeekSchema,
  from: z.string(),
  to: z.string(),
  previousWeek: isoWeekSchema,
  workspaceName: z.string(),
  generatedAt: z.string(),
  rule: appliedTierRuleSchema,
  /** Tier names as they were when the review was made, so a snapshot keeps them. */
  tierNames: z.record(z.string(), z.string()),
  ...reviewSectionsShape,
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewSnapshotInfoSchema = z.object({
  id: z.string(),
  week: isoWeekSchema,
  version: z.number().int(),
  createdAt: z.string(),
  fileName: z.string(),
});
export type ReviewSnapshotInfo = z.infer<typeof reviewSnapshotInfoSchema>;

export const reviewStateSchema = z.object({
  /** The review from today's facts and notes. */
  live: reviewSchema,
  /** What was exported for this week, newest first. */
  snapshots: z.array(reviewSnapshotInfoSchema),
  /** The newest snapshot's review, when there is one. */
  latestSnapshot: reviewSchema.nullable(),
  /** Whether today's figures differ from the newest snapshot's (notes aside). */
  liveDiffers: z.boolean(),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const reviewWeekInputSchema = z.object({ week: isoWeekSchema });
export const saveReviewNotesInputSchema = z.object({ week: isoWeekSchema, notes: reviewNotesSchema });
