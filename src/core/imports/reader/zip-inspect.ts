import { inflateRawSync } from 'node:zlib';
import { unpackedBudget, type ReadLimits } from './limits';
import { refusals } from './refusal';
import { messageRef } from '../../../shared/i18n/message-ref';

/**
 * Checks a zip container before SheetJS opens it. SheetJS inflates every entry into memory up
 * front, trusting the sizes the archive declares, so a truncated archive fails with an obscure
 * message and a crafted one (a zip bomb, or an ODS row "repeated" a billion times) can exhaust
 * memory before any limit is looked at. Here each entry is inflated once with Node's zlib under
 * a hard output cap, its real size is added to a budget, and the cells it can produce are
 * counted, so the parse that follows is known to be bounded.
 */

export interface ZipInspection {
  format: 'xlsx' | 'ods';
  /** An upper bound on the cells with content SheetJS will create. */
  cellEstimate: number;
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  dataStart: number;
  compressedSize: number;
  /** Every uncompressed size the archive declares for this entry (local header, directory, zip64); SheetJS allocates one of them. */
  declaredSizes: number[];
}

class ZipReader {
  constructor(private readonly bytes: Uint8Array) {}

  u16(at: number): number {
    return this.bytes[at]! | (this.bytes[at + 1]! << 8);
  }

  u32(at: number): number {
    return (
      (this.bytes[at]! | (this.bytes[at + 1]! << 8) | (this.bytes[at + 2]! << 16)) + this.bytes[at + 3]! * 0x1000000
    );
  }

  name(at: number, length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += String.fromCharCode(this.bytes[at + i]!);
    return text;
  }

  /** Uncompressed sizes carried in a zip64 extra field, read the way SheetJS reads them. */
  zip64Sizes(at: number, length: number): number[] {
    const sizes: number[] = [];
    let position = at;
    const end = at + length;
    while (position + 4 <= end) {
      const type = this.u16(position);
      const size = this.u16(position + 2);
      if (type === 0x0001 && position + 12 <= end)
        sizes.push(this.u32(position + 4) + this.u32(position + 8) * 0x100000000);
      position += 4 + size;
    }
    return sizes;
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

function readEntries(bytes: Uint8Array, fileName: string): Entry[] {
  const zip = new ZipReader(bytes);
  const corrupt = () => refusals.corrupt(fileName);
  // The end-of-directory record is searched from the end, as SheetJS does, so both agree on it;
  // an archive cut short has none.
  let end = -1;
  for (let at = bytes.length - 4; at >= 0 && at >= bytes.length - 22 - 0xffff; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      end = at;
      break;
    }
  }
  if (end < 0 || end + 22 > bytes.length) throw corrupt();
  const count = zip.u16(end + 8);
  let position = zip.u32(end + 16);
  if (count === 0) throw refusals.notASpreadsheet(fileName, 'imports.fileType.emptyZip');

  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (position + 46 > bytes.length || zip.u32(position) !== CENTRAL_HEADER) throw corrupt();
    const centralSize = zip.u32(position + 24);
    const nameLength = zip.u16(position + 28);
    const extraLength = zip.u16(position + 30);
    const commentLength = zip.u16(position + 32);
    const offset = zip.u32(position + 42);
    if (position + 46 + nameLength + extraLength > bytes.length) throw corrupt();
    const name = zip.name(position + 46, nameLength);
    const centralZip64 = zip.zip64Sizes(position + 46 + nameLength, extraLength);
    position += 46 + nameLength + extraLength + commentLength;

    if (offset + 30 > bytes.length || zip.u32(offset) !== LOCAL_HEADER) throw corrupt();
    const flags = zip.u16(offset + 6);
    const method = zip.u16(offset + 8);
    const compressedSize = zip.u32(offset + 18);
    const localSize = zip.u32(offset + 22);
    const localNameLength = zip.u16(offset + 26);
    const localExtraLength = zip.u16(offset + 28);
    const dataStart = offset + 30 + localNameLength + localExtraLength;
    if (dataStart > bytes.length) throw corrupt();
    // SheetJS names entries from the local header; a different name there could smuggle a sheet past the checks below.
    if (zip.name(offset + 30, localNameLength) !== name) throw corrupt();
    const localZip64 = zip.zip64Sizes(offset + 30 + localNameLength, localExtraLength);
    entries.push({
      name,
      flags,
      method,
      dataStart,
      compressedSize,
      // 0xFFFFFFFF in a header means "see the zip64 field", which SheetJS then reads instead.
      declaredSizes: [
        ...(localSize === 0xffffffff && localZip64.length > 0 ? [] : [localSize]),
        ...(centralSize === 0xffffffff && centralZip64.length > 0 ? [] : [centralSize]),
        ...centralZip64,
        ...localZip64,
      ],
    });
  }
  return entries;
}

/** Which spreadsheet the archive holds, by its parts, as SheetJS decides it. */
function formatOf(entries: Entry[], fileName: string, contentOf: (entry: Entry) => Uint8Array): 'xlsx' | 'ods' {
  const names = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  const has = (name: string) => names.has(name);
  if (has('meta-inf/manifest.xml')) {
    const mimetype = names.get('mimetype');
    const type = mimetype ? Buffer.from(contentOf(mimetype)).toString('latin1') : '';
    if (type.includes('opendocument.spreadsheet')) return 'ods';
    throw refusals.notASpreadsheet(
      fileName,
      type.includes('opendocument.text') ? 'imports.fileType.openDocumentText' : 'imports.fileType.openDocument',
    );
  }
  if (has('index/document.iwa') || has('index.xml') || has('index.xml.gz')) {
    throw refusals.unsupported(fileName, messageRef('imports.fileType.numbers'), 'imports.advice.numbers');
  }
  if (has('[content_types].xml')) {
    const keys = [...names.keys()];
    if (keys.some((name) => name.endsWith('workbook.xml'))) return 'xlsx';
    if (keys.some((name) => name.endsWith('workbook.bin'))) {
      throw refusals.unsupported(fileName, messageRef('imports.fileType.xlsb'), 'imports.advice.xlsb');
    }
    if (has('word/document.xml')) throw refusals.notASpreadsheet(fileName, 'imports.fileType.word');
    if (has('ppt/presentation.xml')) throw refusals.notASpreadsheet(fileName, 'imports.fileType.powerpoint');
  }
  throw refusals.notASpreadsheet(fileName, 'imports.fileType.zip');
}

/**
 * Cells in OOXML worksheet XML: `<c ...>` elements that are not self-closing (a self-closing
 * `<c r="B2" s="3"/>` is a formatted empty cell, common in exports, and SheetJS skips it). Every
 * entry is scanned, not just the ones named like worksheets, because SheetJS follows the
 * workbook's relationships wherever they point.
 */
function countOoxmlCells(xml: Buffer): number {
  let cells = 0;
  for (const opener of ['<c', ':c']) {
    let at = xml.indexOf(opener);
    while (at >= 0) {
      const next = xml[at + 2];
      // SheetJS recognises a cell as <c or <prefix:c followed by a space, a slash or >.
      if ((next === 0x20 || next === 0x3e) && (opener === '<c' || isPrefixed(xml, at))) {
        const close = xml.indexOf(0x3e, at + 2);
        if (close < 0) break;
        if (xml[close - 1] !== 0x2f) cells += 1;
        at = xml.indexOf(opener, close);
      } else {
        at = xml.indexOf(opener, at + 2);
      }
    }
  }
  return cells;
}

/** Whether `:c` at `at` ends an element name such as `<x:c`, not an attribute like `xmlns:c`. */
function isPrefixed(xml: Buffer, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i < 32; i -= 1) {
    const code = xml[i]!;
    if (code === 0x3c) return true;
    if (code === 0x20 || code === 0x3e || code === 0x22 || code === 0x3d) return false;
  }
  return false;
}

/**
 * Cells SheetJS will create from an ODS content.xml. ODS compresses repetition: one element can
 * stand for a cell repeated across N columns and, inside a repeated row, M rows, and SheetJS
 * expands each copy. LibreOffice writes empty cells as self-closing elements (never expanded),
 * so only non-self-closing cells count, as rows × columns.
 */
function countOdsCells(xml: string, stopAbove: number): number {
  const tag = /<(\/?)(?:[^\s/>:]+:)?(table-row|table-cell|行|数据)(?:_[^\s/>]*)?((?:\s[^>]*)?\/?)>/g;
  let rowRepeat = 1;
  let cells = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, closing, element, attributes = ''] = match;
    if (element === 'table-row' || element === '行') {
      // SheetJS reads the row count with unary plus ("1e9" is a billion) and the column count with parseInt.
      rowRepeat = closing ? 1 : Math.max(1, +(attributeValue(attributes, 'number-rows-repeated') ?? 1) || 1);
      continue;
    }
    if (closing) continue;
    if (attributes.endsWith('/')) {
      cells += 1;
      continue;
    }
    const columns = Math.max(1, parseInt(attributeValue(attributes, 'number-columns-repeated') ?? '1', 10) || 1);
    if (columns * rowRepeat > 1 && !odsCellHasContent(xml, tag.lastIndex, attributes)) continue;
    cells += columns * rowRepeat;
    if (cells > stopAbove) return cells;
  }
  return cells;
}

const attributePattern = /(?:^|\s)(?:[^\s=:]+:)?([^\s=:]+)\s*=\s*(["'])(.*?)\2/g;

/** An attribute's value by its local name, whatever its namespace prefix. */
function attributeValue(attributes: string, localName: string): string | undefined {
  if (!attributes.includes(localName)) return undefined;
  for (const match of attributes.matchAll(attributePattern)) if (match[1] === localName) return match[3];
  return undefined;
}

/** Whether a repeated ODS cell holds a value (SheetJS skips empty ones however often they repeat). */
function odsCellHasContent(xml: string, from: number, attributes: string): boolean {
  if (/value-type\s*=/.test(attributes)) return true;
  const end = xml.indexOf('table-cell>', from);
  const body = xml.slice(from, end < 0 ? xml.length : end);
  return (
    body
      .replace(/<[^>]*>/g, '')
      .replace(/<\/?[^\s>]*$/, '')
      .trim() !== ''
  );
}

/** Inspects a zipped workbook; throws a refusal for anything SheetJS should not be handed. */
export function inspectZip(bytes: Uint8Array, fileName: string, limits: ReadLimits): ZipInspection {
  const entries = readEntries(bytes, fileName);
  const budget = unpackedBudget(limits);
  let unpacked = 0;
  const contents = new Map<Entry, Buffer>();

  const unpack = (entry: Entry): Buffer => {
    const cached = contents.get(entry);
    if (cached) return cached;
    if (entry.flags & 0x2041) throw refusals.encrypted(fileName);
    const declared = Math.max(...entry.declaredSizes);
    const room = budget - unpacked;
    if (declared > room) throw refusals.unpacksTooLarge(fileName, budget);
    let content: Buffer;
    if (entry.method === 0) {
      content = Buffer.from(
        bytes.buffer,
        bytes.byteOffset + entry.dataStart,
        Math.min(entry.compressedSize, bytes.length - entry.dataStart),
      );
    } else if (entry.method === 8) {
      // SheetJS inflates from the entry's start to the end of its deflate stream, into a buffer of
      // the declared size (or a growing one when none is declared). Capping at the declared size
      // catches an entry that lies about it; capping at the budget catches one that declares nothing.
      const cap = declared > 0 ? declared : room;
      const compressed = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataStart, bytes.length - entry.dataStart);
      try {
        content = inflateRawSync(compressed, { maxOutputLength: Math.max(cap, 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw declared > 0 ? refusals.corrupt(fileName) : refusals.unpacksTooLarge(fileName, budget);
        }
        throw refusals.corrupt(fileName);
      }
    } else {
      throw refusals.corrupt(fileName);
    }
    unpacked += Math.max(declared, content.length);
    contents.set(entry, content);
    return content;
  };

  const format = formatOf(entries, fileName, unpack);
  let cellEstimate = 0;
  for (const entry of entries) {
    const content = unpack(entry);
    if (format === 'xlsx') {
      cellEstimate += countOoxmlCells(content);
    } else if (/(^|\/)content\.xml$/i.test(entry.name)) {
      cellEstimate += countOdsCells(content.toString('latin1'), limits.maxCells);
    }
    // The inflated copy is only needed for counting; SheetJS inflates its own.
    contents.delete(entry);
  }
  return { format, cellEstimate };
}
