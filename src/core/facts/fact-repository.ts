import type { Database } from '../db/database';
import { factDateColumn, factKeyColumns, factTables, type FactTable } from './fact-tables';

/** A fact row as stored: column → value. */
export type FactRow = Record<string, unknown>;

const identifier = /^[a-z_]+$/;

function columnList(columns: readonly string[]): string {
  for (const column of columns) if (!identifier.test(column)) throw new Error(`not a fact column: ${column}`);
  return columns.join(', ');
}

/** The key as the unique index is written: a sale without a guide is matched on ''. */
function keyCondition(table: FactTable): string {
  return factKeyColumns[table]
    .map((column) => (table === 'sales_facts' && column === 'guide_id' ? "ifnull(guide_id, '') = ?" : `${column} = ?`))
    .join(' AND ');
}

/** The fact stored under a key (every key column given), if any. */
export function factByKey(db: Database, table: FactTable, key: Readonly<Record<string, unknown>>): FactRow | undefined {
  const values = factKeyColumns[table].map((column) =>
    table === 'sales_facts' && column === 'guide_id' ? (key[column] ?? '') : key[column],
  );
  return db.get<FactRow>(`SELECT * FROM ${table} WHERE ${keyCondition(table)}`, values);
}

/** Whether a table holds any fact dated `date`: a new week's file then needs no per-row lookups. */
export function anyFactOn(db: Database, table: FactTable, date: unknown): boolean {
  return db.get(`SELECT 1 FROM ${table} WHERE ${factDateColumn[table]} = ? LIMIT 1`, [date]) !== undefined;
}

/*
 * Rows per INSERT statement. One statement per row pays SQLite's statement set-up (and
 * better-sqlite3's call) 100,000 times on a large file; a few hundred rows a statement keeps the
 * bound values well under SQLite's limit of 32,766 whatever the table.
 */
const rowsPerStatement = 200;

/**
 * Inserts facts, many rows per statement. Rows that list the same columns go together; the
 * statements are cached by the database, so a large import prepares two or three.
 */
export function insertFacts(db: Database, table: FactTable, rows: readonly FactRow[]): void {
  const byColumns = new Map<string, FactRow[]>();
  for (const row of rows) {
    const columns = Object.keys(row).join(',');
    const group = byColumns.get(columns);
    if (group) group.push(row);
    else byColumns.set(columns, [row]);
  }
  for (const [joined, group] of byColumns) {
    const columns = joined.split(',');
    const placeholders = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columnList(columns)}) VALUES `;
    for (let start = 0; start < group.length; start += rowsPerStatement) {
      const chunk = group.slice(start, start + rowsPerStatement);
      const values: unknown[] = [];
      for (const row of chunk) for (const column of columns) values.push(row[column]);
      db.run(head + Array.from({ length: chunk.length }, () => placeholders).join(', '), values);
    }
  }
}

/** Sets some columns of one fact (an import's update, an undo's restore). */
export function putFactColumns(
  db: Database,
  table: FactTable,
  id: string,
  columns: Readonly<Record<string, unknown>>,
): void {
  const names = Object.keys(columns);
  if (names.length === 0) return;
  columnList(names);
  db.run(`UPDATE ${table} SET ${names.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...names.map((column) => columns[column]),
    id,
  ]);
}

export function deleteFact(db: Database, table: FactTable, id: string): void {
  db.run(`DELETE FROM ${table} WHERE id = ?`, [id]);
}

/** How many facts, in all tables, carry the batch's id (the ones it inserted or last changed). */
export function countFactsOfImport(db: Database, importId: string): number {
  return factTables.reduce(
    (sum, table) =>
      sum + (db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE import_id = ?`, [importId])?.n ?? 0),
    0,
  );
}

/** Removes every fact that carries the batch's id. */
export function deleteFactsOfImport(db: Database, importId: string): void {
  for (const table of factTables) db.run(`DELETE FROM ${table} WHERE import_id = ?`, [importId]);
}

/** Whether the batch wrote any sales, activity or contact fact dated within from…to (a contact by its first day). */
export function importHasFactsBetween(db: Database, importId: string, from: string, to: string): boolean {
  return (['sales_facts', 'activity_facts', 'contact_facts'] as const).some(
    (table) =>
      db.get(`SELECT 1 FROM ${table} WHERE import_id = ? AND ${factDateColumn[table]} BETWEEN ? AND ? LIMIT 1`, [
        importId,
        from,
        to,
      ]) !== undefined,
  );
}
