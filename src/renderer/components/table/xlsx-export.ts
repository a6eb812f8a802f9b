import * as XLSX from 'xlsx';
import type { SheetCell } from './sheet-cells';

/** Sheet names: at most 31 characters, none of []:*?/\. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/** A one-sheet workbook of the cells, columns about as wide as their widest text. */
export function workbookOf(title: string, cells: (SheetCell | null)[][]): XLSX.WorkBook {
  const sheet = XLSX.utils.aoa_to_sheet(cells);
  const widths = (cells[0] ?? []).map((_, index) =>
    Math.min(
      60,
      Math.max(
        6,
        ...cells.map((line) => {
          const cell = line[index];
          // A CJK character is about two Latin ones wide.
          return cell ? [...String(cell.v)].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 2) : 0;
        }),
      ),
    ),
  );
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName(title));
  return book;
}

export function workbookBytes(book: XLSX.WorkBook): Uint8Array {
  return new Uint8Array(XLSX.write(book, { bookType: 'xlsx', type: 'array', compression: true }) as ArrayBuffer);
}
