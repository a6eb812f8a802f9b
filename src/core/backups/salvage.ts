import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SalvageResult } from '../../shared/backups/backup-schema';
import { Database } from '../db/database';
import { openWorkspaceDatabase } from '../db/open-workspace';

const chunk = 500;

/**
 * Copies whatever can still be read from a damaged workspace into a new workspace file beside
 * it: table by table, row by row range, skipping the ranges SQLite cannot read. The damaged file
 * is only ever read. Caches (the weekly rollup) are left behind: they are rebuilt from the facts.
 */
export function salvageWorkspace(damagedPath: string, at: Date, nativeBinding?: string): SalvageResult {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  const stem = basename(damagedPath).replace(/\.pilotdesk$/i, '');
  let target = join(dirname(damagedPath), `${stem}-可读数据-${stamp}.pilotdesk`);
  for (let n = 2; existsSync(target); n += 1)
    target = join(dirname(damagedPath), `${stem}-可读数据-${stamp}-${n}.pilotdesk`);

  const source = Database.open(damagedPath, { readonly: true, nativeBinding });
  const out = openWorkspaceDatabase(target, { create: true, nativeBinding, now: () => at });
  const tables: SalvageResult['tables'] = [];
  try {
    out.pragma('foreign_keys = OFF');
    const targetTables = out.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'week_rollup', 'week_rollup_state')",
    );
    for (const { name } of targetTables) {
      const columns = readableColumns(source, out, name);
      if (!columns) continue;
      tables.push({ table: name, ...copyTable(source, out, name, columns) });
    }
  } finally {
    source.close();
    out.close();
  }
  return { path: target, tables };
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The columns both files have for a table, or null when the damaged file's schema cannot say. */
function readableColumns(source: Database, out: Database, table: string): string[] | null {
  try {
    const have = new Set(
      source.all<{ name: string }>(`PRAGMA table_info(${quote(table)})`).map((column) => column.name),
    );
    const want = out.all<{ name: string }>(`PRAGMA table_info(${quote(table)})`).map((column) => column.name);
    const shared = want.filter((column) => have.has(column));
    return shared.length > 0 ? shared : null;
  } catch {
    return null;
  }
}

/** How many rows a table has, from whichever b-tree SQLite can still count them in; null when none can. */
function countRows(source: Database, table: string): number | null {
  try {
    return source.get<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`)?.n ?? 0;
  } catch {
    return null;
  }
}

function copyTable(source: Database, out: Database, table: string, columns: string[]) {
  const list = columns.map(quote).join(', ');
  const insert = `INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`;
  // The workspace row (its id and name) exists already in a new file: the damaged one's wins.
  if (table === 'workspace') out.run('DELETE FROM workspace');
  let copied = 0;
  let failedReads = 0;
  const write = (rows: unknown[][]) =>
    out.transaction(() => {
      for (const row of rows) copied += out.run(insert, row).changes;
    });
  const readRange = (from: number, to: number) =>
    source
      .all<Record<string, unknown>>(`SELECT ${list} FROM ${quote(table)} WHERE rowid BETWEEN ? AND ?`, [from, to])
      .map((row) => columns.map((column) => row[column]));
  let maxRowid: number | null = null;
  try {
    maxRowid = source.get<{ n: number | null }>(`SELECT max(rowid) AS n FROM ${quote(table)}`)?.n ?? 0;
  } catch {
    // The table's own b-tree cannot be walked (its root is damaged, or it has no rowid).
  }
  if (maxRowid === null) {
    try {
      write(
        source
          .all<Record<string, unknown>>(`SELECT ${list} FROM ${quote(table)}`)
          .map((row) => columns.map((column) => row[column])),
      );
    } catch {
      failedReads += 1;
    }
  }
  for (let from = 1; maxRowid !== null && from <= maxRowid; from += chunk) {
    const to = Math.min(maxRowid, from + chunk - 1);
    try {
      write(readRange(from, to));
    } catch {
      // A bad page somewhere in the range: read it row by row and keep what reads.
      for (let rowid = from; rowid <= to; rowid += 1) {
        try {
          write(readRange(rowid, rowid));
        } catch {
          failedReads += 1;
        }
      }
    }
  }
  // Failed reads are positions, not rows (a gap in the rowids fails the same way), so what was
  // lost is told by the count of rows that exist, where any surviving b-tree still has it.
  const total = failedReads === 0 ? copied : countRows(source, table);
  return {
    copied,
    skipped: total === null ? 0 : Math.max(0, total - copied),
    unreadable: failedReads > 0 && total === null && copied === 0,
  };
}
