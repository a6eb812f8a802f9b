import type { Cell, Workbook, Worksheet } from 'exceljs';
import { tierColors } from '../../../shared/tiers/tier-profiles';

/** Number formats as a trainer expects them in Excel and WPS. */
export const formats = {
  money: '"¥"#,##0.00',
  moneyChange: '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00',
  percent: '0.0%',
  percentChange: '+0.0%;-0.0%;0.0%',
  points: '+0.0" pt";-0.0" pt";0.0" pt"',
  integer: '#,##0',
  integerChange: '+#,##0;-#,##0;0',
} as const;

export type ColumnKind =
  'text' | 'money' | 'moneyChange' | 'percent' | 'percentChange' | 'points' | 'integer' | 'integerChange' | 'tier';

export interface Column<T> {
  header: string;
  /** A function when rows of one column hold different units (the overview's KPIs). */
  kind: ColumnKind | ((row: T) => ColumnKind);
  value: (row: T) => string | number | null;
  /** For change columns: whether a rise is good (green) or bad (red); null for a row leaves it uncoloured. */
  riseIsGood?: boolean | ((row: T) => boolean | null);
}

const green = 'FF18A058';
const red = 'FFD03050';
const headerFill = 'FFEFF3F8';

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** The colour mixed with white, for a cell background that keeps coloured text readable. */
function tint(hex: string, amount = 0.85): string {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `FF${channels
    .map((channel) =>
      Math.round(channel + (255 - channel) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase()}`;
}

/** Display width of a value: CJK characters take two columns. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFFF]/.test(char) ? 2 : 1;
  return width;
}

/**
 * Text goes in as a plain string cell. ExcelJS only writes a formula for a `{ formula }` value,
 * so a guide named "=HYPERLINK(…)" stays text; control characters that would make Excel call the
 * file damaged are dropped.
 */
function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing exactly the characters XML 1.0 forbids
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

function styleChange(cell: Cell, value: number | null, riseIsGood: boolean): void {
  if (value === null || value === 0) return;
  cell.font = { color: { argb: value > 0 === riseIsGood ? green : red } };
}

/** A sheet whose first row, the header of its first table, stays in view when scrolling. */
export function addFrozenSheet(workbook: Workbook, name: string): Worksheet {
  return workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
}

/**
 * Appends a table (a shaded header row, typed columns, widths that fit the content) below what the
 * sheet holds, or at its top when `first`; returns the next free row number.
 */
export function appendTable<T>(sheet: Worksheet, columns: Column<T>[], rows: readonly T[], first = false): number {
  const start = first ? 1 : sheet.rowCount + 2;
  const header = sheet.getRow(start);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: headerFill } };
    cell.alignment = {
      vertical: 'middle',
      horizontal: column.kind === 'text' || column.kind === 'tier' ? 'left' : 'right',
    };
  });
  rows.forEach((row, rowIndex) => {
    const line = sheet.getRow(start + 1 + rowIndex);
    columns.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      const value = column.value(row);
      const kind = typeof column.kind === 'function' ? column.kind(row) : column.kind;
      if (value === null) {
        cell.value = kind === 'text' || kind === 'tier' ? '' : '—';
        if (kind !== 'text') cell.alignment = { horizontal: 'right' };
        return;
      }
      cell.value = typeof value === 'string' ? safeText(value) : value;
      if (kind in formats) cell.numFmt = formats[kind as keyof typeof formats];
      if (kind.endsWith('Change') || kind === 'points') {
        const riseIsGood =
          typeof column.riseIsGood === 'function' ? column.riseIsGood(row) : (column.riseIsGood ?? true);
        if (riseIsGood !== null) styleChange(cell, value as number, riseIsGood);
      }
      if (kind === 'tier' && typeof value === 'string') {
        const tier = value.split(' ')[0] ?? '';
        const color = tierColors[tier];
        if (color) {
          cell.font = { color: { argb: argb(color) }, bold: true };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: tint(color) } };
        }
      }
    });
  });
  fitColumns(sheet);
  return start + rows.length + 1;
}

/** Sets every column's width to its widest value; call again after writing cells by hand. */
export function fitColumns(sheet: Worksheet): void {
  sheet.columns.forEach((column) => {
    let widest = 6;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const shown =
        typeof cell.value === 'number' ? cell.value.toFixed(2).length + 4 : widthOf(String(cell.value ?? ''));
      widest = Math.max(widest, shown);
    });
    column.width = Math.min(60, widest + 2);
  });
}
