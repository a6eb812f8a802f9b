import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { PilotDeskError } from '../../shared/api/result';
import { Database } from './database';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

/** Marks a SQLite file as a PilotDesk workspace ("PDK1"), so other databases are refused. */
export const PILOTDESK_APPLICATION_ID = 0x50444b31;

const sqliteHeader = 'SQLite format 3\u0000';

export interface OpenWorkspaceOptions {
  nativeBinding?: string;
  /** Create a new, empty workspace file; refuses when the file already exists. */
  create?: boolean;
  now?: () => Date;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function invalid(message: string, details?: unknown): PilotDeskError {
  return new PilotDeskError('WORKSPACE_INVALID', message, undefined, details);
}

function assertLooksLikeSqlite(path: string): void {
  if (!existsSync(path)) throw invalid(`工作区文件不存在：${path}`, { reason: 'missing', path });
  if (!statSync(path).isFile()) throw invalid(`不是文件：${path}`, { reason: 'notFile', path });
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== sqliteHeader) {
    throw invalid(`不是试验田工作台的工作区文件：${path}`, { reason: 'notWorkspace', path });
  }
}

/**
 * Opens (or creates) a workspace file: checks that it is one of ours and not from a newer
 * version, verifies that landed migrations were not altered, backs the file up before
 * migrating, then applies what is pending, each migration in its own transaction.
 */
export function openWorkspaceDatabase(path: string, options: OpenWorkspaceOptions = {}): Database {
  const now = options.now ?? (() => new Date());
  if (options.create) {
    if (existsSync(path)) throw invalid(`文件已存在：${path}`, { reason: 'exists', path });
  } else {
    assertLooksLikeSqlite(path);
    // Check identity on a read-only connection first: opening read-write switches the file to
    // WAL, which would alter another application's database before we refuse it.
    const probe = Database.open(path, { nativeBinding: options.nativeBinding, readonly: true });
    try {
      checkIdentity(probe, path);
    } finally {
      probe.close();
    }
  }
  const db = Database.open(path, { nativeBinding: options.nativeBinding, create: options.create });
  try {
    if (options.create) db.pragma(`application_id = ${PILOTDESK_APPLICATION_ID}`);
    migrate(db, now);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIdentity(db: Database, path: string): void {
  let applicationId: number;
  try {
    applicationId = db.pragma<number>('application_id');
  } catch {
    throw invalid(`文件已损坏或不是工作区：${path}`, { reason: 'corrupt', path });
  }
  if (applicationId !== PILOTDESK_APPLICATION_ID) {
    throw invalid(`不是试验田工作台的工作区文件：${path}`, { reason: 'notWorkspace', path });
  }
  const version = db.pragma<number>('user_version');
  if (version > latestSchemaVersion) {
    throw invalid(
      `这个工作区由更新版本的试验田工作台创建（数据版本 ${version}，当前版本最多支持 ${latestSchemaVersion}），请先升级软件。`,
      { reason: 'newerVersion', version, supported: latestSchemaVersion },
    );
  }
}

function migrate(db: Database, now: () => Date): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.all<{ version: number; name: string; checksum: string }>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  for (const row of applied) {
    const migration = migrations[row.version - 1];
    if (!migration || migrationChecksum(migration) !== row.checksum) {
      throw invalid(`工作区的数据结构与本版本不一致（迁移 ${row.version} ${row.name}），为保护数据已停止打开。`, {
        reason: 'migrationDrift',
        version: row.version,
      });
    }
  }
  const pending = migrations.slice(applied.length);
  if (pending.length === 0) return;
  if (applied.length > 0) backupBeforeMigration(db, applied.length, now());
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        migration.version,
        migration.name,
        migrationChecksum(migration),
        now().toISOString(),
      ]);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}

/** A consistent copy beside the workspace, taken before any migration touches it. */
function backupBeforeMigration(db: Database, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const backupPath = `${db.path}.v${fromVersion}-${stamp}.bak`;
  db.connection.prepare('VACUUM INTO ?').run(backupPath);
  return backupPath;
}
