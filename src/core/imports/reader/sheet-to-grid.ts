import * as XLSX from 'xlsx';
import type { Grid, GridRow, GridValue } from '../../../shared/imports/grid';
import { MAX_COLUMNS, type ContentBudget } from './content-budget';

interface Ssf {
  is_date(format: string): boolean;
  parse_date_code(value: number, options?: { date1904?: boolean }): { y: number; m: number; d: number } | null;
}
const ssf = XLSX.SSF as Ssf;

/** The last serial Excel can show as a date (9999-12-31). */
const LAST_DATE_SERIAL = 2958465;

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * Turns SheetJS cells into grid values. One per workbook: it remembers which number formats are
 * dates, since a sheet has a handful of formats and hundreds of thousands of cells.
 */
export class CellConverter {
  private readonly formatKinds = new Map<string, 'date' | 'time' | 'number'>();

  constructor(private readonly date1904: boolean) {}

  /**
   * 'date' for formats showing a calendar date (with or without a time), 'time' for times of
   * day and durations such as [h]:mm (SheetJS calls both "dates"), 'number' for the rest.
   */
  private formatKind(format: string): 'date' | 'time' | 'number' {
    let kind = this.formatKinds.get(format);
    if (kind === undefined) {
      kind = 'number';
      try {
        if (format !== 'General' && ssf.is_date(format)) {
          // Quoted text ("年"), escaped characters and [..] sections (colours, locales) are not
          // date tokens, but elapsed [h] [m] [s] are time ones; 'm' is a month unless it sits
          // with hours or seconds.
          const tokens = format
            .replace(/"[^"]*"|\\./g, '')
            .replace(/\[([hms]+)\]/gi, '$1')
            .replace(/\[[^\]]*\]/g, '')
            .toLowerCase();
          kind = /[yde]/.test(tokens) || (tokens.includes('m') && !/[hs]/.test(tokens)) ? 'date' : 'time';
        }
      } catch {
        // A format SheetJS cannot classify is shown as its number.
      }
      this.formatKinds.set(format, kind);
    }
    return kind;
  }

  /** A date serial as 'YYYY-MM-DD', from the serial's calendar fields: never through a JS Date, so no time zone can shift it. */
  private dateText(serial: number): string | undefined {
    if (!(serial >= 1 && serial <= LAST_DATE_SERIAL)) return undefined;
    const parts = ssf.parse_date_code(serial, { date1904: this.date1904 });
    if (!parts || parts.y < 1900 || parts.y > 9999) return undefined;
    return `${parts.y}-${two(parts.m)}-${two(parts.d)}`;
  }

  private numberValue(cell: XLSX.CellObject): GridValue {
    const value = cell.v as number;
    if (!Number.isFinite(value)) return null;
    const format = typeof cell.z === 'string' ? cell.z : undefined;
    const kind = format ? this.formatKind(format) : 'number';
    if (kind === 'date') return this.dateText(value) ?? cell.w ?? value;
    // A time of day or a duration has no date; its display text ("09:30") is what the user sees.
    if (kind === 'time') return cell.w ?? value;
    const text = cell.w;
    // 工号 kept as numbers formatted "000000" show as "000123": the display text is the value.
    if (format && text && text.length > 1 && text.charCodeAt(0) === 48 && /^0\d+$/.test(text)) return text;
    return value;
  }

  value(cell: XLSX.CellObject): GridValue {
    switch (cell.t) {
      case 's':
        return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
      case 'n':
        return this.numberValue(cell);
      case 'b':
        return cell.v ? 'TRUE' : 'FALSE';
      case 'd':
        // Only produced with cellDates, which the reader turns off; kept total for safety.
        return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : null;
      default:
        // 'e' (error values such as #N/A) and 'z' (stubs) carry nothing to import.
        return null;
    }
  }
}

export interface SheetGrid {
  grid: Grid;
  /** 0-based index of the last row SheetJS returned with content, -1 when none. */
  lastRowIndex: number;
}

/**
 * One sheet as a grid, from the rows SheetJS actually holds rather than the range the sheet
 * claims (`!ref` can say A1:Z1048576 for twenty rows). Rows before the first with content are
 * dropped and `firstRowNumber` keeps Excel's numbering; blank rows inside stay as [] and trailing
 * empty cells are trimmed from each row.
 */
export function sheetToGrid(
  sheet: XLSX.WorkSheet,
  sheetName: string,
  converter: CellConverter,
  budget: ContentBudget,
): SheetGrid {
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: GridRow[] = [];
  let first = -1;
  let last = -1;
  for (let r = 0; r < data.length; r += 1) {
    const source = data[r];
    if (!source) continue;
    // Checked before the loop: a crafted cell address far past Excel's last column would
    // otherwise make this row millions of slots long.
    if (source.length > MAX_COLUMNS) budget.row(source.length, sheetName, r + 1);
    const values: GridRow = [];
    let lastValue = -1;
    for (let c = 0; c < source.length; c += 1) {
      const cell = source[c];
      const value = cell ? converter.value(cell) : null;
      if (value !== null) {
        budget.cell();
        lastValue = c;
      }
      values.push(value);
    }
    if (lastValue < 0) continue;
    values.length = lastValue + 1;
    budget.row(values.length, sheetName, r + 1);
    if (first < 0) first = r;
    while (rows.length < r - first) rows.push([]);
    rows.push(values);
    last = r;
  }
  return { grid: { sheetName, rows, firstRowNumber: first < 0 ? 1 : first + 1 }, lastRowIndex: last };
}
