import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupInfoSchema, type BackupInfo, type BackupKind } from '../../shared/backups/backup-schema';

/**
 * Backups live in one folder beside the workspace file (`华东试验田.pilotdesk` →
 * `华东试验田.backups/`), so they travel with it and the CLI finds them from the workspace path
 * alone. Each backup is a workspace file plus a `.json` note written only after the copy was
 * verified: a file without its note (a copy cut short by a full disk or a crash) is never listed.
 */
export function backupFolderOf(workspacePath: string): string {
  return join(dirname(workspacePath), `${stemOf(workspacePath)}.backups`);
}

function stemOf(workspacePath: string): string {
  return basename(workspacePath).replace(/\.pilotdesk$/i, '');
}

const noteSuffix = '.json';

/** A new backup's file name: the workspace's name, the moment (UTC) and the kind. */
export function newBackupName(workspacePath: string, kind: BackupKind, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  const folder = backupFolderOf(workspacePath);
  let name = `${stemOf(workspacePath)}-${stamp}-${kind}.pilotdesk`;
  for (let n = 2; existsSync(join(folder, name)); n += 1)
    name = `${stemOf(workspacePath)}-${stamp}-${kind}-${n}.pilotdesk`;
  return name;
}

/** The verified backups in a folder, newest first. Notes that do not parse, or whose file is gone or altered, are skipped. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return [];
  const backups: BackupInfo[] = [];
  for (const entry of readdirSync(folder)) {
    if (!entry.endsWith(`.pilotdesk${noteSuffix}`)) continue;
    const id = entry.slice(0, -noteSuffix.length);
    try {
      const info = backupInfoSchema.parse(JSON.parse(readFileSync(join(folder, entry), 'utf8')));
      if (info.id !== id || statSync(join(folder, id)).size !== info.sizeBytes) continue;
      backups.push(info);
    } catch {
      continue;
    }
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function findBackup(folder: string, id: string): BackupInfo | undefined {
  return listBackups(folder).find((backup) => backup.id === id);
}

/** Lists a verified copy: its note is written to a temporary name and renamed, so it appears whole or not at all. */
export function writeBackupNote(folder: string, info: BackupInfo): void {
  const path = join(folder, `${info.id}${noteSuffix}`);
  writeFileSync(`${path}.tmp`, JSON.stringify(info, null, 2));
  renameSync(`${path}.tmp`, path);
}

/** Removes a backup: its note first, so a half-removed backup is never listed. */
export function removeBackup(folder: string, id: string): void {
  rmSync(join(folder, `${id}${noteSuffix}`), { force: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(join(folder, `${id}${suffix}`), { force: true });
}
