import type { Database } from './database';

/** A column of some table that refers to rows of another, as the schema declares it. */
export interface Reference {
  table: string;
  column: string;
  onDelete: string;
}

/**
 * Every column that references `table`, read from `PRAGMA foreign_key_list` over all tables, so
 * a table added later (exam results, checklist ticks) is found without anyone listing it.
 */
export function referencesTo(db: Database, table: string): Reference[] {
  return db.all<Reference>(
    `SELECT m.name AS "table", f."from" AS "column", f.on_delete AS onDelete
     FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
     WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE
     ORDER BY m.name, f."from"`,
    [table],
  );
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The references that hold at least one row pointing at row `id` of `table`. */
export function referencesToRow(db: Database, table: string, id: string): Reference[] {
  return referencesTo(db, table).filter((reference) =>
    db.get(`SELECT 1 FROM ${quoted(reference.table)} WHERE ${quoted(reference.column)} = ? LIMIT 1`, [id]),
  );
}
