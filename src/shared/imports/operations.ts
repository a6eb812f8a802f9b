import { z } from 'zod';
import { byId, defineOperations, fileDownloadSchema, noInput, operation } from '../api/operation';
import { importKinds } from './import-kinds';
import { importBatchSchema, importOptionsSchema, importReportSchema } from './import-schema';
import { importUndoInputSchema, undoPlanSchema } from './undo-schema';

const uploadedFileInput = z.object({ uploadId: z.string(), options: importOptionsSchema });

export const importsOperations = defineOperations('imports', {
  'imports.templates': operation(
    noInput,
    z.array(
      z.object({
        kind: z.enum(importKinds),
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
  'imports.preview': operation(uploadedFileInput, importReportSchema),
  'imports.commit': operation(
    /** `source` is recorded with the batch: the console's wizard, or `pilotdesk import`. */
    uploadedFileInput.extend({ source: z.enum(['wizard', 'cli']).default('wizard') }),
    importReportSchema,
  ),
  'imports.rejectedWorkbook': operation(uploadedFileInput, fileDownloadSchema),
  'imports.list': operation(noInput, z.array(importBatchSchema)),
  'imports.describeUndo': operation(byId, undoPlanSchema),
  'imports.undo': operation(importUndoInputSchema, importBatchSchema),
});
