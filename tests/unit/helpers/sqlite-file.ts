import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Opens a workspace file read-only beside the core, to check what really landed on disk
 * without going through the code under test.
 */
export function readSqlite<T>(path: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Runs one query on a file read-only and returns all rows. */
export function queryFile<T = Record<string, unknown>>(path: string, sql: string, params: unknown[] = []): T[] {
  return readSqlite(path, (db) => db.prepare(sql).all(...params) as T[]);
}

/** Every row of the tables people edit, ordered, so "nothing was written" can be asserted exactly. */
export function snapshotRecords(path: string): Record<string, unknown[]> {
  return readSqlite(path, (db) =>
    Object.fromEntries(
      ['dealers', 'stores', 'guides'].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
    ),
  );
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
