import { PilotDeskError } from '../../shared/api/result';
import type { UndoPlan } from '../../shared/imports/undo-schema';
import type { Database } from '../db/database';
import { countFactsOfImport, deleteFact, deleteFactsOfImport, putFactColumns } from '../facts/fact-repository';
import { refreshStaleWeeks } from '../metrics/week-rollup';
import { undoableTables, type UndoableTable } from './fact-tables';
import { findLaterEdits, type FoundLaterEdit } from './later-edits';
import { archiveRosterRow, isRosterTable, putRosterColumns, removeRosterRow } from './roster-rows';

interface ChangeRow {
  seq: number;
  tableName: UndoableTable;
  rowId: string;
  previous: string | null;
}

export interface UndoOptions {
  /** Put back the import's previous values even where someone changed the row since. */
  overwriteLaterEdits?: boolean;
}

function batchCreatedAt(db: Database, importId: string): string | null {
  return (
    db.get<{ createdAt: string }>('SELECT created_at AS createdAt FROM import_batches WHERE id = ?', [importId])
      ?.createdAt ?? null
  );
}

/** What undoing a batch would do, for the confirmation the user sees first, with the edits made since. */
export function describeUndo(db: Database, importId: string): UndoPlan {
  const counts = db.get<{ removes: number; restores: number }>(
    `SELECT sum(previous IS NULL) AS removes, sum(previous IS NOT NULL) AS restores FROM import_changes WHERE import_id = ?`,
    [importId],
  );
  const insertedFacts = countFactsOfImport(db, importId);
  // Facts it still carries the id of are the ones it inserted or last changed; the changed ones are in import_changes.
  const removes = (counts?.removes ?? 0) + insertedFacts - (counts?.restores ?? 0);
  const importedAt = batchCreatedAt(db, importId);
  return {
    removes: Math.max(0, removes),
    restores: counts?.restores ?? 0,
    blockedBy: laterBatchOnSameRows(db, importId),
    laterEdits: importedAt === null ? [] : findLaterEdits(db, importId, importedAt).map((found) => found.edit),
  };
}

/**
 * A later batch, still in force, that changed a row this batch wrote: undo that one first. A fact
 * a later batch changed remembers this batch as its previous writer; guides and stores are
 * matched by the rows this batch recorded.
 */
function laterBatchOnSameRows(db: Database, importId: string) {
  return (
    db.get<{ id: string; fileName: string | null; createdAt: string }>(
      `SELECT b.id, b.file_name AS fileName, b.created_at AS createdAt
       FROM import_changes later JOIN import_batches b ON b.id = later.import_id
       WHERE b.undone_at IS NULL AND later.import_id <> @importId AND (
         json_extract(later.previous, '$.import_id') = @importId
         OR EXISTS (SELECT 1 FROM import_changes c WHERE c.import_id = @importId AND c.table_name = later.table_name
                    AND c.row_id = later.row_id AND c.seq < later.seq))
       ORDER BY b.created_at DESC LIMIT 1`,
      { importId },
    ) ?? null
  );
}

/**
 * Undoes a batch in one transaction: rows it inserted are removed, rows it changed get their
 * previous values back. A guide or store it created that other data now uses is archived rather
 * than removed, so nothing else breaks. Unless told to overwrite them, fields someone changed
 * after the import keep their change, and a row the import created and someone edited since is
 * archived rather than removed.
 */
export function undoImport(db: Database, importId: string, at: Date, options: UndoOptions = {}): void {
  const batch = db.get<{ id: string; undoneAt: string | null; kind: string; createdAt: string }>(
    'SELECT id, undone_at AS undoneAt, kind, created_at AS createdAt FROM import_batches WHERE id = ?',
    [importId],
  );
  if (!batch) throw new PilotDeskError('NOT_FOUND', 'imports.error.importNotFound', { id: importId });
  if (batch.undoneAt) throw new PilotDeskError('CONFLICT', 'imports.error.alreadyUndone');
  if (batch.kind === 'demo') throw new PilotDeskError('CONFLICT', 'imports.error.demoUndo');
  const blocker = laterBatchOnSameRows(db, importId);
  if (blocker) {
    throw new PilotDeskError(
      'CONFLICT',
      'imports.error.undoBlocked',
      { file: blocker.fileName ?? blocker.id },
      undefined,
      { blockedBy: blocker.id },
    );
  }
  const stamp = at.toISOString();
  db.transaction(() => {
    const kept = new Map<number, FoundLaterEdit>(
      options.overwriteLaterEdits
        ? []
        : findLaterEdits(db, importId, batch.createdAt).map((found) => [found.seq, found]),
    );
    const changes = db.all<ChangeRow>(
      'SELECT seq, table_name AS tableName, row_id AS rowId, previous FROM import_changes WHERE import_id = ? ORDER BY seq DESC',
      [importId],
    );
    for (const change of changes) {
      if (!(undoableTables as readonly string[]).includes(change.tableName))
        throw new Error(`unexpected table ${change.tableName}`);
      const edited = kept.get(change.seq);
      if (change.previous === null) {
        if (edited) archiveRow(db, change.tableName, change.rowId, stamp);
        else removeRow(db, change.tableName, change.rowId, stamp);
      } else if (!edited || edited.columns !== null) {
        // Skipped only when kept and its changed fields are unknown (an older batch): left whole.
        restoreRow(
          db,
          change.tableName,
          change.rowId,
          JSON.parse(change.previous) as Record<string, unknown>,
          edited?.columns ?? [],
          stamp,
        );
      }
    }
    // What still carries this batch's id after the restores is what it inserted.
    deleteFactsOfImport(db, importId);
    db.run('UPDATE import_batches SET undone_at = ? WHERE id = ?', [stamp, importId]);
    refreshStaleWeeks(db);
  });
}

/** Someone worked on a row the import created: it stays, archived, so their work is not thrown away. */
function archiveRow(db: Database, table: UndoableTable, rowId: string, stamp: string): void {
  if (!isRosterTable(table)) throw new Error(`${table} rows are not archived`);
  archiveRosterRow(db, table, rowId, stamp);
}

function removeRow(db: Database, table: UndoableTable, rowId: string, stamp: string): void {
  if (isRosterTable(table)) removeRosterRow(db, table, rowId, stamp);
  else deleteFact(db, table, rowId);
}

/** Puts the previous values back, except in `keep` (fields edited since); a row that keeps an edit is stamped now. */
function restoreRow(
  db: Database,
  table: UndoableTable,
  rowId: string,
  previous: Record<string, unknown>,
  keep: readonly string[],
  stamp: string,
): void {
  const columns = Object.keys(previous).filter((column) => column !== 'id' && !keep.includes(column));
  const values: Record<string, unknown> = keep.length > 0 ? { ...previous, updated_at: stamp } : previous;
  const restored = Object.fromEntries(columns.map((column) => [column, values[column]]));
  if (isRosterTable(table)) putRosterColumns(db, table, rowId, restored);
  else putFactColumns(db, table, rowId, restored);
}
