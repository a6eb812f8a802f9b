import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PilotDeskError } from '../../src/shared/api/result';
import { latestSchemaVersion, migrations } from '../../src/core/db/migrations';
import { migrationChecksum, openWorkspaceDatabase, PILOTDESK_APPLICATION_ID } from '../../src/core/db/open-workspace';
import { createWorkspaceFile, type NewWorkspace } from '../../src/core/workspace/create-workspace';
import { readWorkspaceInfo } from '../../src/core/workspace/workspace-repository';
import { queryFile, readSqlite, sha256 } from './helpers/sqlite-file';
import { fixedNow } from './helpers/test-core';
import { tempDir } from './helpers/temp-dir';
import { describeError } from '../../src/shared/i18n/translate';

const fields: NewWorkspace = { name: '华东试验田', region: '华东', timeZone: 'Asia/Shanghai' };
const now = () => fixedNow;

function newWorkspace(dir: string, name = 'pilot.pilotdesk'): string {
  const path = join(dir, name);
  createWorkspaceFile(path, fields, { now });
  return path;
}

/** Runs `open` and returns the PilotDeskError it must throw. */
function refusal(open: () => unknown): PilotDeskError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(PilotDeskError);
    return error as PilotDeskError;
  }
  throw new Error('expected the workspace to be refused');
}

/** Changes a workspace file behind PilotDesk's back, as another tool or a newer version would. */
function tamper(path: string, sql: string): void {
  const db = new BetterSqlite3(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

describe('creating and reopening a workspace', () => {
  it('reopens with the name, region and time zone it was created with, at the latest schema version', () => {
    const path = newWorkspace(tempDir());
    const db = openWorkspaceDatabase(path, { now });
    try {
      expect(readWorkspaceInfo(db)).toMatchObject({
        ...fields,
        isDemo: false,
        path,
        schemaVersion: latestSchemaVersion,
        createdAt: fixedNow.toISOString(),
      });
    } finally {
      db.close();
    }
  });

  it('runs in WAL mode with foreign keys enforced', () => {
    const db = openWorkspaceDatabase(newWorkspace(tempDir()), { now });
    try {
      expect(db.pragma('journal_mode')).toBe('wal');
      expect(db.pragma('foreign_keys')).toBe(1);
      expect(() =>
        db.run(
          `INSERT INTO guides (id, staff_no, name, store_id, role, created_at, updated_at)
           VALUES ('g1', '001', '王芳', 'no-such-store', 'guide', 'now', 'now')`,
        ),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('marks the file as a PilotDesk workspace and records every migration with its checksum', () => {
    const path = newWorkspace(tempDir());
    expect(readSqlite(path, (db) => db.pragma('application_id', { simple: true }))).toBe(PILOTDESK_APPLICATION_ID);
    expect(queryFile(path, 'SELECT version, checksum FROM schema_migrations ORDER BY version')).toEqual(
      migrations.map((migration) => ({ version: migration.version, checksum: migrationChecksum(migration) })),
    );
  });

  it('leaves only the workspace file behind: no temporary file and no WAL side files', () => {
    const dir = tempDir();
    newWorkspace(dir);
    expect(readdirSync(dir)).toEqual(['pilot.pilotdesk']);
  });

  it('refuses to create over an existing workspace and leaves it untouched', () => {
    const dir = tempDir();
    const path = newWorkspace(dir);
    tamper(path, `INSERT INTO dealers (id, name, created_at, updated_at) VALUES ('d1', '禾丰', 'x', 'x')`);
    const before = sha256(path);
    const error = refusal(() => createWorkspaceFile(path, { ...fields, name: '另一个' }, { now }));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(describeError('zh-CN', error)).toContain(path);
    expect(sha256(path)).toBe(before);
    expect(queryFile(path, 'SELECT name FROM dealers')).toEqual([{ name: '禾丰' }]);
    expect(readdirSync(dir).filter((name) => name.includes('.creating'))).toEqual([]);
  });

  it('refuses to create over any existing file', () => {
    const dir = tempDir();
    const path = join(dir, 'notes.pilotdesk');
    writeFileSync(path, 'my notes');
    expect(refusal(() => createWorkspaceFile(path, fields, { now })).code).toBe('WORKSPACE_INVALID');
    expect(readFileSync(path, 'utf8')).toBe('my notes');
  });

  it('replaces an existing workspace only when asked to', () => {
    const path = newWorkspace(tempDir());
    tamper(path, `INSERT INTO dealers (id, name, created_at, updated_at) VALUES ('d1', '禾丰', 'x', 'x')`);
    createWorkspaceFile(path, { ...fields, name: '重建' }, { now, replace: true });
    expect(queryFile(path, 'SELECT name FROM workspace')).toEqual([{ name: '重建' }]);
    expect(queryFile(path, 'SELECT * FROM dealers')).toEqual([]);
  });

  it('leaves no file at the target path when filling the new workspace fails', () => {
    const dir = tempDir();
    const path = join(dir, 'half.pilotdesk');
    expect(() =>
      createWorkspaceFile(path, fields, {
        now,
        populate: (db) => {
          db.run(`INSERT INTO dealers (id, name, created_at, updated_at) VALUES ('d1', '禾丰', 'x', 'x')`);
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses create: true on a path that already exists', () => {
    const path = newWorkspace(tempDir());
    const before = sha256(path);
    expect(refusal(() => openWorkspaceDatabase(path, { create: true, now })).code).toBe('WORKSPACE_INVALID');
    expect(sha256(path)).toBe(before);
  });
});

describe('refusing files that are not PilotDesk workspaces', () => {
  const pngBytes = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
  ]);

  it.each([
    ['a text file', Buffer.from('门店,导购\nSH001,王芳\n')],
    ['PNG bytes', pngBytes],
    ['an empty file', Buffer.alloc(0)],
    ['a file with only the first bytes of a SQLite header', Buffer.from('SQLite form')],
  ])('refuses %s with WORKSPACE_INVALID and leaves it byte for byte as it was', (_label, bytes) => {
    const dir = tempDir();
    const path = join(dir, 'file.pilotdesk');
    writeFileSync(path, bytes);
    const error = refusal(() => openWorkspaceDatabase(path, { now }));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(describeError('zh-CN', error)).toContain(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['file.pilotdesk']);
  });

  it('refuses a missing file without creating it', () => {
    const dir = tempDir();
    const path = join(dir, 'missing.pilotdesk');
    expect(refusal(() => openWorkspaceDatabase(path, { now })).details).toMatchObject({ reason: 'missing' });
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a folder', () => {
    expect(refusal(() => openWorkspaceDatabase(tempDir(), { now })).code).toBe('WORKSPACE_INVALID');
  });

  it("refuses another application's SQLite database without changing it (not even its journal mode)", () => {
    const dir = tempDir();
    const path = join(dir, 'crm.db');
    const other = new BetterSqlite3(path);
    other.exec(
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('李雷');",
    );
    other.close();
    const before = sha256(path);

    const error = refusal(() => openWorkspaceDatabase(path, { now }));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(error.details).toMatchObject({ reason: 'notWorkspace' });
    expect(sha256(path)).toBe(before);
    expect(readSqlite(path, (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
    expect(readdirSync(dir)).toEqual(['crm.db']);
  });

  it('refuses a workspace written by a newer PilotDesk, saying so', () => {
    const path = newWorkspace(tempDir());
    tamper(path, `PRAGMA user_version = ${latestSchemaVersion + 1}`);
    const before = sha256(path);
    const error = refusal(() => openWorkspaceDatabase(path, { now }));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(describeError('zh-CN', error)).toMatch(/更新版本/);
    expect(error.details).toMatchObject({ reason: 'newerVersion', version: latestSchemaVersion + 1 });
    expect(sha256(path)).toBe(before);
  });

  it("refuses a workspace whose recorded migration differs from this version's (drift)", () => {
    const path = newWorkspace(tempDir());
    tamper(path, "UPDATE schema_migrations SET checksum = 'edited-by-hand' WHERE version = 1");
    const error = refusal(() => openWorkspaceDatabase(path, { now }));
    expect(error.code).toBe('WORKSPACE_INVALID');
    expect(error.details).toMatchObject({ reason: 'migrationDrift', version: 1 });
  });

  it('refuses a workspace that records a migration this version does not have', () => {
    const path = newWorkspace(tempDir());
    tamper(
      path,
      `INSERT INTO schema_migrations (version, name, checksum, applied_at)
       VALUES (${latestSchemaVersion + 1}, 'future', 'x', 'x')`,
    );
    expect(refusal(() => openWorkspaceDatabase(path, { now })).details).toMatchObject({ reason: 'migrationDrift' });
  });
});

describe('backups before migrating', () => {
  it('makes no backup when the workspace is already up to date', () => {
    const dir = tempDir();
    const path = newWorkspace(dir);
    openWorkspaceDatabase(path, { now }).close();
    openWorkspaceDatabase(path, { now }).close();
    expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
  });

  // With a single migration no older version with applied migrations can exist yet; this runs
  // as soon as a second migration lands.
  it.runIf(migrations.length >= 2)('backs up a workspace from the previous version before migrating it', () => {
    const dir = tempDir();
    const path = join(dir, 'old.pilotdesk');
    const previous = migrations.slice(0, -1);
    const old = new BetterSqlite3(path);
    old.pragma(`application_id = ${PILOTDESK_APPLICATION_ID}`);
    old.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const migration of previous) {
      old.exec(migration.sql);
      old
        .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)')
        .run(migration.version, migration.name, migrationChecksum(migration), 'x');
    }
    old.pragma(`user_version = ${previous.length}`);
    old.close();

    openWorkspaceDatabase(path, { now }).close();
    const backups = readdirSync(dir).filter((name) => name.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(readSqlite(join(dir, backups[0] as string), (db) => db.pragma('user_version', { simple: true }))).toBe(
      previous.length,
    );
    expect(readSqlite(path, (db) => db.pragma('user_version', { simple: true }))).toBe(latestSchemaVersion);
  });
});
