import * as XLSX from 'xlsx';
import type { Grid } from '../../shared/imports/grid';
import { inspectCfb } from './reader/cfb-inspect';
import { ContentBudget } from './reader/content-budget';
import { decodeText, parseDelimitedText, textHead, type TextEncoding } from './reader/delimited-text';
import { defaultReadLimits, type ReadLimits } from './reader/limits';
import { refusals } from './reader/refusal';
import { messageRef } from '../../shared/i18n/message-ref';
import { CellConverter, sheetToGrid, type SheetGrid } from './reader/sheet-to-grid';
import { baseNameOf, extensionOf, sniffContainer } from './reader/sniff';
import { inspectZip } from './reader/zip-inspect';

export { defaultReadLimits, type ReadLimits };

export interface WorkbookContents {
  fileName: string;
  format: 'xlsx' | 'xls' | 'ods' | 'csv';
  /** How a text file was decoded; absent for workbooks. */
  encoding?: TextEncoding;
  sheets: Grid[];
}

type WorkbookFormat = Exclude<WorkbookContents['format'], 'csv'>;

const textExtensions = new Set(['csv', 'tsv', 'txt']);

/**
 * Reads a spreadsheet file's bytes into grids, one per sheet, or throws
 * PilotDeskError('VALIDATION', <clear Chinese message>, undefined, { reason }) for a file it
 * cannot read; it never throws anything else for bad input and never runs out of memory on a
 * hostile file.
 */
export function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = defaultReadLimits,
): WorkbookContents {
  if (bytes.length === 0) throw refusals.empty(fileName);
  if (bytes.length > limits.maxBytes) throw refusals.tooLarge(fileName, bytes.length, limits.maxBytes);

  const container = sniffContainer(bytes);
  // SheetJS decorates the object it is given (a read position, reader methods): hand it views, never the caller's array.
  const view = () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (container.kind === 'zip') {
    const { format, cellEstimate } = inspectZip(bytes, fileName, limits);
    if (cellEstimate > limits.maxCells) throw refusals.tooManyCells(fileName, cellEstimate, limits.maxCells);
    return readWithSheetJs(view, fileName, format, limits);
  }
  if (container.kind === 'cfb') {
    const { cellEstimate } = inspectCfb(view(), fileName);
    if (cellEstimate > limits.maxCells) throw refusals.tooManyCells(fileName, cellEstimate, limits.maxCells);
    return readWithSheetJs(view, fileName, 'xls', limits);
  }
  if (container.what) throw refusals.notASpreadsheet(fileName, container.what);
  return readText(bytes, fileName, limits);
}

function readText(bytes: Uint8Array, fileName: string, limits: ReadLimits): WorkbookContents {
  const start = textHead(bytes);
  if (start === undefined) throw refusals.notASpreadsheet(fileName);
  const extension = extensionOf(fileName);
  if (!textExtensions.has(extension)) {
    // Text under a workbook's name: often a web page or an Excel 2003 XML file some systems save
    // as ".xls", or a CSV renamed by hand. Say which, rather than guess at its columns.
    const head = start.slice(0, 4096).toLowerCase();
    if (/<html|<table|<!doctype html/.test(head)) {
      throw refusals.unsupported(fileName, messageRef('imports.fileType.html'), 'imports.advice.saveAsXlsx');
    }
    if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
      throw refusals.unsupported(fileName, messageRef('imports.fileType.excel2003Xml'), 'imports.advice.saveAsXlsx');
    }
    const what = extension
      ? messageRef('imports.fileType.plainTextNamed', { extension })
      : messageRef('imports.fileType.plainText');
    throw refusals.unsupported(fileName, what, 'imports.advice.renameCsv');
  }
  const decoded = decodeText(bytes);
  const grid = parseDelimitedText(decoded.text, baseNameOf(fileName), fileName, limits);
  if (grid.rows.length === 0) throw refusals.empty(fileName);
  return { fileName, format: 'csv', encoding: decoded.encoding, sheets: [grid] };
}

/** SheetJS, asked for as little as the grids need: no formulas, styles or HTML, dense rows, serial dates. */
function parseWithSheetJs(buffer: Buffer, fileName: string, sheetRows: number): XLSX.WorkBook {
  try {
    return XLSX.read(buffer, {
      type: 'buffer',
      dense: true,
      // Dates stay serial numbers and are turned into text from their calendar fields, so the
      // reading machine's time zone can never move a date by a day.
      cellDates: false,
      // Number formats tell dates and zero-padded numbers (工号 "000123") from plain numbers.
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      // SheetJS stops creating cells past this row, so a sheet claiming a billion rows costs nothing.
      sheetRows,
    });
  } catch (error) {
    if (error instanceof RangeError && !/call stack/i.test(error.message)) throw refusals.outOfMemory(fileName);
    if (error instanceof Error && /password|encrypt/i.test(error.message)) throw refusals.encrypted(fileName);
    throw refusals.corrupt(fileName);
  }
}

function readWithSheetJs(
  view: () => Buffer,
  fileName: string,
  format: WorkbookFormat,
  limits: ReadLimits,
): WorkbookContents {
  // One row more than allowed shows whether a sheet goes past the limit.
  const sheetRows = limits.maxRows + 1;
  let sheets = gridsOf(parseWithSheetJs(view(), fileName, sheetRows), fileName, limits);
  refuseLongSheets(sheets, limits);
  // A sheet that starts lower down (under a title or blank rows) can reach the cut-off row while
  // still within the limit; read once more, far enough to see whether it really goes past it.
  const cut = sheets.filter((sheet) => sheet.lastRowIndex >= sheetRows - 1);
  if (cut.length > 0) {
    const further = Math.max(...cut.map((sheet) => sheet.grid.firstRowNumber)) + limits.maxRows;
    sheets.length = 0; // let the first reading go before the second is built
    sheets = gridsOf(parseWithSheetJs(view(), fileName, further), fileName, limits);
    refuseLongSheets(sheets, limits);
  }
  if (sheets.every(({ grid }) => grid.rows.length === 0)) throw refusals.empty(fileName);
  return { fileName, format, sheets: sheets.map(({ grid }) => grid) };
}

function refuseLongSheets(sheets: SheetGrid[], limits: ReadLimits): void {
  for (const { grid, lastRowIndex } of sheets) {
    const rows = lastRowIndex + 2 - grid.firstRowNumber;
    if (rows > limits.maxRows) throw refusals.tooManyRows(grid.sheetName, rows, limits.maxRows);
  }
}

function gridsOf(workbook: XLSX.WorkBook, fileName: string, limits: ReadLimits): SheetGrid[] {
  const converter = new CellConverter(Boolean(workbook.Workbook?.WBProps?.date1904));
  const budget = new ContentBudget(fileName, limits);
  // Hidden sheets are kept, in workbook order: a rule may need one, and skipping them would be a surprise.
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    return sheet
      ? sheetToGrid(sheet, name, converter, budget)
      : { grid: { sheetName: name, rows: [], firstRowNumber: 1 }, lastRowIndex: -1 };
  });
}
