import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { cellText, dateText, toTsv, tsvField } from '../../src/renderer/components/table/cell-text';
import { numberFormats, sheetCell } from '../../src/renderer/components/table/sheet-cells';
import { sortRows } from '../../src/renderer/components/table/sort-rows';
import { byNumber, byText, type DataColumn } from '../../src/renderer/components/table/table-column';
import { exportFileName, viewCells, viewLines } from '../../src/renderer/components/table/table-view';
import { workbookBytes, workbookOf } from '../../src/renderer/components/table/xlsx-export';

interface Row {
  code: string;
  name: string;
  salesFen: number | null;
  share: number | null;
  guides: number;
  openedOn: string | null;
}

const rows: Row[] = [
  { code: 'SH002', name: '上海\t徐汇店', salesFen: 1_234_567, share: 0.125, guides: 8, openedOn: '2024-03-01' },
  { code: 'SH001', name: '上海 "静安" 店', salesFen: null, share: null, guides: 12, openedOn: null },
  { code: 'BJ001', name: '北京\n朝阳店', salesFen: -550, share: 0.3, guides: 8, openedOn: '2026-01-01' },
];

const columns: DataColumn<Row>[] = [
  { key: 'code', title: '门店编码', sorter: byText((row) => row.code) },
  { key: 'name', title: '门店名称' },
  { key: 'salesFen', title: '净销售额', kind: 'moneyFen', sorter: byNumber((row) => row.salesFen) },
  { key: 'share', title: '线上占比', kind: 'ratio' },
  { key: 'guides', title: '在职导购', kind: 'integer', sorter: byNumber((row) => row.guides) },
  { key: 'openedOn', title: '开业日期', kind: 'date' },
  { key: 'label', title: '标签', value: (row) => `${row.code}/${row.guides}` },
  { key: 'actions', title: '操作', action: true },
];

describe('tab-separated text', () => {
  it('quotes a field only when it holds a tab, a line break or a quote, doubling the quotes', () => {
    expect(tsvField('上海静安嘉里店')).toBe('上海静安嘉里店');
    expect(tsvField('a\tb')).toBe('"a\tb"');
    expect(tsvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(tsvField('a\rb')).toBe('"a\rb"');
    expect(tsvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('ends every line with CRLF, as Excel puts a selection on the clipboard', () => {
    expect(
      toTsv([
        ['a', 'b'],
        ['1', 'x\ty'],
      ]),
    ).toBe('a\tb\r\n1\t"x\ty"\r\n');
  });

  it('writes values as Excel and WPS read them back: plain yuan, percentages, ISO dates', () => {
    expect(cellText('moneyFen', 1_234_567)).toBe('12345.67');
    expect(cellText('moneyFen', -5)).toBe('-0.05');
    expect(cellText('ratio', 0.125)).toBe('12.5%');
    expect(cellText('ratio', 0.1 + 0.2)).toBe('30%');
    expect(cellText('integer', 12)).toBe('12');
    expect(cellText('date', '2026-11-23')).toBe('2026-11-23');
    expect(cellText('text', null)).toBe('');
    expect(cellText('moneyFen', null)).toBe('');
  });

  it('shows a moment in local time, to the minute', () => {
    const moment = new Date(2026, 10, 23, 9, 5, 30);
    expect(dateText(moment.toISOString())).toBe('2026-11-23 09:05');
    expect(dateText('not a date')).toBe('not a date');
  });
});

describe('spreadsheet cells', () => {
  it('keeps numbers as numbers with the format they read in', () => {
    expect(sheetCell('moneyFen', 1_234_567)).toEqual({ t: 'n', v: 12345.67, z: numberFormats.moneyFen });
    expect(sheetCell('ratio', 0.125)).toEqual({ t: 'n', v: 0.125, z: numberFormats.ratio });
    expect(sheetCell('integer', 8)).toEqual({ t: 'n', v: 8, z: numberFormats.integer });
    expect(sheetCell('text', '上海')).toEqual({ t: 's', v: '上海' });
    expect(sheetCell('moneyFen', null)).toBeNull();
  });

  it('makes an ISO date a date serial in Excel’s calendar', () => {
    // 2026-01-01 is day 46023 in Excel's 1900 date system.
    expect(sheetCell('date', '2026-01-01')).toEqual({ t: 'n', v: 46023, z: numberFormats.date });
    const parsed = XLSX.SSF.parse_date_code(sheetCell('date', '2024-02-29')!.v as number);
    expect([parsed.y, parsed.m, parsed.d]).toEqual([2024, 2, 29]);
  });

  it('makes a moment a serial of the local day and time', () => {
    const moment = new Date(2026, 10, 23, 14, 30);
    const cell = sheetCell('date', moment.toISOString())!;
    expect(cell.z).toBe(numberFormats.moment);
    const parsed = XLSX.SSF.parse_date_code(cell.v as number);
    expect([parsed.y, parsed.m, parsed.d, parsed.H, parsed.M]).toEqual([2026, 11, 23, 14, 30]);
  });
});

describe('the table view', () => {
  it('sorts with the column’s comparer, both ways, keeping ties in their order', () => {
    const codes = (list: Row[]) => list.map((row) => row.code);
    expect(codes(sortRows(rows, columns, { key: 'code', order: 'ascend' }))).toEqual(['BJ001', 'SH001', 'SH002']);
    expect(codes(sortRows(rows, columns, { key: 'guides', order: 'ascend' }))).toEqual(['SH002', 'BJ001', 'SH001']);
    expect(codes(sortRows(rows, columns, { key: 'guides', order: 'descend' }))).toEqual(['SH001', 'SH002', 'BJ001']);
    expect(codes(sortRows(rows, columns, { key: 'salesFen', order: 'descend' }))).toEqual(['SH002', 'BJ001', 'SH001']);
    expect(codes(sortRows(rows, columns, null))).toEqual(codes(rows));
    expect(codes(sortRows(rows, columns, { key: 'name', order: 'ascend' }))).toEqual(codes(rows));
  });

  it('copies the header and the rows of every column but the row actions', () => {
    const lines = viewLines(columns, rows.slice(0, 2));
    expect(lines[0]).toEqual(['门店编码', '门店名称', '净销售额', '线上占比', '在职导购', '开业日期', '标签']);
    expect(lines[1]).toEqual(['SH002', '上海\t徐汇店', '12345.67', '12.5%', '8', '2024-03-01', 'SH002/8']);
    expect(lines[2]).toEqual(['SH001', '上海 "静安" 店', '', '', '12', '', 'SH001/12']);
    expect(toTsv(lines).split('\r\n')[1]).toBe('SH002\t"上海\t徐汇店"\t12345.67\t12.5%\t8\t2024-03-01\tSH002/8');
  });

  it('names the file after the page and the week, without characters a file system refuses', () => {
    expect(exportFileName('门店', '2026-W47')).toBe('门店_2026-W47.xlsx');
    expect(exportFileName('周复盘 门店/导购', '2026-11-23')).toBe('周复盘_门店_导购_2026-11-23.xlsx');
  });
});

describe('the exported workbook', () => {
  it('reads back with the header, the rows in order and typed, formatted numbers', () => {
    const bytes = workbookBytes(workbookOf('门店', viewCells(columns, rows)));
    // cellNF and cellStyles keep number formats and column widths, to see that they were written.
    const book = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true });
    expect(book.SheetNames).toEqual(['门店']);
    const sheet = book.Sheets['门店']!;
    const grid = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
    expect(grid).toHaveLength(rows.length + 1);
    expect(grid[0]).toEqual(['门店编码', '门店名称', '净销售额', '线上占比', '在职导购', '开业日期', '标签']);
    expect(grid.slice(1).map((line) => line[0])).toEqual(rows.map((row) => row.code));
    expect(grid[1]?.[1]).toBe('上海\t徐汇店');
    expect(grid[3]?.[1]).toBe('北京\n朝阳店');

    expect(sheet['C2']).toMatchObject({ t: 'n', v: 12345.67, z: numberFormats.moneyFen });
    expect(sheet['C4']).toMatchObject({ t: 'n', v: -5.5 });
    expect(sheet['C3']).toBeUndefined();
    expect(sheet['D2']).toMatchObject({ t: 'n', v: 0.125, z: numberFormats.ratio });
    expect(sheet['E2']).toMatchObject({ t: 'n', v: 8 });
    expect(sheet['F4']).toMatchObject({ t: 'n', v: 46023 });
    expect(sheet['F4']?.w).toBe('2026-01-01');
    expect(sheet['!cols']).toHaveLength(7);
  });

  it('keeps a sheet name Excel accepts', () => {
    const book = workbookOf('周复盘 [门店]: 2026/W47 and a long tail of words', [[{ t: 's', v: 'x' }]]);
    expect(book.SheetNames[0]).toHaveLength(31);
    expect(book.SheetNames[0]).not.toMatch(/[[\]:*?/\\]/);
  });
});
