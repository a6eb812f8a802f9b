import * as XLSX from 'xlsx';
import { importTemplates, type ImportKind } from '../../shared/imports/import-kinds';
import { describeRowErrorWithColumn } from '../../shared/imports/import-messages';
import type { ImportReport } from '../../shared/imports/import-schema';
import type { Locale } from '../../shared/preferences/preferences-schema';
import { translate } from '../../shared/i18n/translate';
import type { WorkbookContents } from './read-workbook';

const examples: Record<ImportKind, (string | number)[]> = {
  roster: [
    '010001',
    '王芳',
    'SH001',
    '上海静安嘉里店',
    '导购',
    '2024-03-01',
    '13800138000',
    'WangFang',
    '在职',
    '',
    '上海区',
  ],
  'wecom-contacts': [
    '王芳',
    '品牌/华东区/上海静安嘉里店',
    'WangFang',
    '010001',
    12,
    10,
    35,
    120,
    '85.71%',
    '12分钟',
    1,
  ],
  'wecom-groups': ['2026-11-18', '王芳', '品牌/华东区/上海静安嘉里店', 'WangFang', '010001', 3, 856, 12, 2, 140, 37],
  sales: ['2026-11-18', '010001', '王芳', 'WangFang', 'SH001', '上海静安嘉里店', '门店', 5, 1234.5, 0, 2],
  daily: ['2026-11-18', '010001', '王芳', 'WangFang', 'SH001', '上海静安嘉里店', 3, 5, 8, 0],
};

function toBase64(workbook: XLSX.WorkBook): string {
  return (XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

/** A template workbook for a kind: the headers PilotDesk expects (first synonym) and one example row. */
export function templateWorkbook(kind: ImportKind): { fileName: string; contentBase64: string } {
  const template = importTemplates[kind];
  const headers = template.fields.map((field) => field.synonyms[0] ?? field.field);
  const sheet = XLSX.utils.aoa_to_sheet([headers, examples[kind]]);
  // Codes and staff numbers stay text in Excel, so leading zeros survive a round trip.
  sheet['!cols'] = headers.map((header) => ({ wch: Math.max(10, header.length * 2 + 2) }));
  const workbook = XLSX.utils.book_new();
  // The headers are the Chinese ones exports carry, so the template is named in Chinese too.
  const title = translate('zh-CN', `kind.${template.kind}`);
  XLSX.utils.book_append_sheet(workbook, sheet, title.slice(0, 31));
  return { fileName: translate('zh-CN', 'imports.templateFileName', { title }), contentBase64: toBase64(workbook) };
}

/**
 * The rejected rows of an import as they were, plus a 错误原因 column, so they can be fixed in
 * Excel or WPS and imported again on their own. The reasons are written in the user's language
 * (Chinese by default): this workbook is an edge, like the renderer.
 */
export function rejectedRowsWorkbook(
  contents: WorkbookContents,
  report: ImportReport,
  locale: Locale = 'zh-CN',
): { fileName: string; contentBase64: string } {
  const grid = contents.sheets.find((sheet) => sheet.sheetName === report.sheet);
  const reasons = new Map<number, string[]>();
  for (const error of report.errors) {
    const list = reasons.get(error.row) ?? [];
    list.push(describeRowErrorWithColumn(locale, error));
    reasons.set(error.row, list);
  }
  const rows: (string | number | null)[][] = [];
  if (grid) {
    const headerIndex = report.headerRow - grid.firstRowNumber;
    rows.push([...(grid.rows[headerIndex] ?? []), '错误原因']);
    for (const [rowNumber, list] of [...reasons.entries()].sort((a, b) => a[0] - b[0])) {
      const cells = grid.rows[rowNumber - grid.firstRowNumber];
      if (!cells || rowNumber === report.headerRow) continue;
      const width = rows[0]!.length - 1;
      rows.push([...Array.from({ length: width }, (_, column) => cells[column] ?? null), list.join('；')]);
    }
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // Written as text so 工号 like 007 come back unchanged.
  for (const address of Object.keys(sheet)) {
    const cell = sheet[address] as XLSX.CellObject | undefined;
    if (!address.startsWith('!') && cell?.t === 's') cell.z = '@';
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '未导入的行');
  const base = report.file.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-未导入的行.xlsx`, contentBase64: toBase64(workbook) };
}
