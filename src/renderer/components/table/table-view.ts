import { cellText } from './cell-text';
import { sheetCell, type SheetCell } from './sheet-cells';
import { cellValue, type DataColumn } from './table-column';

/** The columns that leave the table: the visible ones, in their order, without row actions. */
export function exportedColumns<Row>(columns: readonly DataColumn<Row>[]): DataColumn<Row>[] {
  return columns.filter((column) => !column.action);
}

/** Header and rows as text, for the clipboard. */
export function viewLines<Row>(columns: readonly DataColumn<Row>[], rows: readonly Row[]): string[][] {
  const shown = exportedColumns(columns);
  return [
    shown.map((column) => column.title),
    ...rows.map((row) => shown.map((column) => cellText(column.kind ?? 'text', cellValue(column, row)))),
  ];
}

/** Header and rows as typed cells, for a spreadsheet. */
export function viewCells<Row>(columns: readonly DataColumn<Row>[], rows: readonly Row[]): (SheetCell | null)[][] {
  const shown = exportedColumns(columns);
  return [
    shown.map((column): SheetCell => ({ t: 's', v: column.title })),
    ...rows.map((row) => shown.map((column) => sheetCell(column.kind ?? 'text', cellValue(column, row)))),
  ];
}

/** A file name from the page title and the week or day it shows, safe on Windows and macOS. */
export function exportFileName(title: string, period: string): string {
  return `${title}_${period}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
