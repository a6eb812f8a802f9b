/**
 * A sheet as the import engine sees it: rows of primitive cell values. The reader (core) has
 * already turned date-formatted cells into `YYYY-MM-DD` text and kept numbers formatted with
 * leading zeros (工号 "007") as their text, so nothing here needs the spreadsheet library.
 */
export type GridValue = string | number | null;
export type GridRow = GridValue[];

export interface Grid {
  sheetName: string;
  rows: GridRow[];
  /** The spreadsheet's row number (1-based, as Excel shows it) of rows[0]. */
  firstRowNumber: number;
}

/** A period a per-period export covers, e.g. from "统计时间：2026-11-16 至 2026-11-22". */
export interface Period {
  from: string;
  to: string;
}
