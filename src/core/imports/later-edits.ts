import type { LaterEdit } from '../../shared/imports/undo-schema';
import type { Database } from '../db/database';
import { findDealer } from '../dealers/dealer-repository';
import { findStore } from '../stores/store-repository';
import { rosterRow } from './roster-rows';

type Row = Record<string, unknown>;

/** A guide or store the batch wrote that was changed since, and the columns that were. */
export interface FoundLaterEdit {
  seq: number;
  edit: LaterEdit;
  /** Columns edited since; null when the batch predates `written` and any column may have been. */
  columns: readonly string[] | null;
}

interface RosterChange {
  seq: number;
  tableName: 'guides' | 'stores';
  rowId: string;
  previous: string | null;
  written: string | null;
}

/** Every write moves updated_at, and id and created_at never change: none is a field anyone edits. */
const bookkeeping = new Set(['id', 'created_at', 'updated_at']);

const fieldOf = (column: string) => column.replace(/_([a-z])/g, (_whole, letter: string) => letter.toUpperCase());

/**
 * The guides and stores a batch wrote whose fields now differ from what it wrote, found by
 * comparing each row with the copy taken at commit (import_changes.written). A timestamp alone
 * would not do: it cannot name the fields, and a hand edit in the same second as the import
 * would not be seen.
 */
export function findLaterEdits(db: Database, importId: string, importedAt: string): FoundLaterEdit[] {
  const changes = db.all<RosterChange>(
    `SELECT seq, table_name AS tableName, row_id AS rowId, previous, written FROM import_changes
     WHERE import_id = ? AND table_name IN ('guides', 'stores') ORDER BY seq`,
    [importId],
  );
  const found: FoundLaterEdit[] = [];
  for (const change of changes) {
    const current = rosterRow(db, change.tableName, change.rowId);
    if (!current) continue;
    const previous = change.previous === null ? null : (JSON.parse(change.previous) as Row);
    const base = {
      table: change.tableName,
      id: change.rowId,
      label:
        change.tableName === 'guides'
          ? `${String(current.staff_no)} ${String(current.name)}`
          : `${String(current.code)} ${String(current.name)}`,
      inserted: previous === null,
    };
    if (change.written === null) {
      // Batches from before `written` was kept: the import stamped updated_at, so a later write shows.
      if (current.updated_at !== importedAt)
        found.push({ seq: change.seq, columns: null, edit: { ...base, fieldsKnown: false, fields: [] } });
      continue;
    }
    const written = JSON.parse(change.written) as Row;
    const columns = Object.keys(written).filter(
      (column) => !bookkeeping.has(column) && column in current && current[column] !== written[column],
    );
    if (columns.length === 0) continue;
    found.push({
      seq: change.seq,
      columns,
      edit: {
        ...base,
        fieldsKnown: true,
        fields: columns.map((column) => ({
          field: fieldOf(column),
          imported: shown(db, column, written[column]),
          current: shown(db, column, current[column]),
          restore: previous ? shown(db, column, previous[column]) : null,
        })),
      },
    });
  }
  return found;
}

/** A stored value as the person reads it: ids mean nothing to them, so a store is its code, a dealer its name. */
function shown(db: Database, column: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column === 'store_id') return findStore(db, String(value))?.code ?? String(value);
  if (column === 'dealer_id') return findDealer(db, String(value))?.name ?? String(value);
  return typeof value === 'number' ? value : String(value);
}
