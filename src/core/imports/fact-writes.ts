import type { ValueChange } from '../../shared/imports/import-schema';
import type { Database } from '../db/database';
import { newId } from '../ids';
import type { FactTableSpec } from './fact-tables';
import type { PlannedWrite } from './planned-write';

const moneyColumns = new Set(['gross_sales_fen', 'refunds_fen']);

/** Money is shown in yuan in before → after lists; everything else as stored. */
function shown(column: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (moneyColumns.has(column) && typeof value === 'number') return value / 100;
  return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}

/**
 * Compares incoming metrics with the fact already stored under the same key. Only metrics the
 * file reports are compared and written: a column the file lacks never blanks a stored number.
 */
export class FactWriter {
  private readonly lookups = new Map<string, (key: unknown[]) => Record<string, unknown> | undefined>();
  /** Whether a table holds any fact on a date: a new week's file then needs no per-row lookups. */
  private readonly datesWithFacts = new Map<string, boolean>();

  constructor(
    private readonly db: Database,
    private readonly importId: string,
    private readonly at: string,
  ) {}

  private hasFactsOn(spec: FactTableSpec, key: Record<string, unknown>): boolean {
    const dateColumn = 'date' in key ? 'date' : 'period_from';
    const date = key[dateColumn];
    const cacheKey = `${spec.table}|${String(date)}`;
    let known = this.datesWithFacts.get(cacheKey);
    if (known === undefined) {
      known = this.db.get(`SELECT 1 FROM ${spec.table} WHERE ${dateColumn} = ? LIMIT 1`, [date]) !== undefined;
      this.datesWithFacts.set(cacheKey, known);
    }
    return known;
  }

  private find(spec: FactTableSpec, key: unknown[]): Record<string, unknown> | undefined {
    let lookup = this.lookups.get(spec.table);
    if (!lookup) {
      // The sales key is a unique expression index (a sale may have no guide), so match it as written.
      const where = spec.keyColumns
        .map((column) =>
          column === 'guide_id' && spec.table === 'sales_facts' ? "ifnull(guide_id, '') = ?" : `${column} = ?`,
        )
        .join(' AND ');
      const sql = `SELECT * FROM ${spec.table} WHERE ${where}`;
      lookup = (values) => this.db.get<Record<string, unknown>>(sql, values);
      this.lookups.set(spec.table, lookup);
    }
    return lookup(key);
  }

  plan(
    spec: FactTableSpec,
    key: Record<string, unknown>,
    storeId: string,
    metrics: Record<string, number | null>,
    change: { row: number; label: string },
  ): { status: 'imported' | 'updated' | 'unchanged'; write: PlannedWrite | null; changes: ValueChange[] } {
    const reported = Object.entries(spec.metrics).filter(
      ([field]) => metrics[field] !== null && metrics[field] !== undefined,
    );
    const existing = this.hasFactsOn(spec, key)
      ? this.find(
          spec,
          spec.keyColumns.map((column) => key[column]),
        )
      : undefined;
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
          key: change.label,
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
