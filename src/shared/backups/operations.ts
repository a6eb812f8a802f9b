import { z } from 'zod';
import { defineOperations, noInput, operation } from '../api/operation';
import { workspaceInfoSchema } from '../workspace/workspace-schema';
import {
  backupIdSchema,
  backupInfoSchema,
  backupListSchema,
  damagedWorkspaceSchema,
  restorePreviewSchema,
  restoreResultSchema,
  salvageResultSchema,
} from './backup-schema';

/** A backup file anywhere on disk (`pilotdesk restore --from`), not only in the workspace's folder. */
const backupFile = z.object({ file: z.string().min(1) });

export const backupsOperations = defineOperations('backups', {
  /** The open workspace's backups, or those of the workspace file named, without opening it (it may be damaged). */
  'backups.list': operation(
    z
      .object({ path: z.string().min(1).optional() })
      .strict()
      .optional(),
    backupListSchema,
  ),
  /** A verified backup into the workspace's folder, or a copy at `outPath` (`pilotdesk backup --out`), not listed. */
  'backups.create': operation(
    z
      .object({
        outPath: z
          .string()
          .min(1)
          .refine((path) => path.toLowerCase().endsWith('.pilotdesk'), { error: 'invalidFormat' })
          .optional(),
      })
      .strict()
      .optional(),
    backupInfoSchema,
  ),
  'backups.previewRestore': operation(backupIdSchema, restorePreviewSchema),
  'backups.restore': operation(backupIdSchema, restoreResultSchema),
  /** The workspace that failed to open as damaged (this launch), or null. */
  'backups.damaged': operation(noInput, damagedWorkspaceSchema.nullable()),
  'backups.restoreDamaged': operation(backupIdSchema, workspaceInfoSchema),
  'backups.salvageDamaged': operation(noInput, salvageResultSchema),
  'backups.previewRestoreFrom': operation(backupFile, restorePreviewSchema),
  'backups.restoreFrom': operation(backupFile, restoreResultSchema),
  'backups.restoreDamagedFrom': operation(backupFile, workspaceInfoSchema),
});
