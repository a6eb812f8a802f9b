import type { CellKind, CellValue } from './table-column';

/** A SheetJS cell: type, value and the number format Excel shows it with. */
export interface SheetCell {
  t: 's' | 'n';
  v: string | number;
  z?: string;
}

export const numberFormats = {
  integer: '#,##0',
  moneyFen: '"¥"#,##0.00',
  ratio: '0.0%',
  date: 'yyyy-mm-dd',
  moment: 'yyyy-mm-dd hh:mm',
} as const;

const dayMs = 86_400_000;
/** Excel's day 0 (1899-12-30, past the 1900 leap-year bug) in the same calendar as Date.UTC. */
const excelEpoch = Date.UTC(1899, 11, 30);

/** An Excel serial for a date or a moment; a moment counts in the reader's local time, as on screen. */
function serialOf(value: string): { serial: number; moment: boolean } | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return { serial: (Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!) - excelEpoch) / dayMs, moment: false };
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return null;
  const local = Date.UTC(
    moment.getFullYear(),
    moment.getMonth(),
    moment.getDate(),
    moment.getHours(),
    moment.getMinutes(),
    moment.getSeconds(),
  );
  return { serial: (local - excelEpoch) / dayMs, moment: true };
}

/** The cell a value becomes: numbers stay numbers (money in yuan), with the format they read in. */
export function sheetCell(kind: CellKind, value: CellValue): SheetCell | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string') {
    const date = kind === 'date' ? serialOf(value) : null;
    if (date) return { t: 'n', v: date.serial, z: date.moment ? numberFormats.moment : numberFormats.date };
    return { t: 's', v: value };
  }
  if (kind === 'moneyFen') return { t: 'n', v: value / 100, z: numberFormats.moneyFen };
  if (kind === 'ratio') return { t: 'n', v: value, z: numberFormats.ratio };
  if (kind === 'integer') return { t: 'n', v: value, z: numberFormats.integer };
  return { t: 'n', v: value };
}
