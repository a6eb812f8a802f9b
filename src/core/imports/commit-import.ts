import { PilotDeskError } from '../../shared/api/result';
import { importTemplates } from '../../shared/imports/import-kinds';
import type { ImportReport } from '../../shared/imports/import-schema';
import type { Database } from '../db/database';
import { saveChannelMappings, saveHeaderMappings } from './mappings';
import type { ImportPlan } from './plan-import';
import { isFactTable } from './fact-tables';
import type { PlannedWrite } from './planned-write';

function insertRow(db: Database, write: PlannedWrite): void {
  const columns = Object.keys(write.values);
  db.run(
    `INSERT INTO ${write.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns.map((column) => write.values[column]),
  );
}

function updateRow(db: Database, write: PlannedWrite): void {
  const columns = Object.keys(write.values);
  db.run(`UPDATE ${write.table} SET ${columns.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`, [
    ...columns.map((column) => write.values[column]),
    write.rowId,
  ]);
}

/**
 * Writes a plan in one transaction: the batch, every insert and update, and the rows as they
 * were, so the batch can be undone. A plan that would change nothing writes nothing at all.
 */
export function commitImport(db: Database, plan: ImportPlan, source: string, at: Date): ImportReport {
  if (!plan.importable) {
    throw new PilotDeskError('VALIDATION', plan.report.errors[0]?.message ?? '文件无法导入', undefined, {
      reason: 'notImportable',
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
          title: importTemplates[report.kind].title['zh-CN'],
          changedRows: plan.writes.length,
        }),
        stamp,
      ],
    );
    for (const write of plan.writes) {
      if (write.previous) updateRow(db, write);
      else insertRow(db, write);
      // A fact this batch inserts carries its import_id, which is how undo finds it; recording it
      // again here would double the writes of a large import for nothing.
      if (write.previous || !isFactTable(write.table)) {
        // A guide or store is also kept as the import left it, so undo can tell a later hand edit
        // from the import's own value (later-edits.ts).
        const written = isFactTable(write.table)
          ? null
          : db.get(`SELECT * FROM ${write.table} WHERE id = ?`, [write.rowId]);
        db.run('INSERT INTO import_changes (import_id, table_name, row_id, previous, written) VALUES (?, ?, ?, ?, ?)', [
          plan.importId,
          write.table,
          write.rowId,
          write.previous ? JSON.stringify(write.previous) : null,
          written ? JSON.stringify(written) : null,
        ]);
      }
    }
    saveHeaderMappings(db, report.kind, plan.headerMappings, stamp);
    saveChannelMappings(db, plan.channelMappings, stamp);
  });
  return { ...report, importId: plan.importId };
}
