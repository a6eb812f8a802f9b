import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BackupInfo } from '../../shared/backups/backup-schema';
import { CommandFailure } from '../cli-io';
import { defineCommand, requireOption, type FlagsOf } from '../command';

const kindNames: Record<BackupInfo['kind'], string> = { daily: '每日', manual: '手动', beforeRestore: '恢复前' };

function describe(backup: BackupInfo): string {
  const { stores, guides, imports, latestWeek } = backup.contents;
  const size = `${(backup.sizeBytes / 1024 / 1024).toFixed(1)} MB`;
  // In this machine's time zone, as the person at it reads a time.
  const at = new Date(backup.createdAt).toLocaleString('zh-CN', { hour12: false });
  return `${at}  ${kindNames[backup.kind]}  ${size}  门店 ${stores} · 导购 ${guides} · 导入 ${imports} · 最新数据 ${latestWeek ?? '无'}  ${backup.id}`;
}

export const backupCommand = defineCommand({
  name: 'backup',
  usage: 'pilotdesk backup --workspace FILE [--out FILE]',
  options: {
    workspace: { type: 'string', short: 'w' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'backup'));
    const out = values.out === undefined ? undefined : resolve(values.out);
    const input = out === undefined ? undefined : { outPath: out };
    const flags: FlagsOf = { outPath: { flag: '--out', value: values.out, example: 'copy.pilotdesk' } };
    const { checkFlags, withCore } = await import('../cli-core');
    checkFlags('backup', 'backups.create', input, flags, io.locale);
    if (out !== undefined && existsSync(out)) {
      throw new CommandFailure(`${out} already exists; name a new file / 文件已存在`);
    }
    return withCore('backup', io, now, async (cli) => {
      await cli.openWorkspace(workspacePath);
      const made = await cli.call('backups.create', input, flags);
      const where = out ?? join((await cli.call('backups.list', { path: workspacePath })).folder, made.id);
      io.out(`已备份并通过校验 / verified backup: ${where}`);
      io.out(describe(made));
      return 0;
    });
  },
});

export const backupsCommand = defineCommand({
  name: 'backups',
  usage: 'pilotdesk backups --workspace FILE [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'backups'));
    const { withCore } = await import('../cli-core');
    return withCore('backups', io, now, async (cli) => {
      // Reads the backup folder only: listing works even when the workspace itself is damaged.
      const { folder, backups } = await cli.call('backups.list', { path: workspacePath });
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
    });
  },
});

export const restoreCommand = defineCommand({
  name: 'restore',
  usage: 'pilotdesk restore --workspace FILE --from BACKUP [--yes]',
  options: {
    workspace: { type: 'string', short: 'w' },
    from: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const workspacePath = resolve(requireOption(values.workspace, '--workspace', 'restore'));
    const from = resolve(requireOption(values.from, '--from', 'restore'));
    const flags: FlagsOf = { file: { flag: '--from', value: values.from } };
    const { withCore } = await import('../cli-core');
    return withCore('restore', io, now, async (cli) => {
      const opened = await cli.tryOpenWorkspace(workspacePath);
      if (!opened.ok) {
        const failure = await cli.openFailure(workspacePath, opened.error);
        if (failure.reason !== 'damaged') throw failure;
        // A damaged workspace cannot be opened to preview against: it is set aside and replaced.
        if (!values.yes) {
          io.out(
            `工作区已损坏，恢复会把它移到一旁（.damaged-…）并换成 ${from}。确认请加上 --yes / nothing changed; add --yes.`,
          );
          return 0;
        }
        await cli.call('backups.restoreDamagedFrom', { file: from }, flags);
        io.out(`已恢复 / restored: ${workspacePath}（损坏的文件保留为 .damaged-… / the damaged file is kept aside）`);
        return 0;
      }
      const info = opened.data;
      const preview = await cli.call('backups.previewRestoreFrom', { file: from }, flags);
      const { current, backup } = preview;
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
      const { safetyBackup } = await cli.call('backups.restoreFrom', { file: from }, flags);
      const { folder } = await cli.call('backups.list', { path: info.path });
      io.out(
        `已恢复。恢复前的状态已备份，可以用它撤销这次恢复 / restored; the state before is kept: ${join(folder, safetyBackup.id)}`,
      );
      return 0;
    });
  },
});
