import { PilotDeskError } from '../../shared/api/result';
import type { ImportReport } from '../../shared/imports/import-schema';
import type { Database } from '../db/database';
import { insertFacts, putFactColumns, type FactRow } from '../facts/fact-repository';
import { refreshStaleWeeks } from '../metrics/week-rollup';
import type { FactTable } from '../facts/fact-tables';
import { saveChannelMappings, saveHeaderMappings } from './mappings';
import type { ImportPlan } from './plan-import';
import { isRosterWrite, rosterRow, writeRosterRow } from './roster-rows';

/** One row of import_changes: [import_id, table_name, row_id, previous, written]. */
type ChangeRecord = [string, string, string, string | null, string | null];

const changesPerStatement = 200;

/** The batch's import_changes rows, many per statement (a large update touches thousands). */
function recordChanges(db: Database, records: readonly ChangeRecord[]): void {
  for (let start = 0; start < records.length; start += changesPerStatement) {
    const chunk = records.slice(start, start + changesPerStatement);
    db.run(
      `INSERT INTO import_changes (import_id, table_name, row_id, previous, written) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

/**
 * Writes a plan in one transaction: the batch, every insert and update, and the rows as they
 * were, so the batch can be undone. A plan that would change nothing writes nothing at all.
 */
export function commitImport(db: Database, plan: ImportPlan, source: string, at: Date): ImportReport {
  if (!plan.importable) {
    // The first file-level error says why (a missing column, no period); the edges render it.
    const first = plan.report.errors[0];
    throw new PilotDeskError('VALIDATION', 'imports.error.notImportable', {}, undefined, {
      reason: 'notImportable',
      error: first,
    });
  }
  if (plan.writes.length === 0) return plan.report;
  const stamp = at.toISOString();
  const { report } = plan;
  db.transaction(() => {
    db.run(
      `INSERT INTO import_batches (id, kind, source, file_name, file_hash, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        plan.importId,
        report.kind,
        source,
        report.file,
        report.fileHash,
        // changedRows is kept here because inserted facts are not listed in import_changes.
        JSON.stringify({
          rows: report.rows,
          sheet: report.sheet,
          period: report.period,
          mapping: report.mapping,
          changedRows: plan.writes.length,
        }),
        stamp,
      ],
    );
    const inserted = new Map<FactTable, FactRow[]>();
    const records: ChangeRecord[] = [];
    for (const write of plan.writes) {
      // Guides and stores are written by their owners, with the values their forms would save.
      if (isRosterWrite(write)) writeRosterRow(db, write, stamp);
      else if (write.previous) putFactColumns(db, write.table, write.rowId, write.values);
      else {
        // A fact this batch inserts carries its import_id, which is how undo finds it; recording
        // it again in import_changes would double the writes of a large import for nothing.
        const rows = inserted.get(write.table);
        if (rows) rows.push(write.values);
        else inserted.set(write.table, [write.values]);
        continue;
      }
      // A guide or store is also kept as the import left it, so undo can tell a later hand edit
      // from the import's own value (later-edits.ts).
      const written = isRosterWrite(write) ? rosterRow(db, write.table, write.rowId) : null;
      records.push([
        plan.importId,
        write.table,
        write.rowId,
        write.previous ? JSON.stringify(write.previous) : null,
        written ? JSON.stringify(written) : null,
      ]);
    }
    // Inserted last, many rows a statement, so the guides and stores they name already exist.
    for (const [table, rows] of inserted) insertFacts(db, table, rows);
    recordChanges(db, records);
    saveHeaderMappings(db, report.kind, plan.headerMappings, stamp);
    saveChannelMappings(db, plan.channelMappings, stamp);
    refreshStaleWeeks(db);
  });
  return { ...report, importId: plan.importId };
}
