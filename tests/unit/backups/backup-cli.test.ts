import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { backupFolderOf } from '../../../src/core/backups/backup-folder';
import { damageTableRoot } from '../../support/damage';
import { demoWorkspaceCopy, fixedNow } from '../../support/workspaces';
import { queryFile } from '../helpers/sqlite-file';
import { tempDir } from '../helpers/temp-dir';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilInterrupted: () => new Promise(() => {}),
    now: () => fixedNow,
    locale: 'zh-CN',
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err };
}

describe('pilotdesk backup, backups, restore', () => {
  it('backs up, lists, previews a restore without changing anything, then restores with --yes', async () => {
    const path = demoWorkspaceCopy(tempDir());
    const made = await run(['backup', '--workspace', path]);
    expect(made.err).toEqual([]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('已备份并通过校验');
    const listed = await run(['backups', '--workspace', path, '--json']);
    const { backups } = JSON.parse(listed.out) as { backups: { id: string; contents: { stores: number } }[] };
    expect(backups).toHaveLength(1);
    expect(backups[0]?.contents.stores).toBe(16);
    const backupPath = join(backupFolderOf(path), backups[0]?.id ?? '');

    const db = new BetterSqlite3(path);
    db.prepare("UPDATE stores SET archived_at = '2026-11-23T00:00:00Z'").run();
    db.close();
    const preview = await run(['restore', '--workspace', path, '--from', backupPath]);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('门店 0 → 16');
    expect(preview.out).toContain('没有改动任何数据');
    expect(queryFile(path, 'SELECT count(*) AS n FROM stores WHERE archived_at IS NULL')).toEqual([{ n: 0 }]);

    const restored = await run(['restore', '--workspace', path, '--from', backupPath, '--yes']);
    expect(restored.err).toEqual([]);
    expect(restored.out).toContain('已恢复');
    expect(queryFile(path, 'SELECT count(*) AS n FROM stores WHERE archived_at IS NULL')).toEqual([{ n: 16 }]);
    expect(queryFile(path, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const after = JSON.parse((await run(['backups', '--workspace', path, '--json'])).out) as {
      backups: { kind: string }[];
    };
    expect(after.backups.map((backup) => backup.kind).sort()).toEqual(['beforeRestore', 'manual']);
  });

  it('refuses a damaged workspace in one line that names the damage and the newest verified backup (exit 2)', async () => {
    const path = demoWorkspaceCopy(tempDir());
    expect((await run(['backup', '--workspace', path])).code).toBe(0);
    damageTableRoot(path, 'guides');
    const refused = await run(['tiers', '--workspace', path, '--week', '2026-W47']);
    expect(refused.code).toBe(2);
    expect(refused.err).toHaveLength(1);
    expect(refused.err[0]).toMatch(/已损坏.*最新的已验证备份.*\.backups/);

    const newest = (
      JSON.parse((await run(['backups', '--workspace', path, '--json'])).out) as { backups: { id: string }[] }
    ).backups[0];
    const restored = await run([
      'restore',
      '--workspace',
      path,
      '--from',
      join(backupFolderOf(path), newest?.id ?? ''),
      '--yes',
    ]);
    expect(restored.err).toEqual([]);
    expect(restored.code).toBe(0);
    expect((await run(['tiers', '--workspace', path, '--week', '2026-W47'])).code).toBe(0);
    expect(readdirSync(join(path, '..')).some((name) => name.includes('.damaged-'))).toBe(true);
  });

  it('a disk that fills up while a backup is written: the half-written file is removed and never listed', () => {
    const path = demoWorkspaceCopy(tempDir());
    // The compiled CLI is brought up to date first: a rebuild under the file-size limit would fail.
    expect(spawnSync(process.execPath, ['bin/pilotdesk.mjs', '--help'], { encoding: 'utf8' }).status).toBe(0);
    // A file-size limit below the workspace's size makes every write past it fail as a full disk
    // would (EFBIG instead of ENOSPC); the ignored SIGXFSZ lets the process see the error.
    const child = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 1024; exec "${process.execPath}" bin/pilotdesk.mjs backup --workspace "${path}"`],
      {
        encoding: 'utf8',
        env: { ...process.env, PILOTDESK_NOW: fixedNow.toISOString(), PILOTDESK_LOCALE: 'zh-CN' },
      },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('备份没有写完，已删除未完成的文件');
    const folder = backupFolderOf(path);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});
