import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { PilotDeskError } from '../../shared/api/result';
import type { MessageKey } from '../../shared/i18n/dictionary';
import { messageRef, type MessageParam, type MessageParams } from '../../shared/i18n/message-ref';
import { systemClock } from '../clock/clock';
import { Database } from './database';
import { migrations as shippedMigrations, type Migration } from './migrations';
import { createOpenMarker, lastShutdown, removeMarkers } from './open-markers';
import { isFullCheckDue, recordFullCheck, runCheck } from './workspace-check';

/** Marks a SQLite file as a PilotDesk workspace ("PDK1"), so other databases are refused. */
export const PILOTDESK_APPLICATION_ID = 0x50444b31;

const sqliteHeader = 'SQLite format 3\u0000';
/** Where the application id sits in a SQLite file's 100-byte header (big-endian). */
const applicationIdOffset = 68;

export interface OpenWorkspaceOptions {
  nativeBinding?: string;
  /** Create a new, empty workspace file; refuses when the file already exists. */
  create?: boolean;
  now?: () => Date;
  /** The migrations to apply, in order. For tests (an upgrade that fails); the app uses the shipped list. */
  migrations?: readonly Migration[];
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function invalid(key: MessageKey, params: MessageParams, details?: unknown): PilotDeskError {
  return new PilotDeskError('WORKSPACE_INVALID', key, params, undefined, details);
}

/** `problems` are SQLite's own reports; with none, the sentence says the file cannot be read. */
function damaged(path: string, problems: MessageParam[]): PilotDeskError {
  return invalid(
    'workspace.error.damaged',
    { problem: problems[0] ?? messageRef('workspace.error.unreadable'), path },
    // Details keep SQLite's own lines; a problem of ours is a key, written out by the sentence only.
    { reason: 'damaged', path, problems: problems.filter((problem) => typeof problem === 'string') },
  );
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A file SQLite will not read: damage when its header still names it ours, otherwise unknown. */
function unreadable(path: string, error: unknown, ours: boolean): PilotDeskError {
  if (ours && isCorruption(error)) return damaged(path, [messageOf(error)]);
  return invalid('workspace.error.corrupt', { path }, { reason: 'corrupt', path });
}

/**
 * What a file's first 100 bytes say, read without SQLite: whether it calls itself an SQLite file,
 * and whether it carries our application id (so damage elsewhere in the header can be told from
 * a foreign file). Workspaces and backups are both checked this way.
 */
export function readFileHeader(path: string): { sqlite: boolean; ours: boolean } {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return {
    sqlite: header.toString('latin1', 0, sqliteHeader.length) === sqliteHeader,
    ours: length === header.length && header.readUInt32BE(applicationIdOffset) === PILOTDESK_APPLICATION_ID,
  };
}

/** Returns whether the header carries our application id. */
function assertLooksLikeSqlite(path: string): boolean {
  if (!existsSync(path)) throw invalid('workspace.error.missing', { path }, { reason: 'missing', path });
  if (!statSync(path).isFile()) throw invalid('workspace.error.notFile', { path }, { reason: 'notFile', path });
  const { sqlite, ours } = readFileHeader(path);
  if (!sqlite) {
    if (ours) throw damaged(path, [messageRef('workspace.error.headerDamaged')]);
    throw invalid('workspace.error.notWorkspace', { path }, { reason: 'notWorkspace', path });
  }
  return ours;
}

/** A commit must reach the disk before it returns; a connection that would not promise it is a bug, not a user's problem. */
export function assertDurableWrites(db: Database): void {
  const journalMode = db.pragma<string>('journal_mode');
  const synchronous = db.pragma<number>('synchronous');
  if (journalMode !== 'wal' || synchronous !== 2) {
    throw new PilotDeskError(
      'INTERNAL',
      'workspace.error.notDurable',
      { journalMode, synchronous, path: db.path },
      undefined,
      { reason: 'notDurable', path: db.path, journalMode, synchronous },
    );
  }
}

/**
 * Opens (or creates) a workspace file: checks that it is one of ours, not from a newer version
 * and not damaged, verifies that landed migrations were not altered, backs the file up before
 * migrating, then applies everything pending in one transaction.
 */
export function openWorkspaceDatabase(path: string, options: OpenWorkspaceOptions = {}): Database {
  const now = options.now ?? systemClock();
  const list = options.migrations ?? shippedMigrations;
  let ours = true;
  let fullCheck = false;
  let staleMarkers: string[] = [];
  if (options.create) {
    if (existsSync(path)) throw invalid('workspace.error.exists', { path }, { reason: 'exists', path });
  } else {
    ours = assertLooksLikeSqlite(path);
    // Read before any connection of ours exists, or it would count as a process holding the file.
    const shutdown = lastShutdown(path);
    staleMarkers = shutdown.staleMarkers;
    fullCheck = probe(path, {
      nativeBinding: options.nativeBinding,
      supported: list.length,
      unclean: shutdown.unclean,
      ours,
      now: now(),
    });
  }
  const db = Database.open(path, { nativeBinding: options.nativeBinding, create: options.create });
  try {
    // A new file has no one to tell about a crash: createWorkspaceFile removes a half-made one.
    if (!options.create) {
      const marker = createOpenMarker(path);
      if (marker) db.onClose(() => removeMarkers([marker]));
    }
    assertDurableWrites(db);
    if (options.create) db.pragma(`application_id = ${PILOTDESK_APPLICATION_ID}`);
    migrate(db, list, now);
    // A new file is whole by construction: its first week needs no full check either.
    if (fullCheck || options.create) {
      recordFullCheck(db, now());
      // Kept until a full check has passed, so a refused or failed open still counts as unclean next time.
      removeMarkers(staleMarkers);
    }
    return db;
  } catch (error) {
    db.close();
    throw isCorruption(error) ? unreadable(path, error, ours) : error;
  }
}

interface ProbeContext {
  nativeBinding?: string;
  /** The newest schema version this build knows. */
  supported: number;
  unclean: boolean;
  /** The header carries our application id. */
  ours: boolean;
  now: Date;
}

/**
 * Identity and damage are checked on a read-only connection first: opening read-write switches
 * the file to WAL, which would alter another application's database before we refuse it, and
 * writing to a damaged file can spread the damage. quick_check runs on every open; the full
 * integrity_check when a week has passed since the last one or the last session did not close.
 * Returns whether the full check ran.
 */
function probe(path: string, context: ProbeContext): boolean {
  let db: Database;
  try {
    db = Database.open(path, { nativeBinding: context.nativeBinding, readonly: true });
  } catch (error) {
    throw isCorruption(error) ? unreadable(path, error, context.ours) : error;
  }
  try {
    checkIdentity(db, path, context);
    const full = context.unclean || isFullCheckDue(db, context.now);
    const result = runCheck(db, full);
    if (!result.ok) throw damaged(path, result.problems);
    return full;
  } finally {
    db.close();
  }
}

function checkIdentity(db: Database, path: string, { supported, ours }: ProbeContext): void {
  let applicationId: number;
  try {
    applicationId = db.pragma<number>('application_id');
  } catch (error) {
    throw unreadable(path, error, ours);
  }
  if (applicationId !== PILOTDESK_APPLICATION_ID) {
    throw invalid('workspace.error.notWorkspace', { path }, { reason: 'notWorkspace', path });
  }
  const version = db.pragma<number>('user_version');
  if (version > supported) {
    throw invalid(
      'workspace.error.newerVersion',
      { version, supported },
      { reason: 'newerVersion', version, supported },
    );
  }
}

function migrate(db: Database, list: readonly Migration[], now: () => Date): void {
  const tracked =
    db.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") !== undefined;
  const applied = tracked
    ? db.all<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
      )
    : [];
  for (const row of applied) {
    const migration = list[row.version - 1];
    if (!migration || migrationChecksum(migration) !== row.checksum) {
      throw invalid(
        'workspace.error.migrationDrift',
        { version: row.version, name: row.name },
        {
          reason: 'migrationDrift',
          version: row.version,
        },
      );
    }
  }
  const pending = list.slice(applied.length);
  const last = pending.at(-1);
  if (!last) return;
  const backupPath = applied.length > 0 ? backupBeforeMigration(db, applied.length, now()) : null;
  let running: Migration = last;
  try {
    // One transaction for every pending migration, its record and user_version: an upgrade that
    // fails halfway leaves the workspace exactly as it was, never between two versions.
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`);
      for (const migration of pending) {
        running = migration;
        db.exec(migration.sql);
        db.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
          migration.version,
          migration.name,
          migrationChecksum(migration),
          now().toISOString(),
        ]);
      }
      db.pragma(`user_version = ${last.version}`);
    });
  } catch (error) {
    if (isCorruption(error)) throw error;
    const failure = { version: running.version, name: running.name, reason: messageOf(error) };
    throw invalid(
      backupPath ? 'workspace.error.upgradeFailedWithBackup' : 'workspace.error.upgradeFailed',
      backupPath ? { ...failure, backupPath } : failure,
      { reason: 'migrationFailed', path: db.path, version: running.version, backupPath },
    );
  }
}

/** A consistent copy beside the workspace, taken before any migration touches it. */
function backupBeforeMigration(db: Database, fromVersion: number, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const backupPath = `${db.path}.v${fromVersion}-${stamp}.bak`;
  db.connection.prepare('VACUUM INTO ?').run(backupPath);
  return backupPath;
}
