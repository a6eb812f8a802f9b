import { toHalfWidth } from './coerce';
import type { GridRow, GridValue } from './grid';

export type RowClass = 'data' | 'blank' | 'total' | 'note';

// Compared without spaces ('合 计') and case, with an optional colon and what follows it ('合计：12人').
const totalLabel = /^(?:合计|总计|小计|汇总|总合计|total|subtotal|grandtotal)(?::.*)?$/;
// Signature, remark and provenance lines under (or over) a table.
const notePrefixes = ['制表人', '制表', '备注', '说明', '注:', '数据来源', '导出时间', '打印时间', '审核'];
/**
 * A lone text cell at least this long at the left edge is a footnote, not a row with one value:
 * the longest first-column values (store names, department paths) stay well under it.
 */
const longNoteLength = 16;

function compact(cell: GridValue): string {
  return cell === null ? '' : toHalfWidth(String(cell)).replace(/\s+/g, '');
}

function isTotalLabel(cell: GridValue): boolean {
  return typeof cell === 'string' && totalLabel.test(compact(cell).toLowerCase());
}

function isNoteText(cell: GridValue): boolean {
  if (typeof cell !== 'string') return false;
  const text = compact(cell);
  return notePrefixes.some((prefix) => text.startsWith(prefix));
}

/**
 * A single text cell at or left of the first mapped column, long like a sentence, with nothing in
 * any other column: a merged footnote such as "以上数据来自企业微信管理后台，仅供内部复盘使用".
 */
function isLoneFootnote(filled: readonly [number, GridValue][], mappedColumns: readonly number[]): boolean {
  if (filled.length !== 1) return false;
  const [column, cell] = filled[0] ?? [0, null];
  const firstMapped = mappedColumns.length > 0 ? Math.min(...mappedColumns) : 0;
  return typeof cell === 'string' && column <= firstMapped && cell.trim().length >= longNoteLength;
}

/**
 * blank: no non-empty cell; total: a cell is 合计/总计/小计/汇总/Total (spaces and a trailing ':' allowed,
 * e.g. '合 计'); note: a row whose only non-empty cells are text starting with 制表人/制表/备注/说明/注：/
 * 注:/数据来源/导出时间/打印时间/审核, or a single long text cell in the first column while the mapped
 * columns are empty. `mappedColumns` are the column indexes that carry fields. Anything else is data,
 * so a half-filled row reaches validation and is reported rather than silently dropped.
 */
export function classifyRow(row: GridRow, mappedColumns: readonly number[]): RowClass {
  const filled = row
    .map((cell, column): [number, GridValue] => [column, cell])
    .filter(([, cell]) => compact(cell) !== '');
  if (filled.length === 0) return 'blank';
  if (filled.some(([, cell]) => isTotalLabel(cell))) return 'total';
  if (filled.every(([, cell]) => isNoteText(cell))) return 'note';
  return isLoneFootnote(filled, mappedColumns) ? 'note' : 'data';
}
