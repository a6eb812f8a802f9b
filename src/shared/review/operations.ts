import { z } from 'zod';
import { defineOperations, fileDownloadSchema, noInput, operation } from '../api/operation';
import { paddingSettingsSchema } from './padding-signals';
import {
  reviewNotesSchema,
  reviewSchema,
  reviewSnapshotInfoSchema,
  reviewStateSchema,
  reviewWeekInputSchema,
  saveReviewNotesInputSchema,
} from './review-schema';

const snapshotId = z.object({ id: z.string().min(1).max(64) });

export const reviewOperations = defineOperations('review', {
  'review.get': operation(reviewWeekInputSchema, reviewStateSchema),
  'review.saveNotes': operation(saveReviewNotesInputSchema, reviewNotesSchema),
  'review.export': operation(
    reviewWeekInputSchema.extend({
      /** Where the core writes the workbook before it records the version (`pilotdesk review --out`). */
      outPath: z
        .string()
        .min(1)
        .refine((path) => path.toLowerCase().endsWith('.xlsx'), { error: 'invalidFormat' })
        .optional(),
    }),
    z.object({ snapshot: reviewSnapshotInfoSchema, fileName: z.string(), contentBase64: z.string() }),
  ),
  'review.snapshot': operation(snapshotId, z.object({ info: reviewSnapshotInfoSchema, review: reviewSchema })),
  'review.snapshotWorkbook': operation(snapshotId, fileDownloadSchema),
  'review.paddingSettings': operation(noInput, paddingSettingsSchema),
  'review.updatePaddingSettings': operation(paddingSettingsSchema, paddingSettingsSchema),
});
