import type { Grid, GridRow, GridValue } from '../../../shared/imports/grid';
import type { ReadLimits } from './limits';
import { ContentBudget, MAX_COLUMNS } from './content-budget';
import { refusals } from './refusal';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

function byteOrderMark(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return undefined;
}

/**
 * The first 64 KB of a file as text, or undefined when it is not text at all: binary data
 * decoded as text is full of control and replacement characters, real exports have next to
 * none. Looking at the start is enough to tell an image from a table without decoding 100 MB.
 */
export function textHead(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  // Streaming decodes tolerate a character cut in half at the end of the slice.
  const declared = byteOrderMark(bytes);
  let text: string;
  if (declared) {
    text = new TextDecoder(declared).decode(head, { stream: true });
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      text = new TextDecoder('gb18030').decode(head, { stream: true });
    }
  }
  let suspicious = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return undefined;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      code === 0x7f ||
      code === 0xfffd
    ) {
      suspicious += 1;
    }
  }
  return suspicious <= Math.max(2, text.length / 1000) ? text : undefined;
}

/**
 * The text of a CSV/TSV file and the encoding it was in. Chinese Excel and WPS save CSV as GBK
 * unless told otherwise, so bytes that are not valid UTF-8 are read as GB18030 (a superset of
 * GBK and GB2312); Excel's "Unicode text" is UTF-16LE with a BOM.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const declared = byteOrderMark(bytes);
  if (declared) return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const candidates = [0x2c, TAB, 0x3b, 0x7c]; // , tab ; | — in order of preference on a tie

/**
 * The delimiter seen most often outside quotes in the first lines (a quoted "1,234.50" must not
 * make a TSV look like CSV).
 */
function chooseDelimiter(text: string): number {
  const counts = new Map<number, number>(candidates.map((code) => [code, 0]));
  const end = Math.min(text.length, 64 * 1024);
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < end && lines < 50; i += 1) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (code === LF) lines += 1;
    else if (counts.has(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best = candidates[0]!;
  for (const code of candidates) if ((counts.get(code) ?? 0) > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** A field as the import rules want it: empty is null, Excel's `="007"` text-forcing trick is unwrapped. */
function fieldValue(raw: string): GridValue {
  if (raw === '') return null;
  if (
    raw.length >= 3 &&
    raw.charCodeAt(0) === 0x3d &&
    raw.charCodeAt(1) === QUOTE &&
    raw.charCodeAt(raw.length - 1) === QUOTE
  ) {
    const inner = raw.slice(2, -1);
    if (!inner.replace(/""/g, '').includes('"')) return inner.replace(/""/g, '"') || null;
  }
  return raw;
}

/**
 * Parses delimited text (RFC 4180 quoting, any line ending) straight into a grid. Every field
 * stays text — '007', 18-digit ids and "1,234.50" are the rules' to interpret — and the limits
 * are enforced while parsing, so a hostile file stops before it is held twice in memory.
 */
export function parseDelimitedText(text: string, sheetName: string, fileName: string, limits: ReadLimits): Grid {
  // Excel's `sep=;` first line names the delimiter; Excel hides the line, so the row numbers it
  // shows start after it.
  const declared = /^sep=(.)(\r\n|\r|\n)/.exec(text);
  const sep = declared ? declared[1]!.charCodeAt(0) : chooseDelimiter(text);
  let position = declared ? declared[0].length : 0;

  const rows: GridRow[] = [];
  const budget = new ContentBudget(fileName, limits);
  let firstRecord = -1;
  let record = 0;
  let row: GridRow = [];
  // Empty fields are only written into the row when a value follows them, so a line of commas costs nothing.
  let field = 0;
  const length = text.length;

  const endRecord = (): void => {
    if (row.length > 0) {
      if (firstRecord < 0) firstRecord = record;
      if (record - firstRecord + 1 > limits.maxRows)
        throw refusals.tooManyRows(sheetName, record - firstRecord + 1, limits.maxRows);
      budget.row(row.length, sheetName, record + 1);
      while (rows.length < record - firstRecord) rows.push([]);
      rows.push(row);
      row = [];
    }
    record += 1;
    field = 0;
  };

  const pushField = (raw: string): void => {
    const value = fieldValue(raw);
    if (value !== null) {
      if (field >= MAX_COLUMNS) budget.row(field + 1, sheetName, record + 1);
      budget.cell();
      while (row.length < field) row.push(null);
      row.push(value);
    }
    field += 1;
  };

  while (position < length) {
    let raw: string;
    if (text.charCodeAt(position) === QUOTE) {
      // Quoted: runs to the quote not followed by another; "" is a literal quote. Anything
      // between the closing quote and the delimiter is kept, as spreadsheet programs do.
      let value = '';
      let from = position + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          value += text.slice(from);
          position = length;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += text.slice(from, close);
        position = close + 1;
        break;
      }
      let tail = position;
      while (tail < length) {
        const code = text.charCodeAt(tail);
        if (code === sep || code === LF || code === CR) break;
        tail += 1;
      }
      raw = tail > position ? value + text.slice(position, tail) : value;
      position = tail;
    } else {
      let end = position;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === sep || code === LF || code === CR) break;
        end += 1;
      }
      raw = text.slice(position, end);
      position = end;
    }
    pushField(raw);

    if (position >= length) break;
    const code = text.charCodeAt(position);
    position += 1;
    if (code === sep) continue;
    if (code === CR && text.charCodeAt(position) === LF) position += 1;
    endRecord();
  }
  endRecord();

  // Rows are only added up to a record with content, so trailing blank lines never appear.
  return { sheetName, rows, firstRowNumber: firstRecord < 0 ? 1 : firstRecord + 1 };
}
