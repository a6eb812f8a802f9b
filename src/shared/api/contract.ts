import { z } from 'zod';
import type { OperationName } from './operation-names';
import { guideInputSchema, guideSchema, guideUpdateSchema } from '../guides/guide-schema';
import { preferencesPatchSchema, preferencesSchema } from '../preferences/preferences-schema';
import {
  dealerInputSchema,
  dealerSchema,
  pilotWaveChangesSchema,
  storeInputSchema,
  storeSchema,
  storeUpdateSchema,
} from '../stores/store-schema';
import { idSchema } from '../validation/common';
import {
  backupIdSchema,
  backupInfoSchema,
  backupListSchema,
  damagedWorkspaceSchema,
  restorePreviewSchema,
  restoreResultSchema,
  salvageResultSchema,
} from '../backups/backup-schema';
import { importKinds } from '../imports/import-kinds';
import { importBatchSchema, importOptionsSchema, importReportSchema } from '../imports/import-schema';
import { importUndoInputSchema, undoPlanSchema } from '../imports/undo-schema';
import {
  freshnessSchema,
  isoWeekSchema,
  storeTrendInputSchema,
  storeTrendSchema,
  weekInputSchema,
  weeklyGuidesInputSchema,
  weeklyGuidesSchema,
  weeklyStoresSchema,
} from '../metrics/weekly-schema';
import {
  tierProfilesPatchSchema,
  tierRuleChangePreviewSchema,
  tierRuleChangeSchema,
  tierSettingsSchema,
  undoRuleChangeInputSchema,
} from '../tiers/tier-settings-schema';
import { paddingSettingsSchema } from '../review/padding-signals';
import {
  reviewNotesSchema,
  reviewSchema,
  reviewSnapshotInfoSchema,
  reviewStateSchema,
  reviewWeekInputSchema,
  saveReviewNotesInputSchema,
} from '../review/review-schema';
import {
  recentWorkspaceSchema,
  workspaceClockSchema,
  workspaceCreateSchema,
  workspaceInfoSchema,
} from '../workspace/workspace-schema';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

function operation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): Operation<I, O> {
  return { input, output };
}

const noInput = z.object({}).strict().optional();
const byId = z.object({ id: idSchema });
/** A file made by the core for the user to save (a template, rejected rows). */
const fileDownloadSchema = z.object({ fileName: z.string(), contentBase64: z.string() });

/** The one declaration of every operation the console can ask of the core. */
export const contract = {
  'workspace.current': operation(noInput, workspaceInfoSchema.nullable()),
  'workspace.clock': operation(noInput, workspaceClockSchema),
  'workspace.recent': operation(noInput, z.array(recentWorkspaceSchema)),
  'workspace.create': operation(workspaceCreateSchema, workspaceInfoSchema),
  'workspace.openDemo': operation(z.object({ reset: z.boolean().default(false) }).optional(), workspaceInfoSchema),
  'workspace.open': operation(z.object({ path: z.string().min(1) }), workspaceInfoSchema),
  'workspace.close': operation(noInput, z.null()),
  'backups.list': operation(noInput, backupListSchema),
  'backups.create': operation(noInput, backupInfoSchema),
  'backups.previewRestore': operation(backupIdSchema, restorePreviewSchema),
  'backups.restore': operation(backupIdSchema, restoreResultSchema),
  /** The workspace that failed to open as damaged (this launch), or null. */
  'backups.damaged': operation(noInput, damagedWorkspaceSchema.nullable()),
  'backups.restoreDamaged': operation(backupIdSchema, workspaceInfoSchema),
  'backups.salvageDamaged': operation(noInput, salvageResultSchema),
  'preferences.get': operation(noInput, preferencesSchema),
  'preferences.update': operation(preferencesPatchSchema, preferencesSchema),
  'dealers.list': operation(noInput, z.array(dealerSchema)),
  'dealers.create': operation(dealerInputSchema, dealerSchema),
  'stores.list': operation(noInput, z.array(storeSchema)),
  'stores.get': operation(byId, z.object({ store: storeSchema, guides: z.array(guideSchema) })),
  'stores.create': operation(storeInputSchema, storeSchema),
  'stores.update': operation(storeUpdateSchema, storeSchema),
  'stores.archive': operation(byId, storeSchema),
  'stores.restore': operation(byId, storeSchema),
  'stores.setPilotWaves': operation(pilotWaveChangesSchema, pilotWaveChangesSchema),
  'guides.list': operation(z.object({ storeId: idSchema.optional() }).optional(), z.array(guideSchema)),
  'guides.get': operation(byId, guideSchema),
  'guides.create': operation(guideInputSchema, guideSchema),
  'guides.update': operation(guideUpdateSchema, guideSchema),
  'guides.archive': operation(byId, guideSchema),
  'guides.restore': operation(byId, guideSchema),
  'imports.templates': operation(
    noInput,
    z.array(
      z.object({
        kind: z.enum(importKinds),
        title: z.object({ 'zh-CN': z.string(), en: z.string() }),
        needsPeriod: z.boolean(),
        fields: z.array(z.object({ field: z.string(), type: z.string(), required: z.boolean(), header: z.string() })),
      }),
    ),
  ),
  'imports.templateWorkbook': operation(z.object({ kind: z.enum(importKinds) }), fileDownloadSchema),
  'imports.upload': operation(
    z.object({
      fileName: z.string().min(1).max(260),
      contentBase64: z.string(),
      /** Chosen by the console so it can follow progress and cancel before the call returns. */
      jobId: z.string().max(64).optional(),
    }),
    z.object({
      uploadId: z.string(),
      fileName: z.string(),
      format: z.string(),
      encoding: z.string().nullable(),
      sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
    }),
  ),
  'imports.preview': operation(z.object({ uploadId: z.string(), options: importOptionsSchema }), importReportSchema),
  'imports.commit': operation(z.object({ uploadId: z.string(), options: importOptionsSchema }), importReportSchema),
  'imports.rejectedWorkbook': operation(
    z.object({ uploadId: z.string(), options: importOptionsSchema }),
    fileDownloadSchema,
  ),
  'imports.list': operation(noInput, z.array(importBatchSchema)),
  'imports.describeUndo': operation(byId, undoPlanSchema),
  'imports.undo': operation(importUndoInputSchema, importBatchSchema),
  'jobs.cancel': operation(z.object({ jobId: z.string() }), z.object({ cancelled: z.boolean() })),
  'metrics.stores': operation(weekInputSchema, weeklyStoresSchema),
  'metrics.guides': operation(weeklyGuidesInputSchema, weeklyGuidesSchema),
  'metrics.guideRankings': operation(
    z.object({ week: isoWeekSchema, count: z.number().int().min(1).max(50).default(5) }),
    weeklyGuidesSchema,
  ),
  'metrics.freshness': operation(weekInputSchema, freshnessSchema),
  'metrics.storeTrend': operation(storeTrendInputSchema, storeTrendSchema),
  /** Newest first; the console marks them in the week picker and points at the latest. */
  'metrics.weeksWithFigures': operation(
    noInput,
    z.object({ weeks: z.array(z.string()), latest: z.string().nullable() }),
  ),
  'tiers.settings': operation(noInput, tierSettingsSchema),
  'tiers.previewRuleChange': operation(
    tierRuleChangeSchema.extend({ week: isoWeekSchema }),
    tierRuleChangePreviewSchema,
  ),
  'tiers.changeRule': operation(tierRuleChangeSchema, tierSettingsSchema),
  'tiers.undoRuleChange': operation(undoRuleChangeInputSchema, tierSettingsSchema),
  'tiers.updateProfiles': operation(tierProfilesPatchSchema, tierSettingsSchema),
  'review.get': operation(reviewWeekInputSchema, reviewStateSchema),
  'review.saveNotes': operation(saveReviewNotesInputSchema, reviewNotesSchema),
  'review.export': operation(
    reviewWeekInputSchema,
    z.object({ snapshot: reviewSnapshotInfoSchema, fileName: z.string(), contentBase64: z.string() }),
  ),
  'review.snapshot': operation(
    z.object({ id: z.string().min(1).max(64) }),
    z.object({ info: reviewSnapshotInfoSchema, review: reviewSchema }),
  ),
  'review.snapshotWorkbook': operation(z.object({ id: z.string().min(1).max(64) }), fileDownloadSchema),
  'review.paddingSettings': operation(noInput, paddingSettingsSchema),
  'review.updatePaddingSettings': operation(paddingSettingsSchema, paddingSettingsSchema),
} satisfies { [N in OperationName]: Operation };

export type Contract = typeof contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives: the input after the schema's defaults and transforms. */
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Contract[N]['output']>;
