import { Database } from './database';

export interface CheckResult {
  ok: boolean;
  /** SQLite's own words for what is wrong (at most five lines); empty when ok. */
  problems: string[];
}

export interface CheckOptions {
  /** integrity_check (also matches every index against its table) rather than quick_check. */
  full: boolean;
  nativeBinding?: string;
}

/** The settings key holding when integrity_check last passed on this workspace. */
export const lastFullCheckKey = 'integrity.lastFullCheck';

/** quick_check on every open is cheap enough; the index cross-check of integrity_check is not, so it runs weekly. */
export const fullCheckIntervalMs = 7 * 24 * 60 * 60 * 1000;

const maxProblems = 5;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs SQLite's consistency check on an open connection; reads only. */
export function runCheck(db: Database, full: boolean): CheckResult {
  try {
    const rows = db.all<Record<string, unknown>>(`PRAGMA ${full ? 'integrity_check' : 'quick_check'}(${maxProblems})`);
    const lines = rows.flatMap((row) => String(Object.values(row)[0]).split('\n'));
    if (lines.length === 1 && lines[0] === 'ok') return { ok: true, problems: [] };
    // SQLite may return its findings as one row of lines, headed "*** in database main ***".
    const problems = lines
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
    return { ok: false, problems: (problems.length > 0 ? problems : lines).slice(0, maxProblems) };
  } catch (error) {
    // Damage that stops SQLite walking the file is thrown (SQLITE_CORRUPT) rather than listed.
    return { ok: false, problems: [messageOf(error)] };
  }
}

/**
 * Checks a workspace file (or a backup copy of one) on a read-only connection of its own, so the
 * file is never modified. A file SQLite cannot open at all is reported, not thrown.
 */
export function checkWorkspaceFile(path: string, options: CheckOptions): CheckResult {
  let db: Database;
  try {
    db = Database.open(path, { readonly: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    return { ok: false, problems: [messageOf(error)] };
  }
  try {
    return runCheck(db, options.full);
  } finally {
    db.close();
  }
}

function hasSettingsTable(db: Database): boolean {
  return db.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workspace_settings'") !== undefined;
}

/**
 * Whether the weekly integrity_check is due. A missing or unreadable time is due; so is one in
 * the future, or a clock set wrong once would put the check off until that date.
 */
export function isFullCheckDue(db: Database, now: Date): boolean {
  let value: string | undefined;
  try {
    if (!hasSettingsTable(db)) return true;
    value = db.get<{ value: string }>('SELECT value FROM workspace_settings WHERE key = ?', [lastFullCheckKey])?.value;
  } catch {
    return true;
  }
  const last = value === undefined ? Number.NaN : Date.parse(value);
  if (Number.isNaN(last) || last > now.getTime()) return true;
  return now.getTime() - last > fullCheckIntervalMs;
}

/** Remembers a passed integrity_check; a workspace from before the settings table (v4) simply is checked again next time. */
export function recordFullCheck(db: Database, at: Date): void {
  if (!hasSettingsTable(db)) return;
  const stamp = at.toISOString();
  db.run(
    `INSERT INTO workspace_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [lastFullCheckKey, stamp, stamp],
  );
}
