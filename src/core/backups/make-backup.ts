import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import type { MessageKey } from '../../shared/i18n/dictionary';
import type { BackupInfo, BackupKind } from '../../shared/backups/backup-schema';
import type { WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import { Database } from '../db/database';
import { backupFolderOf, newBackupName, writeBackupNote } from './backup-folder';
import { verifyInWorker } from './verify/verify-in-worker';
import { tableRowCounts } from './workspace-contents';

/** Pages copied per step: 4 MB at a time, so the console stays responsive on a large workspace. */
const pagesPerStep = 1024;

export interface BackupOptions {
  kind: BackupKind;
  at: Date;
  /** Where to write the copy (`pilotdesk backup --out`); by default the workspace's backup folder. */
  outPath?: string;
  nativeBinding?: string;
  onProgress?: (copiedPages: number, totalPages: number) => void;
}

function storageError(key: MessageKey, params: Record<string, string>, cause: unknown): PilotDeskError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new PilotDeskError('STORAGE', key, { ...params, reason }, undefined, { reason });
}

/**
 * Copies the open workspace with SQLite's online backup API (never a file copy of a live
 * database), then verifies the copy before it is listed, in a worker thread so the console keeps
 * answering: integrity_check passes and every table's row count matches the workspace's at the
 * moment the copy completed. A copy that fails
 * anywhere, say on a full disk, is removed and never listed.
 */
export async function makeBackup(db: Database, info: WorkspaceInfo, options: BackupOptions): Promise<BackupInfo> {
  const folder = options.outPath ? dirname(options.outPath) : backupFolderOf(db.path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw storageError('backup.error.folderUnwritable', { folder }, error);
  }
  const id = options.outPath ? basename(options.outPath) : newBackupName(db.path, options.kind, options.at);
  const finalPath = join(folder, id);
  const partialPath = `${finalPath}.partial`;
  const cleanUp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${partialPath}${suffix}`, { force: true });
  };
  cleanUp();
  let sourceCounts: Record<string, number>;
  try {
    await db.connection.backup(partialPath, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return pagesPerStep;
      },
    });
    // Counted in the same turn the copy completed, before any other request can write: the
    // backup API keeps the copy in step with writes made through this connection meanwhile.
    sourceCounts = tableRowCounts(db);
    // One self-contained file: a copy left in WAL mode would grow -wal and -shm files beside it
    // the first time anything opened it.
    const copy = Database.open(partialPath, { nativeBinding: options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  } catch (error) {
    cleanUp();
    throw storageError('backup.error.incomplete', { path: finalPath }, error);
  }
  try {
    const backupInfo = await verifyCopy(partialPath, sourceCounts, {
      id,
      kind: options.kind,
      at: options.at,
      info,
      nativeBinding: options.nativeBinding,
    });
    renameSync(partialPath, finalPath);
    // A copy written where the user asked (--out) is theirs to keep; only the backup folder is listed.
    if (!options.outPath) writeBackupNote(folder, backupInfo);
    return backupInfo;
  } catch (error) {
    cleanUp();
    rmSync(finalPath, { force: true });
    if (error instanceof PilotDeskError) throw error;
    throw storageError('backup.error.incomplete', { path: finalPath }, error);
  }
}

async function verifyCopy(
  path: string,
  sourceCounts: Record<string, number>,
  meta: { id: string; kind: BackupKind; at: Date; info: WorkspaceInfo; nativeBinding?: string },
): Promise<BackupInfo> {
  const verified = await verifyInWorker({ path, nativeBinding: meta.nativeBinding });
  if (verified.counts === null) {
    const { problems } = verified.check;
    throw new PilotDeskError('INTERNAL', 'backup.error.verifyFailed', { problem: problems[0] ?? '' }, undefined, {
      problems,
    });
  }
  const copyCounts = verified.counts;
  const differing = Object.keys({ ...sourceCounts, ...copyCounts }).filter(
    (table) => sourceCounts[table] !== copyCounts[table],
  );
  if (differing.length > 0) {
    throw new PilotDeskError('INTERNAL', 'backup.error.rowCountsDiffer', { tables: differing.join(', ') }, undefined, {
      tables: differing,
    });
  }
  return {
    id: meta.id,
    kind: meta.kind,
    createdAt: meta.at.toISOString(),
    sizeBytes: statSync(path).size,
    workspaceId: meta.info.id,
    workspaceName: meta.info.name,
    schemaVersion: verified.schemaVersion,
    contents: verified.contents,
  };
}
