import { PilotDeskError } from '../../shared/api/result';
import type { UndoPlan } from '../../shared/imports/undo-schema';
import type { Database } from '../db/database';
import { factTables, undoableTables, type UndoableTable } from './fact-tables';
import { findLaterEdits, type FoundLaterEdit } from './later-edits';

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
  const insertedFacts = factTables.reduce(
    (sum, table) =>
      sum + (db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE import_id = ?`, [importId])?.n ?? 0),
    0,
  );
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
  if (!batch) throw new PilotDeskError('NOT_FOUND', `找不到这次导入：${importId}`);
  if (batch.undoneAt) throw new PilotDeskError('CONFLICT', '这次导入已经撤销过了');
  if (batch.kind === 'demo') throw new PilotDeskError('CONFLICT', '示例数据不能撤销；可以在欢迎页重新生成示例工作区');
  const blocker = laterBatchOnSameRows(db, importId);
  if (blocker) {
    throw new PilotDeskError(
      'CONFLICT',
      `之后的导入「${blocker.fileName ?? blocker.id}」改过同样的数据，请先撤销它`,
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
    for (const table of factTables) db.run(`DELETE FROM ${table} WHERE import_id = ?`, [importId]);
    db.run('UPDATE import_batches SET undone_at = ? WHERE id = ?', [stamp, importId]);
  });
}

/** Someone worked on a row the import created: it stays, archived, so their work is not thrown away. */
function archiveRow(db: Database, table: UndoableTable, rowId: string, stamp: string): void {
  db.run(`UPDATE ${table} SET archived_at = coalesce(archived_at, ?), updated_at = ? WHERE id = ?`, [
    stamp,
    stamp,
    rowId,
  ]);
}

function removeRow(db: Database, table: UndoableTable, rowId: string, stamp: string): void {
  if (table === 'guides' || table === 'stores') {
    const used =
      table === 'guides'
        ? db.get(
            'SELECT 1 FROM sales_facts WHERE guide_id = ? UNION ALL SELECT 1 FROM contact_facts WHERE guide_id = ? UNION ALL SELECT 1 FROM activity_facts WHERE guide_id = ? UNION ALL SELECT 1 FROM group_facts WHERE guide_id = ? LIMIT 1',
            [rowId, rowId, rowId, rowId],
          )
        : // Every table that references stores: deleting one still in use would fail on its foreign key.
          db.get(
            'SELECT 1 FROM guides WHERE store_id = ? UNION ALL SELECT 1 FROM sales_facts WHERE store_id = ? UNION ALL SELECT 1 FROM contact_facts WHERE store_id = ? UNION ALL SELECT 1 FROM activity_facts WHERE store_id = ? UNION ALL SELECT 1 FROM group_facts WHERE store_id = ? LIMIT 1',
            [rowId, rowId, rowId, rowId, rowId],
          );
    if (used) {
      db.run(`UPDATE ${table} SET archived_at = ?, updated_at = ? WHERE id = ?`, [stamp, stamp, rowId]);
      return;
    }
  }
  db.run(`DELETE FROM ${table} WHERE id = ?`, [rowId]);
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
  db.run(`UPDATE ${table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...columns.map((column) => values[column]),
    rowId,
  ]);
}
