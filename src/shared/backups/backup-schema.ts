import { z } from 'zod';
import { isoWeekSchema } from '../metrics/weekly-schema';

/** Why a backup was made: every day the workspace is used, by hand, or before a change that cannot be undone. */
export const backupKinds = ['daily', 'manual', 'beforeRestore'] as const;
export type BackupKind = (typeof backupKinds)[number];

/** What a workspace holds, in the words a trainer checks a backup by. */
export const workspaceContentsSchema = z.object({
  stores: z.number().int(),
  guides: z.number().int(),
  imports: z.number().int(),
  /** The newest ISO week with any figures, or null. */
  latestWeek: isoWeekSchema.nullable(),
});
export type WorkspaceContents = z.infer<typeof workspaceContentsSchema>;

/** A verified backup: only copies that passed integrity_check with matching row counts are listed. */
export const backupInfoSchema = z.object({
  /** The backup's file name inside the workspace's backup folder. */
  id: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  schemaVersion: z.number().int(),
  contents: workspaceContentsSchema,
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupListSchema = z.object({ folder: z.string(), backups: z.array(backupInfoSchema) });
export type BackupList = z.infer<typeof backupListSchema>;

export const backupIdSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .refine((id) => !/[\\/]/.test(id) && id !== '.' && id !== '..', { error: 'invalidBackup' }),
});

const importLineSchema = z.object({ id: z.string(), fileName: z.string().nullable(), createdAt: z.string() });

/** What a restore would change, shown before anything is changed. */
export const restorePreviewSchema = z.object({
  backup: backupInfoSchema,
  current: workspaceContentsSchema,
  /** Imports in the workspace now that the backup does not have: they go away on restore. */
  importsLost: z.array(importLineSchema),
  /** Imports the backup has that were undone or are missing now: they come back. */
  importsRegained: z.array(importLineSchema),
  /** The backup belongs to another workspace (another id). */
  otherWorkspace: z.boolean(),
  /** The backup was made by an older version: it is upgraded when it opens. */
  olderVersion: z.boolean(),
});
export type RestorePreview = z.infer<typeof restorePreviewSchema>;

export const restoreResultSchema = z.object({
  restored: backupInfoSchema,
  /** The state just before the restore, so the restore itself can be undone. */
  safetyBackup: backupInfoSchema,
});

/** The workspace that could not be opened because its file is damaged, and what can be done. */
export const damagedWorkspaceSchema = z.object({
  path: z.string(),
  problems: z.array(z.string()),
  backups: z.array(backupInfoSchema),
});
export type DamagedWorkspace = z.infer<typeof damagedWorkspaceSchema>;

export const salvageResultSchema = z.object({
  path: z.string(),
  /**
   * Per table: rows written to the new file, rows known to exist that could not be read (counted
   * from an index that survived), and whether nothing could be read or counted at all.
   */
  tables: z.array(
    z.object({ table: z.string(), copied: z.number().int(), skipped: z.number().int(), unreadable: z.boolean() }),
  ),
});
export type SalvageResult = z.infer<typeof salvageResultSchema>;
