import type { ImportRowError, ValueChange } from '../../shared/imports/import-schema';
import type { GuideValues } from '../../shared/guides/guide-schema';
import type { StoreRecordValues } from '../../shared/stores/store-schema';
import type { GuideRow } from '../guides/guide-repository';
import type { StoreRow } from '../stores/store-repository';
import type { FactTable } from '../facts/fact-tables';

/** One fact an import will insert or change, with the row as it was (for undo). */
export interface FactWrite {
  table: FactTable;
  rowId: string;
  /** Insert: every column. Update: only the columns that change. */
  values: Record<string, unknown>;
  /** The whole row before the change; null for an insert. */
  previous: Record<string, unknown> | null;
}

/**
 * A guide or store the roster import creates or changes: the values its form would save (checked
 * by the same schema), written by the owner's repository, and the stored row as it was (for undo).
 */
export type RosterWrite =
  | { table: 'guides'; rowId: string; values: GuideValues; previous: GuideRow | null }
  | { table: 'stores'; rowId: string; values: StoreRecordValues; previous: StoreRow | null };

export type PlannedWrite = FactWrite | RosterWrite;

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
