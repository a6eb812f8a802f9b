import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { commitImport } from '../../../../src/core/imports/commit-import';
import { fileHashOf, planImport, type ImportPlan } from '../../../../src/core/imports/plan-import';
import { readWorkbook } from '../../../../src/core/imports/read-workbook';
import type { Database } from '../../../../src/core/db/database';
import { openWorkspaceDatabase } from '../../../../src/core/db/open-workspace';
import {
  importOptionsSchema,
  type ImportOptionsInput,
  type ImportReport,
} from '../../../../src/shared/imports/import-schema';
import { demoWorkspaceCopy } from '../../../support/workspaces';
import { readSqlite } from '../../helpers/sqlite-file';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The import engine driven the way the wizard and the CLI drive it — readWorkbook → planImport →
 * commitImport — on a real workspace file, with the clock fixed at Monday 2026-11-23 (Shanghai).
 */

export const today = '2026-11-23';
export const now = new Date('2026-11-23T10:00:00+08:00');

/** The tables an import (or its undo) may change; history tables are compared separately. */
export const recordTables = [
  'dealers',
  'stores',
  'guides',
  'sales_facts',
  'contact_facts',
  'activity_facts',
  'group_facts',
] as const;
export const historyTables = ['import_batches', 'import_changes', 'import_mappings', 'channel_mappings'] as const;
const primaryKeys: Record<string, string> = {
  import_changes: 'seq',
  import_mappings: 'kind, header',
  channel_mappings: 'name',
};

export interface SpreadsheetFile {
  name: string;
  bytes: Uint8Array;
}

export interface TestWorkspace {
  path: string;
  db: Database;
  /** Closes the file and opens it again, as a restart of the app would. */
  reopen(): void;
}

/** A copy of the demo workspace (16 stores, ~120 guides, eight weeks of facts), opened read-write and closed after the test. */
export function demoWorkspace(): TestWorkspace {
  const path = demoWorkspaceCopy(join(tempDir(), 'ws'));
  const workspace: TestWorkspace = {
    path,
    db: openWorkspaceDatabase(path, { now: () => now }),
    reopen() {
      workspace.db.close();
      workspace.db = openWorkspaceDatabase(path, { now: () => now });
    },
  };
  onTestFinished(() => workspace.db.close());
  return workspace;
}

/** What the wizard's preview shows for a file: read, detected, checked, nothing written. */
export function planFile(
  db: Database,
  file: SpreadsheetFile,
  options: ImportOptionsInput = {},
  at: Date = now,
): ImportPlan {
  const contents = readWorkbook(file.bytes, file.name);
  return planImport(db, contents, fileHashOf(file.bytes), importOptionsSchema.parse(options), {
    today,
    workspaceRegion: '华东',
    now: at,
  });
}

/** Plans and commits a file, as the wizard's 导入 button does; `at` is the moment of both (same day, later hours). */
export function importFile(
  db: Database,
  file: SpreadsheetFile,
  options: ImportOptionsInput = {},
  at: Date = now,
): ImportReport {
  return commitImport(db, planFile(db, file, options, at), 'test', at);
}

/** Every row of `tables`, ordered by primary key: equal snapshots mean equal records. */
export function snapshot(db: Database, tables: readonly string[] = recordTables): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((table) => [table, db.all(`SELECT * FROM ${table} ORDER BY ${primaryKeys[table] ?? 'id'}`)]),
  );
}

/**
 * A digest of every row of `tables`, for comparing a large workspace many times without holding
 * two copies of it: equal digests mean equal records.
 */
export function recordsDigest(
  source: Database | string,
  tables: readonly string[] = [...recordTables, ...historyTables],
): string {
  if (typeof source === 'string') return readSqlite(source, (connection) => digestOf(connection, tables));
  return digestOf(source.connection, tables);
}

function digestOf(connection: BetterSqlite3.Database, tables: readonly string[]): string {
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    const statement = connection.prepare(`SELECT * FROM ${table} ORDER BY ${primaryKeys[table] ?? 'id'}`).raw(true);
    for (const row of statement.iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export function count(db: Database, sql: string, params: unknown[] = []): number {
  return Object.values(db.get<Record<string, number>>(sql, params) ?? { n: 0 })[0] ?? 0;
}

export interface GuideRow {
  id: string;
  staffNo: string;
  name: string;
  storeId: string;
  storeCode: string;
  wecomAccount: string | null;
}

/** The demo's guides, looked up rather than assumed. */
export function guides(db: Database, where = '1 = 1', params: unknown[] = []): GuideRow[] {
  return db.all<GuideRow>(
    `SELECT g.id, g.staff_no AS staffNo, g.name, g.store_id AS storeId, s.code AS storeCode, g.wecom_account AS wecomAccount
     FROM guides g JOIN stores s ON s.id = g.store_id WHERE ${where} ORDER BY g.staff_no`,
    params,
  );
}

export function guideByStaffNo(db: Database, staffNo: string): GuideRow {
  const [guide] = guides(db, 'g.staff_no = ?', [staffNo]);
  if (!guide) throw new Error(`no guide ${staffNo} in the workspace`);
  return guide;
}

export function storeByCode(db: Database, code: string): { id: string; code: string; name: string } {
  const store = db.get<{ id: string; code: string; name: string }>('SELECT id, code, name FROM stores WHERE code = ?', [
    code,
  ]);
  if (!store) throw new Error(`no store ${code} in the workspace`);
  return store;
}

export interface SalesFact {
  storeCode: string;
  staffNo: string | null;
  date: string;
  channel: string;
  orders: number | null;
  grossSalesFen: number | null;
  refundsFen: number | null;
  newMembers: number | null;
}

/** Sales facts as a person reads them: by store code and 工号 rather than ids. */
export function salesFacts(db: Database, where = '1 = 1', params: unknown[] = []): SalesFact[] {
  return db.all<SalesFact>(
    `SELECT s.code AS storeCode, g.staff_no AS staffNo, f.date, f.channel, f.orders, f.gross_sales_fen AS grossSalesFen,
       f.refunds_fen AS refundsFen, f.new_members AS newMembers
     FROM sales_facts f JOIN stores s ON s.id = f.store_id LEFT JOIN guides g ON g.id = f.guide_id
     WHERE ${where} ORDER BY f.date, s.code, g.staff_no, f.channel`,
    params,
  );
}

/** The rows counted in a report add up to the rows read. */
export function countsAddUp(report: ImportReport): boolean {
  const { read, imported, updated, unchanged, rejected } = report.rows;
  return read === imported + updated + unchanged + rejected;
}
