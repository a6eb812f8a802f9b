import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations, type Migration } from '../../../src/core/db/migrations';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { checkWorkspaceFile } from '../../../src/core/db/workspace-check';
import { queryFile } from '../helpers/sqlite-file';
import { tempDir } from '../helpers/temp-dir';
import { contentDigest, demoCopy, now, refusal, removeDemoTemplate, userVersion } from './helpers';
import { describeError } from '../../../src/shared/i18n/translate';

afterAll(removeDemoTemplate);

const latest = migrations.length;

/** Two upgrades after the real ones: the first succeeds and edits data; the second fails halfway. */
const addsNotes: Migration = {
  version: latest + 1,
  name: 'adds-notes',
  sql: `CREATE TABLE upgrade_notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
INSERT INTO upgrade_notes (note) VALUES ('written by the first new migration');
UPDATE stores SET name = name || '（已升级）';`,
};
const failsHalfway: Migration = {
  version: latest + 2,
  name: 'fails-halfway',
  sql: `CREATE TABLE upgrade_more (id INTEGER PRIMARY KEY);
INSERT INTO upgrade_more (id) VALUES (1), (2);
UPDATE guides SET name = '改名';
INSERT INTO no_such_table (id) VALUES (1);`,
};

describe('an upgrade that fails halfway', () => {
  it('leaves every row, the schema and user_version as they were, and says which migration failed', () => {
    const dir = tempDir();
    const path = demoCopy(dir);
    // Once opened (and closed) as the app would, so the only change left to make is the upgrade.
    openWorkspaceDatabase(path, { now }).close();
    const before = contentDigest(path);
    const schemaBefore = queryFile(path, 'SELECT type, name, sql FROM sqlite_master ORDER BY type, name');
    expect(userVersion(path)).toBe(latest);

    const error = refusal(() =>
      openWorkspaceDatabase(path, { now, migrations: [...migrations, addsNotes, failsHalfway] }),
    );
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(describeError('zh-CN', error)).toContain('工作区升级失败');
    expect(describeError('zh-CN', error)).toContain(`迁移 ${failsHalfway.version} fails-halfway`);
    expect(describeError('zh-CN', error)).toContain('no such table');
    expect(error.details).toMatchObject({ reason: 'migrationFailed', version: failsHalfway.version });

    expect(contentDigest(path)).toBe(before);
    expect(userVersion(path)).toBe(latest);
    expect(queryFile(path, 'SELECT type, name, sql FROM sqlite_master ORDER BY type, name')).toEqual(schemaBefore);
    expect(queryFile(path, 'SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: latest }]);
    expect(checkWorkspaceFile(path, { full: true })).toEqual({ ok: true, problems: [] });
    // No open marker is left behind: the next open is not mistaken for one after a crash.
    expect(readdirSync(dir).filter((name) => name.includes('.open-'))).toEqual([]);

    // The copy taken before the upgrade (VACUUM INTO) holds the same data.
    const backups = readdirSync(dir).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(contentDigest(join(dir, backups[0]!))).toBe(before);

    // Nothing was left half-done: this version still opens it as it was.
    openWorkspaceDatabase(path, { now }).close();
    expect(contentDigest(path)).toBe(before);
  });

  it('applies several pending migrations together when they all succeed', () => {
    const path = demoCopy(tempDir());
    openWorkspaceDatabase(path, { now }).close();
    const passes: Migration = {
      ...failsHalfway,
      name: 'passes',
      sql: 'CREATE TABLE upgrade_more (id INTEGER PRIMARY KEY);',
    };
    openWorkspaceDatabase(path, { now, migrations: [...migrations, addsNotes, passes] }).close();
    expect(userVersion(path)).toBe(latest + 2);
    expect(
      queryFile(path, 'SELECT version FROM schema_migrations WHERE version > ? ORDER BY version', [latest]),
    ).toEqual([{ version: latest + 1 }, { version: latest + 2 }]);
    expect(queryFile(path, 'SELECT note FROM upgrade_notes')).toEqual([{ note: 'written by the first new migration' }]);
  });

  it('leaves a new workspace without half a schema when its migrations fail', () => {
    const dir = tempDir();
    const path = join(dir, 'new.pilotdesk');
    const error = refusal(() =>
      openWorkspaceDatabase(path, { create: true, now, migrations: [...migrations, failsHalfway] }),
    );
    expect(error.details).toMatchObject({ reason: 'migrationFailed', backupPath: null });
    expect(queryFile(path, "SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
    expect(userVersion(path)).toBe(0);
  });
});
