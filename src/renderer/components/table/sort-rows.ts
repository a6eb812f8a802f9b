import type { DataColumn } from './table-column';

export type SortOrder = 'ascend' | 'descend';
export interface SortState {
  key: string;
  order: SortOrder;
}

/** The rows in the order the table shows them; ties keep the order they came in. */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly DataColumn<Row>[],
  sort: SortState | null,
): Row[] {
  const compare = sort ? columns.find((column) => column.key === sort.key)?.sorter : undefined;
  if (!sort || !compare) return [...rows];
  const sign = sort.order === 'descend' ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}
