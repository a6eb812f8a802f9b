import type { ImportRowError, ValueChange } from '../../shared/imports/import-schema';
import type { UndoableTable } from './fact-tables';

/** One row an import will insert or change, with the row as it was (for undo). */
export interface PlannedWrite {
  table: UndoableTable;
  rowId: string;
  /** Insert: every column. Update: only the columns that change. */
  values: Record<string, unknown>;
  /** The whole row before the change; null for an insert. */
  previous: Record<string, unknown> | null;
}

export type RowOutcome =
  | { status: 'imported' | 'updated' | 'unchanged'; writes: PlannedWrite[]; changes: ValueChange[] }
  | { status: 'rejected'; errors: ImportRowError[]; unmatchedGuide?: string; unmatchedStore?: string };

/** A data row after its cells were coerced: field → value, and field → the header it came from. */
export interface CoercedRow {
  rowNumber: number;
  values: Record<string, string | number | null>;
  headers: Record<string, string>;
}

/** The outcome of one data row when something is wrong with it. */
export function rejected(errors: ImportRowError[], unmatched: { guide?: string; store?: string } = {}): RowOutcome {
  return { status: 'rejected', errors, unmatchedGuide: unmatched.guide, unmatchedStore: unmatched.store };
}
