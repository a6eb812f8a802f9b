import { z } from 'zod';
import type { MessageKey } from '../i18n/translate';
import { groupTotalsSchema, guideWeekSchema, storeWeekSchema } from '../metrics/weekly-schema';
import { tierGrids } from '../tiers/tier-rule';
import { storedFlagSchema } from './stored-flags';

/*
 * The sections a weekly review is made of, in the order of the page, the print and the workbook.
 * Each entry is the layer-free half of a section: its key, the schema of its part of the review
 * document and its title. The core (`core/review/sections/<key>.ts`: build, sheet) and the
 * renderer (`features/review/sections/<key>.ts`: component, print) add one descriptor per key,
 * checked by their types; a new section is one entry here and those two files.
 */

/** 1. Overview: pilot stores against last week, all stores beside them, tier counts, targets. */
const overviewSchema = z.object({
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
});

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
const reviewGuideSchema = guideWeekSchema.omit({ employment: true }).extend({ flags: z.array(storedFlagSchema) });
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

const moversSchema = z.object({
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
});

const gapsSchema = z.object({
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
});

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

interface SectionEntry<K extends string, S extends z.ZodType> {
  key: K;
  /** The section's part of the review document, stored whole in every snapshot. */
  schema: S;
  title: MessageKey;
}

function section<K extends string, S extends z.ZodType>(entry: SectionEntry<K, S>): SectionEntry<K, S> {
  return entry;
}

export const reviewSections = [
  section({ key: 'overview', schema: overviewSchema, title: 'review.section.overview' }),
  section({ key: 'stores', schema: z.array(reviewStoreSchema), title: 'review.section.stores' }),
  section({ key: 'guides', schema: z.array(reviewGuideSchema), title: 'review.section.guides' }),
  section({ key: 'movers', schema: moversSchema, title: 'review.section.movers' }),
  section({ key: 'gaps', schema: gapsSchema, title: 'review.section.gaps' }),
  section({ key: 'notes', schema: reviewNotesSchema, title: 'review.section.notes' }),
] as const;

type SharedSection = (typeof reviewSections)[number];
export type ReviewSectionKey = SharedSection['key'];

/** The sections' fields of the review document, keyed by section. */
export type ReviewSectionsShape = { [S in SharedSection as S['key']]: S['schema'] };

export const reviewSectionsShape = Object.fromEntries(
  reviewSections.map((entry) => [entry.key, entry.schema]),
) as ReviewSectionsShape;
