import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import type { BackupInfo, BackupKind } from '../../shared/backups/backup-schema';
import { todayIn } from '../../shared/dates/local-date';
import type { WorkspaceSession } from '../workspace/workspace-session';
import { backupFolderOf, findBackup, listBackups, removeBackup } from './backup-folder';
import { makeBackup } from './make-backup';
import { backupsToPrune } from './retention';
import { assertRestorable, copyBackupInto } from './restore';

/** One backup or restore at a time per process: a daily backup and "Back up now" must not interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export function backupNow(session: WorkspaceSession, kind: BackupKind, now: () => Date): Promise<BackupInfo> {
  return serially(async () => {
    const db = session.requireDb();
    const info = session.requireInfo();
    const made = await makeBackup(db, info, { kind, at: now(), nativeBinding: session.options.nativeBinding });
    const folder = backupFolderOf(db.path);
    for (const old of backupsToPrune(listBackups(folder), info.timeZone)) removeBackup(folder, old.id);
    return made;
  });
}

/** The day's backup, the first time the workspace is used that day (in its time zone); null when there is one already. */
export async function ensureDailyBackup(session: WorkspaceSession, now: () => Date): Promise<BackupInfo | null> {
  const info = session.current();
  if (!info) return null;
  const today = todayIn(info.timeZone, now());
  const hasToday = listBackups(backupFolderOf(info.path)).some(
    (backup) => backup.kind === 'daily' && todayIn(info.timeZone, new Date(backup.createdAt)) === today,
  );
  if (hasToday) return null;
  return backupNow(session, 'daily', now);
}

export function requireBackup(workspacePath: string, id: string): { info: BackupInfo; path: string } {
  const folder = backupFolderOf(workspacePath);
  const info = findBackup(folder, id);
  if (!info)
    throw new PilotDeskError('NOT_FOUND', 'backup.error.notFound', { id }, [{ field: 'id', rule: 'invalidBackup' }]);
  return { info, path: join(folder, id) };
}

/**
 * Restores a backup file over the open workspace: checks the file, backs up the current state
 * first (so the restore can itself be undone), writes the backup in, and opens the result.
 */
export function restoreFromFile(
  session: WorkspaceSession,
  backupPath: string,
  options: { now: () => Date; busy: () => boolean },
): Promise<{ safetyBackup: BackupInfo }> {
  return serially(async () => {
    if (options.busy())
      throw new PilotDeskError('CONFLICT', 'backup.error.importRunning', {}, undefined, {
        reason: 'importRunning',
      });
    const db = session.requireDb();
    const info = session.requireInfo();
    const workspacePath = info.path;
    assertRestorable(backupPath, { full: true, nativeBinding: session.options.nativeBinding });
    const safetyBackup = await makeBackup(db, info, {
      kind: 'beforeRestore',
      at: options.now(),
      nativeBinding: session.options.nativeBinding,
    });
    session.close();
    try {
      await copyBackupInto(backupPath, workspacePath, session.options.nativeBinding);
    } finally {
      // Open again whatever happened: the workspace is either restored or as it was.
      session.open(workspacePath);
    }
    return { safetyBackup };
  });
}

/**
 * Replaces a damaged workspace with one of its verified backups. The damaged file is kept aside
 * (`…pilotdesk.damaged-<time>`), never overwritten, in case someone can recover more from it.
 */
export function restoreDamaged(session: WorkspaceSession, id: string, now: () => Date): Promise<void> {
  const damaged = session.damaged;
  if (!damaged) return Promise.reject(new PilotDeskError('NOT_FOUND', 'backup.error.nothingDamaged'));
  return restoreDamagedFrom(session, requireBackup(damaged.path, id).path, now);
}

/** As `restoreDamaged`, from any backup file (`pilotdesk restore --from`). */
export function restoreDamagedFrom(session: WorkspaceSession, backupPath: string, now: () => Date): Promise<void> {
  return serially(async () => {
    const damaged = session.damaged;
    if (!damaged) throw new PilotDeskError('NOT_FOUND', 'backup.error.nothingDamaged');
    assertRestorable(backupPath, { full: true, nativeBinding: session.options.nativeBinding });
    const stamp = now()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(`${damaged.path}${suffix}`))
        renameSync(`${damaged.path}${suffix}`, `${damaged.path}.damaged-${stamp}${suffix}`);
    }
    await copyBackupInto(backupPath, damaged.path, session.options.nativeBinding);
    session.open(damaged.path);
  });
}
