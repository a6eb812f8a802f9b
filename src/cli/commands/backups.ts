import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupInfo } from '../../shared/backups/backup-schema';
import { backupFolderOf, listBackups } from '../../core/backups/backup-folder';
import { backupNow, restoreDamagedFrom, restoreFromFile } from '../../core/backups/backup-service';
import { WorkspaceSession } from '../../core/workspace/workspace-session';
import type { Clock } from '../../core/clock/clock';
import { makeBackup } from '../../core/backups/make-backup';
import { describeBackupFile, previewRestore } from '../../core/backups/restore';
import { CommandFailure, UsageError } from '../cli-io';
import { defineCommand, requireOption } from '../command';
import { openWorkspaceForCli } from '../open-workspace';

const kindNames: Record<BackupInfo['kind'], string> = { daily: '每日', manual: '手动', beforeRestore: '恢复前' };

function describe(backup: BackupInfo): string {
  const { stores, guides, imports, latestWeek } = backup.contents;
  const size = `${(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB`;
  // In this machine's time zone, as the person at it reads a time.
  const at = new Date(backup.createdAt).toLocaleString('zh-CN', { hour12: false });
  return `${at}  ${kindNames[backup.kind]}  ${size}  门店 ${stores} · 导购 ${guides} · 导入 ${imports} · 最新数据 ${latestWeek ?? '无'}  ${backup.id}`;
}

function failure(error: unknown): CommandFailure {
  return new CommandFailure(error instanceof Error ? error.message : String(error));
}

export const backupCommand = defineCommand({
  name: 'backup',
  summary: 'Back a workspace up now, verified / 立即备份',
  usage: 'pilotdesk backup --workspace FILE [--out FILE]',
  options: {
    workspace: { type: 'string', short: 'w' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = requireOption(values.workspace, '--workspace', 'backup');
    if (values.out !== undefined && !values.out.toLowerCase().endsWith('.pilotdesk')) {
      throw new UsageError(`backup: --out must name a .pilotdesk file, not "${values.out}"`);
    }
    if (values.out !== undefined && existsSync(resolve(values.out))) {
      throw new CommandFailure(`${resolve(values.out)} already exists; name a new file / 文件已存在`);
    }
    const { session, info } = openWorkspaceForCli(workspacePath, now);
    try {
      const made = values.out
        ? await makeBackup(session.requireDb(), info, { kind: 'manual', at: now(), outPath: resolve(values.out) })
        : await backupNow(session, 'manual', now);
      io.out(
        `已备份并通过校验 / verified backup: ${values.out ? resolve(values.out) : `${backupFolderOf(info.path)}/${made.id}`}`,
      );
      io.out(describe(made));
      return 0;
    } catch (error) {
      throw failure(error);
    } finally {
      session.close();
    }
  },
});

export const backupsCommand = defineCommand({
  name: 'backups',
  summary: "List a workspace's verified backups / 备份列表",
  usage: 'pilotdesk backups --workspace FILE [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'backups'));
    // Reads the backup folder only: listing works even when the workspace itself is damaged.
    const folder = backupFolderOf(workspacePath);
    const backups = listBackups(folder);
    if (values.json) {
      io.out(JSON.stringify({ folder, backups }, null, 2));
      return 0;
    }
    if (backups.length === 0) io.out(`还没有备份 / no backups yet: ${folder}`);
    else {
      io.out(`${folder}`);
      backups.forEach((backup) => io.out(describe(backup)));
    }
    return 0;
  },
});

/** A session that knows the workspace is damaged, or null when it opens (or fails for another reason). */
function damagedSession(path: string, now: Clock): WorkspaceSession | null {
  const session = new WorkspaceSession({ dataDir: resolve(path, '..'), now });
  try {
    session.open(path);
  } catch {
    if (session.damaged) return session;
  }
  session.close();
  return null;
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'Restore a backup over a workspace (backs the current state up first) / 从备份恢复',
  usage: 'pilotdesk restore --workspace FILE --from BACKUP [--yes]',
  options: {
    workspace: { type: 'string', short: 'w' },
    from: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = requireOption(values.workspace, '--workspace', 'restore');
    const from = resolve(requireOption(values.from, '--from', 'restore'));
    const damaged = damagedSession(resolve(workspacePath), now);
    if (damaged) {
      // A damaged workspace cannot be opened to preview against: it is set aside and replaced.
      if (!values.yes) {
        io.out(
          `工作区已损坏，恢复会把它移到一旁（.damaged-…）并换成 ${from}。确认请加上 --yes / nothing changed; add --yes.`,
        );
        return 0;
      }
      try {
        await restoreDamagedFrom(damaged, from, now);
      } catch (error) {
        throw failure(error);
      } finally {
        damaged.close();
      }
      io.out(
        `已恢复 / restored: ${resolve(workspacePath)}（损坏的文件保留为 .damaged-… / the damaged file is kept aside）`,
      );
      return 0;
    }
    const { session, info } = openWorkspaceForCli(workspacePath, now);
    try {
      const backup = describeBackupFile(from);
      const preview = previewRestore(session.requireDb(), backup, from, info.id);
      const { current } = preview;
      const then = backup.contents;
      io.out(`恢复 ${from} 到 ${info.path}`);
      io.out(
        `  门店 ${current.stores} → ${then.stores}，导购 ${current.guides} → ${then.guides}，导入 ${current.imports} → ${then.imports}，最新数据 ${current.latestWeek ?? '无'} → ${then.latestWeek ?? '无'}`,
      );
      for (const line of preview.importsLost)
        io.out(`  将不再有的导入：${line.fileName ?? line.id}（${line.createdAt}）`);
      if (preview.otherWorkspace) io.out(`  注意：这个备份来自另一个工作区「${backup.workspaceName}」`);
      if (!values.yes) {
        io.out('没有改动任何数据。确认恢复请加上 --yes / nothing changed; add --yes to restore.');
        return 0;
      }
      const { safetyBackup } = await restoreFromFile(session, from, { now, busy: () => false });
      io.out(
        `已恢复。恢复前的状态已备份，可以用它撤销这次恢复 / restored; the state before is kept: ${backupFolderOf(info.path)}/${safetyBackup.id}`,
      );
      return 0;
    } catch (error) {
      throw failure(error);
    } finally {
      session.close();
    }
  },
});
