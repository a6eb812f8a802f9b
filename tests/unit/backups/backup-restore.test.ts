import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolderOf } from '../../../src/core/backups/backup-folder';
import { demoWorkspaceCopy } from '../../support/workspaces';
import { queryFile } from '../helpers/sqlite-file';
import { callError, callOk, createTestCore } from '../helpers/test-core';
import { tempDir } from '../helpers/temp-dir';
import { describeError } from '../../../src/shared/i18n/translate';

async function demoCore(now = new Date('2026-11-23T02:00:00Z')) {
  const dir = tempDir();
  const core = createTestCore({ dataDir: dir, now });
  const path = demoWorkspaceCopy(join(dir, 'workspaces'));
  await callOk(core, 'workspace.open', { path });
  return { core, path, dir };
}

describe('backups', () => {
  it('backs up with the backup API, verifies the copy and lists it with what it holds', async () => {
    const { core, path } = await demoCore();
    const made = await callOk(core, 'backups.create');
    expect(made).toMatchObject({
      kind: 'manual',
      createdAt: '2026-11-23T02:00:00.000Z',
      schemaVersion: expect.any(Number),
    });
    expect(made.contents).toEqual({ stores: 16, guides: expect.any(Number), imports: 0, latestWeek: '2026-W47' });
    const list = await callOk(core, 'backups.list');
    expect(list.folder).toBe(backupFolderOf(path));
    expect(list.backups).toEqual([made]);
    const file = join(list.folder, made.id);
    expect(queryFile(file, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(queryFile(file, 'SELECT count(*) AS n FROM stores')).toEqual(
      queryFile(path, 'SELECT count(*) AS n FROM stores'),
    );
    // Nothing half-written is left behind.
    expect(readdirSync(list.folder).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it('previews a restore, restores it, and the restore can itself be undone', async () => {
    const { core } = await demoCore();
    const before = await callOk(core, 'backups.create');
    const [store] = await callOk(core, 'stores.list');
    if (!store) throw new Error('the demo has stores');
    await callOk(core, 'stores.archive', { id: store.id });

    const preview = await callOk(core, 'backups.previewRestore', { id: before.id });
    expect(preview.current.stores).toBe(15);
    expect(preview.backup.contents.stores).toBe(16);
    expect(preview.otherWorkspace).toBe(false);

    const result = await callOk(core, 'backups.restore', { id: before.id });
    expect(result.safetyBackup).toMatchObject({ kind: 'beforeRestore' });
    expect(result.safetyBackup.contents.stores).toBe(15);
    expect((await callOk(core, 'stores.get', { id: store.id })).store.status).toBe('active');

    // Undo the restore: restore the safety backup.
    await callOk(core, 'backups.restore', { id: result.safetyBackup.id });
    expect((await callOk(core, 'stores.get', { id: store.id })).store.status).toBe('archived');
    const kinds = (await callOk(core, 'backups.list')).backups.map((backup) => backup.kind);
    expect(kinds.sort()).toEqual(['beforeRestore', 'beforeRestore', 'manual']);
  });

  it('refuses to restore a file that is not a workspace, or is from a newer version, and changes nothing', async () => {
    const { core, path } = await demoCore();
    const made = await callOk(core, 'backups.create');
    const folder = backupFolderOf(path);
    const fake = 'not-a-workspace.pilotdesk';
    writeFileSync(join(folder, fake), 'PK\u0003\u0004 this is a zip, not a workspace');
    writeFileSync(
      join(folder, `${fake}.json`),
      JSON.stringify({ ...made, id: fake, sizeBytes: statSync(join(folder, fake)).size }),
    );
    const error = await callError(core, 'backups.restore', { id: fake });
    expect(error.code).toBe('VALIDATION');
    expect(describeError('zh-CN', error)).toContain('不是试验田工作台的工作区或备份');

    const newer = made.id;
    const file = new BetterSqlite3(join(folder, newer));
    file.pragma('user_version = 99');
    file.close();
    writeFileSync(
      join(folder, `${newer}.json`),
      JSON.stringify({ ...made, sizeBytes: statSync(join(folder, newer)).size }),
    );
    const refused = await callError(core, 'backups.restore', { id: newer });
    expect(describeError('zh-CN', refused)).toContain('由更新版本的试验田工作台创建');
    expect((await callOk(core, 'stores.list')).length).toBe(16);
    expect((await callOk(core, 'backups.list')).backups.map((backup) => backup.kind)).not.toContain('beforeRestore');
  });

  it('refuses a restore while an import is running', async () => {
    const { core } = await demoCore();
    const made = await callOk(core, 'backups.create');
    // An import's file read is under way: the same registry the import handlers use.
    core.jobs.start('read-1');
    const error = await callError(core, 'backups.restore', { id: made.id });
    expect(error.code).toBe('CONFLICT');
    expect(describeError('zh-CN', error)).toContain('有导入正在进行');
  });

  it('a backup folder that cannot be written is refused with a clear message, and nothing is listed', async () => {
    const { core, path } = await demoCore();
    // A file where the folder should be: no user can write a backup there, root included.
    writeFileSync(backupFolderOf(path), 'in the way');
    const error = await callError(core, 'backups.create');
    expect(error.code).toBe('STORAGE');
    expect(describeError('zh-CN', error)).toContain('备份文件夹无法写入');
    expect(existsSync(join(backupFolderOf(path), 'x'))).toBe(false);
  });
});
