import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PilotDeskError } from '../shared/api/result';
import { backupFolderOf, listBackups } from '../core/backups/backup-folder';
import type { Clock } from '../core/clock/clock';
import type { WorkspaceInfo } from '../shared/workspace/workspace-schema';
import { WorkspaceSession } from '../core/workspace/workspace-session';
import { CommandFailure } from './cli-io';

/** Opens the workspace a command names; a missing or unreadable file is a failure that says why. */
export function openWorkspaceForCli(
  workspacePath: string,
  now: Clock,
): { session: WorkspaceSession; info: WorkspaceInfo } {
  const path = resolve(workspacePath);
  if (!existsSync(path)) throw new CommandFailure(`workspace not found / 找不到工作区文件: ${path}`);
  const session = new WorkspaceSession({ dataDir: resolve(path, '..'), now });
  try {
    return { session, info: session.open(path) };
  } catch (error) {
    // One line: SQLite's report of the damage can span several.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
    const details = error instanceof PilotDeskError ? (error.details as { reason?: string } | undefined) : undefined;
    if (details?.reason !== 'damaged') throw new CommandFailure(message);
    // Refused in one line that also says where the newest verified backup is.
    const newest = listBackups(backupFolderOf(path))[0];
    throw new CommandFailure(
      `${message}；${newest ? `最新的已验证备份 / newest verified backup: ${join(backupFolderOf(path), newest.id)}（${newest.createdAt}），用 pilotdesk restore --from 恢复` : '没有已验证的备份 / no verified backup'}`,
    );
  }
}
