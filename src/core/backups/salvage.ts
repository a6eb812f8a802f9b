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
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  const stem = basename(damagedPath).replace(/\.pilotdesk$/i, '');
  let target = join(dirname(damagedPath), `${stem}-可读数据-${stamp}.pilotdesk`);
  for (let n = 2; existsSync(target); n += 1) target = join(dirname(damagedPath), `${stem}-可读数据-${stamp}-${n}.pilotdesk`);

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
    const have = new Set(source.all<{ name: string }>(`PRAGMA table_info(${quote(table)})`).map((column) => column.name));
    const want = out.all<{ name: string }>(`PRAGMA table_info(${quote(table)})`).map((column) => column.name);
    const shared = want.filter((column) => have.has(column));
    return shared.length > 0 ? shared : null;
  } catch {
    return null;
  }
}

function copyTable(source: Database, out: Database, table: string, columns: string[]): { copied: number; skipped: number } {
  const list = columns.map(quote).join(', ');
  const insert = `INSERT OR IGNORE INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`;
  // The workspace row (its id and name) exists already in a new file: the damaged one's wins.
  if (table === 'workspace') out.run('DELETE FROM workspace');
  let copied = 0;
  let skipped = 0;
  const write = (rows: unknown[][]) =>
    out.transaction(() => {
      for (const row of rows) copied += out.run(insert, row).changes;
    });
  let maxRowid: number | null;
  try {
    maxRowid = source.get<{ n: number | null }>(`SELECT max(rowid) AS n FROM ${quote(table)}`)?.n ?? null;
  } catch {
    maxRowid = null;
  }
  if (maxRowid === null) {
    // No rowid to walk by (or none readable): one try at the whole table.
    try {
      write(source.all<Record<string, unknown>>(`SELECT ${list} FROM ${quote(table)}`).map((row) => columns.map((c) => row[c])));
    } catch {
      skipped += 1;
    }
    return { copied, skipped };
  }
  const readRange = (from: number, to: number) =>
    source.all<Record<string, unknown>>(`SELECT ${list} FROM ${quote(table)} WHERE rowid BETWEEN ? AND ?`, [from, to]).map((row) => columns.map((c) => row[c]));
  for (let from = 1; from <= maxRowid; from += chunk) {
    const to = Math.min(maxRowid, from + chunk - 1);
    try {
      write(readRange(from, to));
    } catch {
      // A bad page somewhere in the range: read it row by row and keep what reads.
      for (let rowid = from; rowid <= to; rowid += 1) {
        try {
          write(readRange(rowid, rowid));
        } catch {
          skipped += 1;
        }
      }
    }
  }
  return { copied, skipped };
}
