import type { DataTableBaseColumn } from 'naive-ui';

/**
 * What a cell holds when it leaves the console (export, copy): money in fen becomes yuan, a
 * ratio stays a ratio, a date is an ISO date or moment. Text is anything people read as words.
 */
export type CellKind = 'text' | 'integer' | 'moneyFen' | 'ratio' | 'date';

export type CellValue = string | number | null;

/**
 * One column of a console table: how it renders (Naive UI's column props) and, next to it, how
 * it leaves the table. Without `value` the row's field named by `key` is taken as it is.
 */
export interface DataColumn<Row> extends Omit<DataTableBaseColumn<Row>, 'key' | 'title' | 'sorter' | 'type'> {
  key: string;
  title: string;
  /** The typed value for export and copy; the display string is only for reading on screen. */
  value?: (row: Row) => CellValue;
  kind?: CellKind;
  /** Compares two rows for sorting; the table sorts, so export and screen share one order. */
  sorter?: (a: Row, b: Row) => number;
  /** Row actions: always shown, never exported, not offered in the column settings. */
  action?: boolean;
}

export function cellValue<Row>(column: DataColumn<Row>, row: Row): CellValue {
  if (column.value) return column.value(row);
  const raw = (row as Record<string, unknown>)[column.key];
  return typeof raw === 'number' || typeof raw === 'string' ? raw : null;
}

/** Texts compared as Chinese readers expect (pinyin order), an empty value first. */
export const byText =
  <Row>(pick: (row: Row) => string | null | undefined) =>
  (a: Row, b: Row): number =>
    (pick(a) ?? '').localeCompare(pick(b) ?? '', 'zh-CN');

/** Numbers compared with an empty value below every number. */
export const byNumber =
  <Row>(pick: (row: Row) => number | null | undefined) =>
  (a: Row, b: Row): number =>
    (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);
