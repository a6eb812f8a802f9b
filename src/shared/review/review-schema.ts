import { z } from 'zod';
import {
  appliedTierRuleSchema,
  groupTotalsSchema,
  guideWeekSchema,
  isoWeekSchema,
  storeWeekSchema,
} from '../metrics/weekly-schema';
import { tierGrids } from '../tiers/tier-rule';
import { paddingFlagSchema } from './padding-signals';

/** A store's row: the weekly figures as the dashboard has them, without the data-presence flags. */
const reviewStoreSchema = storeWeekSchema.pick({
  storeId: true,
  code: true,
  name: true,
  pilotWave: true,
  tier: true,
  previousTier: true,
  current: true,
  previous: true,
});
export type ReviewStore = z.infer<typeof reviewStoreSchema>;

/** A guide's row: the weekly figures and rank, with the week's padding flags. */
const reviewGuideSchema = guideWeekSchema.omit({ employment: true }).extend({ flags: z.array(paddingFlagSchema) });
export type ReviewGuide = z.infer<typeof reviewGuideSchema>;

const moverSchema = z.object({
  id: z.string(),
  label: z.string(),
  delta: z.number(),
  current: z.number().nullable(),
  previous: z.number().nullable(),
});
const moverListsSchema = z.object({ rises: z.array(moverSchema), falls: z.array(moverSchema) });
export type Mover = z.infer<typeof moverSchema>;

export const noteKinds = ['highlights', 'problems', 'actions'] as const;
export type NoteKind = (typeof noteKinds)[number];
const noteTextSchema = z.string().max(4000, { error: 'tooLong' });
export const reviewNoteSchema = z.object({
  highlights: noteTextSchema.default(''),
  problems: noteTextSchema.default(''),
  actions: noteTextSchema.default(''),
});
export type ReviewNote = z.output<typeof reviewNoteSchema>;

/** The notes a trainer types: one set for the week, one per store where there is something to say. */
export const reviewNotesSchema = z.object({
  overall: reviewNoteSchema,
  stores: z.array(z.object({ storeId: z.string(), note: reviewNoteSchema })),
});
export type ReviewNotes = z.output<typeof reviewNotesSchema>;

/**
 * A weekly review (周复盘) as assembled from the facts, with the trainer's notes. A snapshot
 * stores exactly this document, so reopening an exported week shows what was sent.
 */
export const reviewSchema = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  previousWeek: z.string(),
  workspaceName: z.string(),
  generatedAt: z.string(),
  rule: appliedTierRuleSchema,
  overview: z.object({
    /** Pilot stores at the fixed targets of the tier rule; null when the rule uses medians. */
    targets: z
      .object({
        salesTargetFen: z.number(),
        onlineShareTarget: z.number(),
        storesWithData: z.number().int(),
        storesAtSalesTarget: z.number().int(),
        storesAtShareTarget: z.number().int(),
      })
      .nullable(),
    pilot: groupTotalsSchema,
    all: groupTotalsSchema,
    grid: z.enum(tierGrids),
    tierCounts: z.array(
      z.object({
        tier: z.string().nullable(),
        name: z.string(),
        count: z.number().int(),
        previousCount: z.number().int(),
      }),
    ),
  }),
  stores: z.array(reviewStoreSchema),
  guides: z.array(reviewGuideSchema),
  movers: z.object({
    stores: z.object({ netSalesFen: moverListsSchema, netNewContacts: moverListsSchema }),
    guides: z.object({ netSalesFen: moverListsSchema, netNewContacts: moverListsSchema }),
    tierMoves: z.array(
      z.object({
        storeId: z.string(),
        code: z.string(),
        name: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        direction: z.enum(['up', 'down', 'in', 'out']),
      }),
    ),
  }),
  gaps: z.object({
    storesWithoutSales: z.array(z.object({ storeId: z.string(), code: z.string(), name: z.string() })),
    storesWithPartialSales: z.array(
      z.object({ storeId: z.string(), code: z.string(), name: z.string(), salesDays: z.number().int() }),
    ),
    storesWithoutContacts: z.array(z.object({ storeId: z.string(), code: z.string(), name: z.string() })),
    guidesWithoutData: z.array(
      z.object({ guideId: z.string(), staffNo: z.string(), name: z.string(), storeCode: z.string() }),
    ),
    importsWithRejectedRows: z.array(
      z.object({
        importId: z.string(),
        kind: z.string(),
        fileName: z.string().nullable(),
        createdAt: z.string(),
        rejected: z.number().int(),
      }),
    ),
  }),
  /** Tier names as they were when the review was made, so a snapshot keeps them. */
  tierNames: z.record(z.string(), z.string()),
  notes: reviewNotesSchema,
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewSnapshotInfoSchema = z.object({
  id: z.string(),
  week: z.string(),
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
