import type { ImportBatch } from '../../shared/imports/import-schema';
import type { Database } from '../db/database';

interface BatchRow {
  id: string;
  kind: string;
  source: string;
  fileName: string | null;
  fileHash: string | null;
  summary: string;
  createdAt: string;
  undoneAt: string | null;
  changedRows: number;
}

/** Every import batch, newest first, with what it did. History lives in the workspace file. */
export function listImportBatches(db: Database): ImportBatch[] {
  return db
    .all<BatchRow>(
      `SELECT b.id, b.kind, b.source, b.file_name AS fileName, b.file_hash AS fileHash, b.summary,
         b.created_at AS createdAt, b.undone_at AS undoneAt,
         (SELECT count(*) FROM import_changes c WHERE c.import_id = b.id) AS changedRows
       FROM import_batches b ORDER BY b.created_at DESC, b.id DESC`,
    )
    .map((row) => {
      const summary = JSON.parse(row.summary) as Partial<
        Pick<ImportBatch, 'rows' | 'sheet' | 'period' | 'mapping' | 'changedRows'>
      >;
      return {
        id: row.id,
        kind: row.kind,
        source: row.source,
        fileName: row.fileName,
        fileHash: row.fileHash,
        createdAt: row.createdAt,
        undoneAt: row.undoneAt,
        rows: summary.rows ?? null,
        sheet: summary.sheet ?? null,
        period: summary.period ?? null,
        mapping: summary.mapping ?? null,
        changedRows: summary.changedRows ?? row.changedRows,
      };
    });
}
