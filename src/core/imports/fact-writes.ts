import type { ValueChange } from '../../shared/imports/import-schema';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { factDateColumn } from '../facts/fact-tables';
import { anyFactOn, factByKey } from '../facts/fact-repository';
import type { FactTableSpec } from './fact-tables';
import type { FactWrite } from './planned-write';

const moneyColumns = new Set(['gross_sales_fen', 'refunds_fen']);

/** Money is shown in yuan in before → after lists; everything else as stored. */
function shown(column: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (moneyColumns.has(column) && typeof value === 'number') return value / 100;
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}

const columnsBySpec = new Map<FactTableSpec, readonly (readonly [string, string])[]>();

/** A spec's [field, column] pairs, made once rather than for every row. */
function metricColumns(spec: FactTableSpec): readonly (readonly [string, string])[] {
  let columns = columnsBySpec.get(spec);
  if (!columns) {
    columns = Object.entries(spec.metrics);
    columnsBySpec.set(spec, columns);
  }
  return columns;
}

/**
 * Compares incoming metrics with the fact already stored under the same key. Only metrics the
 * file reports are compared and written: a column the file lacks never blanks a stored number.
 */
export class FactWriter {
  /** Whether a table holds any fact on a date: a new week's file then needs no per-row lookups. */
  private readonly datesWithFacts = new Map<string, boolean>();

  constructor(
    private readonly db: Database,
    private readonly importId: string,
    private readonly at: string,
  ) {}

  private existing(spec: FactTableSpec, key: Record<string, unknown>): Record<string, unknown> | undefined {
    const date = key[factDateColumn[spec.table]];
    const cacheKey = `${spec.table}|${String(date)}`;
    let known = this.datesWithFacts.get(cacheKey);
    if (known === undefined) {
      known = anyFactOn(this.db, spec.table, date);
      this.datesWithFacts.set(cacheKey, known);
    }
    return known ? factByKey(this.db, spec.table, key) : undefined;
  }

  plan(
    spec: FactTableSpec,
    key: Record<string, unknown>,
    storeId: string,
    metrics: Record<string, number | null>,
    change: { row: number; label: () => string },
  ): { status: 'imported' | 'updated' | 'unchanged'; write: FactWrite | null; changes: ValueChange[] } {
    const reported = metricColumns(spec).filter(([field]) => metrics[field] !== null && metrics[field] !== undefined);
    const existing = this.existing(spec, key);
    if (!existing) {
      if (reported.length === 0) return { status: 'unchanged', write: null, changes: [] };
      const values: Record<string, unknown> = {
        id: newId(),
        import_id: this.importId,
        store_id: storeId,
        ...key,
        created_at: this.at,
        updated_at: this.at,
      };
      for (const [field, column] of reported) values[column] = metrics[field];
      return {
        status: 'imported',
        write: { table: spec.table, rowId: values.id as string, values, previous: null },
        changes: [],
      };
    }
    const values: Record<string, unknown> = {};
    const changes: ValueChange[] = [];
    for (const [field, column] of reported) {
      if (existing[column] !== metrics[field]) {
        values[column] = metrics[field];
        changes.push({
          row: change.row,
          key: change.label(),
          field,
          before: shown(column, existing[column]),
          after: shown(column, metrics[field]),
        });
      }
    }
    if (changes.length === 0) return { status: 'unchanged', write: null, changes };
    values.import_id = this.importId;
    values.store_id = storeId;
    values.updated_at = this.at;
    return {
      status: 'updated',
      write: { table: spec.table, rowId: existing.id as string, values, previous: existing },
      changes,
    };
  }
}
