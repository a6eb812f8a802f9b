import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import type { MessageKey } from '../../shared/i18n/dictionary';
import type { MessageParams } from '../../shared/i18n/message-ref';
import type { BackupInfo, RestorePreview } from '../../shared/backups/backup-schema';
import { Database } from '../db/database';
import { latestSchemaVersion } from '../db/migrations';
import { readFileHeader } from '../db/open-workspace';
import { checkWorkspaceFile } from '../db/workspace-check';
import { importsInForce, workspaceContents } from './workspace-contents';

function refused(key: MessageKey, params: MessageParams, reason: string): PilotDeskError {
  return new PilotDeskError(
    'VALIDATION',
    key,
    params,
    [{ field: 'backup', rule: 'invalidBackup', params: { reason } }],
    {
      reason,
    },
  );
}

/**
 * Checks a file before anything is restored from it: a PilotDesk workspace, of this version or an
 * older one, that passes SQLite's check (quick for a preview, the full integrity_check before a
 * restore writes anything). Every refusal names the reason and changes nothing.
 */
export function assertRestorable(path: string, options: { full: boolean; nativeBinding?: string }): void {
  const { nativeBinding } = options;
  if (!existsSync(path) || !statSync(path).isFile()) throw refused('backup.error.fileMissing', { path }, 'missing');
  const header = readFileHeader(path);
  if (!header.sqlite || !header.ours) {
    throw refused('backup.error.notWorkspace', { path }, 'notWorkspace');
  }
  const db = Database.open(path, { readonly: true, nativeBinding });
  let version: number;
  try {
    version = db.pragma<number>('user_version');
  } finally {
    db.close();
  }
  if (version > latestSchemaVersion) {
    throw refused('backup.error.newerVersion', { version, supported: latestSchemaVersion, path }, 'newerVersion');
  }
  const check = checkWorkspaceFile(path, { full: options.full, nativeBinding });
  if (!check.ok) throw refused('backup.error.damaged', { problem: check.problems[0] ?? '', path }, 'damaged');
}

/** A backup file's own account of itself, for a file named on the command line rather than listed. */
export function describeBackupFile(path: string, nativeBinding?: string): BackupInfo {
  assertRestorable(path, { full: false, nativeBinding });
  const copy = Database.open(path, { readonly: true, nativeBinding });
  try {
    const workspace = copy.get<{ id: string; name: string; createdAt: string }>(
      'SELECT id, name, created_at AS createdAt FROM workspace LIMIT 1',
    );
    return {
      id: basename(path),
      kind: 'manual',
      createdAt: new Date(statSync(path).mtimeMs).toISOString(),
      sizeBytes: statSync(path).size,
      workspaceId: workspace?.id ?? '',
      workspaceName: workspace?.name ?? '',
      schemaVersion: copy.pragma<number>('user_version'),
      contents: workspaceContents(copy),
    };
  } finally {
    copy.close();
  }
}

/** What restoring `backupPath` (checked by the caller) over the open workspace would change; reads only. */
export function previewRestore(
  db: Database,
  backup: BackupInfo,
  backupPath: string,
  workspaceId: string,
  nativeBinding?: string,
): RestorePreview {
  const copy = Database.open(backupPath, { readonly: true, nativeBinding });
  try {
    const now = importsInForce(db);
    const then = importsInForce(copy);
    const nowIds = new Set(now.map((line) => line.id));
    const thenIds = new Set(then.map((line) => line.id));
    return {
      backup,
      current: workspaceContents(db),
      importsLost: now.filter((line) => !thenIds.has(line.id)),
      importsRegained: then.filter((line) => !nowIds.has(line.id)),
      otherWorkspace: backup.workspaceId !== workspaceId,
      olderVersion: backup.schemaVersion < latestSchemaVersion,
    };
  } finally {
    copy.close();
  }
}

/**
 * Writes the backup's content into the workspace file with SQLite's backup API: one write
 * transaction on the workspace, so a crash halfway leaves the workspace as it was, and any other
 * connection sees the old or the new content, never a mix. The caller closes its own connection
 * first and opens the workspace again afterwards (which upgrades an older backup).
 */
export async function copyBackupInto(backupPath: string, workspacePath: string, nativeBinding?: string): Promise<void> {
  const source = Database.open(backupPath, { readonly: true, nativeBinding });
  try {
    await source.connection.backup(workspacePath, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}
