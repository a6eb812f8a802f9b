import { csvBytes, dateCell, salesHeaders, textCell, xlsxFromRows } from '../../../support/spreadsheets';
import type { SpreadsheetFile } from './import-harness';

/**
 * The files trainers send, written by the tests: a POS sales export with its title, total and
 * signature rows, a WeCom contact statistics export with or without its period line, a roster.
 */

/** The POS export's headers, as the shared spreadsheet helpers write them. */
export const salesHeader = salesHeaders;

/** One sales row as a POS writes it; `date` may be an Excel date cell or text in any form. */
export interface PosRow {
  date: unknown;
  storeCode?: string;
  storeName?: string;
  staffNo?: string;
  guideName?: string;
  channel?: string;
  orders?: number | string;
  grossSales: number | string;
  refunds?: number | string;
  newMembers?: number | string;
}

export function posCells(row: PosRow): unknown[] {
  return [
    row.date,
    row.storeCode ?? null,
    row.storeName ?? null,
    row.staffNo === undefined ? null : textCell(row.staffNo),
    row.guideName ?? null,
    row.channel ?? null,
    row.orders ?? null,
    row.grossSales,
    row.refunds ?? null,
    row.newMembers ?? null,
  ];
}

/**
 * A POS export: a merged title (row 1), an export-time line (row 2), the header (row 3), the rows,
 * then a 合计 row and a 制表人 line. `cells` rows are written as given (for blank rows and oddities).
 */
export function posExport(
  rows: (PosRow | unknown[])[],
  options: { header?: string[]; sheet?: string } = {},
): Uint8Array {
  const body = rows.map((row) => (Array.isArray(row) ? row : posCells(row)));
  return xlsxFromRows([
    {
      name: options.sheet ?? '销售明细',
      rows: [
        ['门店销售明细报表'],
        ['导出时间：2026-11-23 09:12'],
        options.header ?? salesHeader,
        ...body,
        ['合计', null, null, null, null, null, 99, 99999.99, 0, 9],
        [],
        ['制表人：李娜（营运部）'],
      ],
      merges: ['A1:J1'],
    },
  ]);
}

/** The same sales rows as a CSV, with dates as text (CSV has no date cells). */
export function posCsv(rows: PosRow[], encoding: 'utf-8' | 'utf-8-bom' | 'gbk'): Uint8Array {
  const text = (value: unknown) => (value === undefined ? null : value);
  return csvBytes(
    [
      salesHeader,
      ...rows.map((row) => [
        text(row.date),
        text(row.storeCode),
        text(row.storeName),
        text(row.staffNo),
        text(row.guideName),
        text(row.channel),
        text(row.orders),
        row.grossSales,
        text(row.refunds),
        text(row.newMembers),
      ]),
      ['合计', '', '', '', '', '', '', '', '', ''],
    ],
    encoding,
  );
}

export const contactHeader = [
  '成员',
  '所在部门',
  '发起申请数',
  '新增客户数',
  '聊天总数',
  '发送消息数',
  '已回复聊天占比',
  '平均首次回复时长',
  '删除/拉黑成员的客户数',
];

/** A WeCom 联系客户统计 sheet; with `period` it carries the title and 统计时间 lines WeCom writes above the header. */
export function contactExport(
  rows: unknown[][],
  options: { period?: { from: string; to: string }; header?: string[] } = {},
): Uint8Array {
  const above = options.period
    ? [['联系客户统计'], [`统计时间：${options.period.from} 至 ${options.period.to}`], []]
    : [];
  return xlsxFromRows([{ name: '联系客户统计', rows: [...above, options.header ?? contactHeader, ...rows] }]);
}

export const rosterHeader = [
  '工号',
  '姓名',
  '门店编码',
  '门店名称',
  '岗位',
  '入职日期',
  '手机号',
  '企业微信账号',
  '在职状态',
];

export function rosterExport(rows: unknown[][], header: string[] = rosterHeader): Uint8Array {
  return xlsxFromRows([{ name: '花名册', rows: [['导购花名册（2026年11月）'], header, ...rows], merges: ['A1:I1'] }]);
}

export function file(name: string, bytes: Uint8Array): SpreadsheetFile {
  return { name, bytes };
}

export { dateCell, textCell };
