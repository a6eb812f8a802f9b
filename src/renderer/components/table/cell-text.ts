import type { CellKind, CellValue } from './table-column';

/** "2026-11-23" stays a date; a moment becomes local "2026-11-23 14:05", as the table shows it. */
export function dateText(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())} ` +
    `${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}

/** Drops float noise (0.1 + 0.2) without rounding away real digits. */
const clean = (n: number) => Number(n.toPrecision(12));

/**
 * A value as text that Excel and WPS read back as the same typed value when pasted: money as
 * plain yuan (no ¥ or thousands separator, which would make it text), a ratio as "12.5%".
 */
export function cellText(kind: CellKind, value: CellValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return kind === 'date' ? dateText(value) : value;
  if (kind === 'moneyFen') return (value / 100).toFixed(2);
  if (kind === 'ratio') return `${clean(value * 100)}%`;
  return String(value);
}

/** One field of tab-separated text: quoted, with quotes doubled, when it holds a tab, newline or quote. */
export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines as Excel puts them on the clipboard: tab between fields, CRLF after each line. */
export function toTsv(lines: readonly (readonly string[])[]): string {
  return lines.map((line) => line.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}
