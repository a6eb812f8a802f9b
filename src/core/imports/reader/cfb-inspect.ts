import * as XLSX from 'xlsx';
import { refusals } from './refusal';

/**
 * Checks an OLE compound file (the container of .xls and of WPS .et, but also of old Word files
 * and of password-protected .xlsx) before SheetJS parses it: says what it is when it is not a
 * workbook, recognises encryption, and counts the cell records so a file with more cells than
 * allowed is refused before SheetJS turns each one into an object.
 */

interface CfbEntry {
  content?: Uint8Array;
}
interface CfbApi {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): CfbEntry | null;
}
const cfb = XLSX.CFB as CfbApi;

const FILEPASS = 0x002f;
const EOF = 0x000a;
const MULRK = 0x00bd;
/** BIFF5/8 records that each make one cell: FORMULA, RSTRING, LABELSST, NUMBER, LABEL, BOOLERR, RK. */
const singleCellRecords = new Set([0x0006, 0x00d6, 0x00fd, 0x0203, 0x0204, 0x0205, 0x027e]);

/** Walks the BIFF record stream; returns the cells it can produce, or 'encrypted'. */
function scanBiff(stream: Uint8Array): number | 'encrypted' {
  let cells = 0;
  let position = 0;
  let inGlobals = true;
  while (position + 4 <= stream.length) {
    const type = stream[position]! | (stream[position + 1]! << 8);
    const size = stream[position + 2]! | (stream[position + 3]! << 8);
    // FILEPASS sits in the workbook globals, before the first EOF, when a password protects the file.
    if (type === FILEPASS && inGlobals) return 'encrypted';
    if (type === EOF) inGlobals = false;
    if (singleCellRecords.has(type)) cells += 1;
    else if (type === MULRK && size >= 6) cells += Math.floor((size - 6) / 6);
    position += 4 + size;
  }
  return cells;
}

/** Inspects a compound file; throws a refusal unless it is a readable legacy workbook. */
export function inspectCfb(bytes: Uint8Array, fileName: string): { cellEstimate: number } {
  let container: unknown;
  try {
    container = cfb.read(bytes, { type: 'buffer' });
  } catch {
    throw refusals.corrupt(fileName);
  }
  const find = (path: string): CfbEntry | null => {
    try {
      return cfb.find(container, path);
    } catch {
      return null;
    }
  };
  // An encrypted .xlsx is a compound file holding EncryptionInfo + EncryptedPackage; '/encryption' is SheetJS's own check.
  if (find('EncryptionInfo') || find('EncryptedPackage') || find('/encryption')) throw refusals.encrypted(fileName);
  // The same streams, looked up the same way, as SheetJS will read.
  const workbook = find('/Workbook') ?? find('/Book');
  if (!workbook?.content) {
    if (find('WordDocument')) throw refusals.notASpreadsheet(fileName, 'imports.fileType.word');
    if (find('PowerPoint Document')) throw refusals.notASpreadsheet(fileName, 'imports.fileType.powerpoint');
    throw refusals.notASpreadsheet(fileName);
  }
  const scanned = scanBiff(workbook.content);
  if (scanned === 'encrypted') throw refusals.encrypted(fileName);
  return { cellEstimate: scanned };
}
