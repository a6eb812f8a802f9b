import * as XLSX from 'xlsx';

/**
 * Spreadsheet files made in code, for unit tests, e2e tests and benchmarks: the exports pilot
 * stores really send (a WeCom statistics export, a POS sales export), so the import engine is
 * tested against their titles, merged cells, totals and notes rather than tidy tables.
 */

export type BookType = 'xlsx' | 'xls' | 'ods';

export interface SheetSpec {
  name: string;
  /** Cell values: strings, numbers, booleans, null/undefined for empty, or SheetJS cell objects ({ t, v, z }). */
  rows: unknown[][];
  /** Merged ranges such as 'A1:I1'. */
  merges?: string[];
  /** Number formats by cell or range, e.g. { 'D2:D9': '000000', A5: 'yyyy-mm-dd' }. */
  cellFormats?: Record<string, string>;
  /** Hidden sheets still come through an import; exports sometimes keep lookup tables in one. */
  hidden?: boolean;
}

/** The Excel serial number of a calendar date (and optional time of day), computed in UTC so no time zone enters. */
export function excelSerial(isoDate: string, time = '00:00:00'): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const [hours, minutes, seconds] = time.split(':').map(Number) as [number, number, number];
  const days = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
  return days + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** A real Excel date cell: the serial number with a date format, as Excel stores a typed-in date. */
export function dateCell(isoDate: string, format = 'yyyy-mm-dd', time?: string): XLSX.CellObject {
  return { t: 'n', v: excelSerial(isoDate, time), z: format };
}

/** A text cell, so digits such as 工号 "007" are stored as text and keep their leading zeros. */
export function textCell(value: string): XLSX.CellObject {
  return { t: 's', v: value };
}

function cellAt(sheet: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  const rows = sheet['!data'] as XLSX.CellObject[][] | undefined;
  return rows ? rows[r]?.[c] : (sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined);
}

/** SheetJS's ODS writer only knows '/' and ':' as bare separators in dates; other literals must be quoted. */
const odsDateFormat = (format: string) =>
  format.replace(/(?<=[ymd])-(?=[ymd])/g, '/').replace(/(?<=[ymd]) (?=[hms])/g, '" "');

function buildSheet(spec: SheetSpec, bookType: BookType): XLSX.WorkSheet {
  // aoa_to_sheet adopts cell objects as they are; copies keep the formats set below (and
  // whatever the writer adds) out of rows a test may reuse.
  const rows = spec.rows.map((row) =>
    row.map((value) => (value && typeof value === 'object' && !(value instanceof Date) ? { ...value } : value)),
  );
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  for (const [address, format] of Object.entries(spec.cellFormats ?? {})) {
    const range = XLSX.utils.decode_range(address);
    for (let r = range.s.r; r <= range.e.r; r += 1) {
      for (let c = range.s.c; c <= range.e.c; c += 1) {
        const cell = cellAt(sheet, r, c);
        if (cell) cell.z = format;
      }
    }
  }
  if (bookType === 'ods') {
    for (const row of (sheet['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]) {
      for (const cell of row ?? []) if (cell && typeof cell.z === 'string') cell.z = odsDateFormat(cell.z);
    }
  }
  if (spec.merges?.length) sheet['!merges'] = spec.merges.map((range) => XLSX.utils.decode_range(range));
  return sheet;
}

/** A workbook file from rows, one sheet per spec, via SheetJS's aoa_to_sheet + write. */
export function xlsxFromRows(sheets: SheetSpec[], bookType: BookType = 'xlsx'): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const spec of sheets) XLSX.utils.book_append_sheet(workbook, buildSheet(spec, bookType), spec.name);
  if (sheets.some((spec) => spec.hidden)) {
    workbook.Workbook = {
      ...workbook.Workbook,
      Sheets: sheets.map((spec) => ({ name: spec.name, Hidden: spec.hidden ? 1 : 0 })),
    };
  }
  return XLSX.write(workbook, { type: 'buffer', bookType, compression: true }) as Buffer;
}

interface ZipContainer {
  FullPaths: string[];
}
interface ZipEntry {
  content: Uint8Array;
  size: number;
}
interface CfbApi {
  read(data: Uint8Array, options: { type: 'buffer' }): ZipContainer;
  find(container: ZipContainer, path: string): ZipEntry | null;
  write(container: ZipContainer, options: { fileType: 'zip'; type: 'buffer'; compression: boolean }): Buffer;
}

/**
 * A copy of a zipped workbook (xlsx, ods) with one part rewritten, for files no spreadsheet
 * program would write: a sheet claiming a million rows, a row "repeated" a billion times.
 */
export function rewriteZipEntry(bytes: Uint8Array, path: string, rewrite: (text: string) => string): Buffer {
  const cfb = XLSX.CFB as CfbApi;
  const zip = cfb.read(bytes, { type: 'buffer' });
  const entry = cfb.find(zip, `/${path}`);
  if (!entry) throw new Error(`no ${path} in the archive`);
  entry.content = Buffer.from(rewrite(Buffer.from(entry.content).toString('utf8')), 'utf8');
  entry.size = entry.content.length;
  return cfb.write(zip, { fileType: 'zip', type: 'buffer', compression: true });
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

let gbkTable: Map<number, number> | undefined;

/**
 * Node can decode GBK but not encode it; a reverse table over the double-byte range, built
 * once by decoding every lead/trail pair with the GB18030 decoder, covers what a Chinese
 * Excel writes when it saves "CSV (逗号分隔)".
 */
function gbkEncoder(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      const code = char.codePointAt(0)!;
      if (char.length === 1 && code !== 0xfffd && !table.has(code)) table.set(code, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

/** Encodes text as GBK; throws on a character GBK lacks, since test data should never need one. */
export function encodeGbk(text: string): Buffer {
  const table = gbkEncoder();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(code);
    if (pair === undefined) throw new Error(`GBK cannot encode ${JSON.stringify(char)}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Buffer.from(bytes);
}

/** CSV bytes as Chinese office software saves them: UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"), or GBK. */
export function csvBytes(rows: unknown[][], encoding: 'utf-8' | 'utf-8-bom' | 'gbk'): Buffer {
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return encodeGbk(text);
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

/** Excel's "Unicode 文本" export: UTF-16LE with a BOM, tab-separated. */
export function unicodeTextBytes(rows: unknown[][]): Buffer {
  const text = rows
    .map((row) => row.map((value) => (value === null || value === undefined ? '' : String(value))).join('\t'))
    .join('\r\n');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\r\n`, 'utf16le')]);
}

export interface WecomMember {
  name: string;
  department: string;
  /** 发起申请数 */
  requests?: number;
  /** 新增客户数 */
  newContacts: number;
  /** 聊天总数 */
  chats?: number;
  /** 发送消息数 */
  messages?: number;
  /** 已回复聊天占比, 0–1; written as text such as "85.71%", as WeCom does. */
  replyRatio?: number;
  /** 平均首次回复时长 in minutes; written as text such as "12分钟". */
  firstReplyMinutes?: number;
  /** 删除/拉黑成员的客户数 */
  lostContacts: number;
}

export const wecomContactHeaders = [
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

/**
 * The 联系客户统计 export of the WeCom admin console: a merged title, the period line, a blank
 * row, the header, one row per member, a 合计 row and a note naming who made the table.
 */
export function wecomContactExport(options: {
  period: { from: string; to: string };
  members: WecomMember[];
  preparedBy?: string;
  bookType?: BookType;
}): Buffer {
  const memberRows = options.members.map((member) => {
    const chats = member.chats ?? member.newContacts * 3;
    return [
      member.name,
      member.department,
      member.requests ?? member.newContacts + 2,
      member.newContacts,
      chats,
      member.messages ?? chats * 4,
      `${((member.replyRatio ?? 0.8571) * 100).toFixed(2)}%`,
      `${member.firstReplyMinutes ?? 12}分钟`,
      member.lostContacts,
    ];
  });
  const total = (column: number) => memberRows.reduce((sum, row) => sum + (row[column] as number), 0);
  const width = wecomContactHeaders.length;
  const lastColumn = XLSX.utils.encode_col(width - 1);
  const totalRow = 5 + memberRows.length;
  return xlsxFromRows(
    [
      {
        name: '联系客户统计',
        rows: [
          ['联系客户统计'],
          [`统计时间：${options.period.from} 至 ${options.period.to}`],
          [],
          wecomContactHeaders,
          ...memberRows,
          ['合计', '', total(2), total(3), total(4), total(5), '', '', total(8)],
          [`制表人：${options.preparedBy ?? '企业微信管理后台'}`],
        ],
        merges: [`A1:${lastColumn}1`, `A2:${lastColumn}2`, `A${totalRow + 1}:${lastColumn}${totalRow + 1}`],
      },
    ],
    options.bookType,
  );
}

export interface SalesRow {
  date: string;
  storeCode: string;
  storeName: string;
  staffNo: string;
  guideName: string;
  channel: string;
  orders: number;
  /** A number, or text as some POS systems write it ("1,234.50"). */
  grossSales: string | number;
  refunds?: string | number;
  newMembers?: number;
}

export const salesHeaders = [
  '日期',
  '门店编码',
  '门店名称',
  '导购工号',
  '导购姓名',
  '渠道',
  '订单数',
  '成交金额',
  '退款金额',
  '新增会员数',
];

const amount = (value: string | number | undefined): number =>
  value === undefined ? 0 : typeof value === 'number' ? value : Number(value.replace(/,/g, '')) || 0;

function salesRows(rows: SalesRow[], dateAsSerial: boolean): unknown[][] {
  return rows.map((row) => [
    dateAsSerial ? dateCell(row.date) : row.date,
    row.storeCode,
    row.storeName,
    textCell(row.staffNo),
    row.guideName,
    row.channel,
    row.orders,
    row.grossSales,
    row.refunds,
    row.newMembers,
  ]);
}

/**
 * A POS sales export: a title row, the header, one row per guide × day × channel (dates as real
 * date cells when `dateAsSerial`, staff numbers as text so leading zeros survive) and a 合计 row.
 */
export function salesExport(options: {
  rows: SalesRow[];
  dateAsSerial?: boolean;
  title?: string;
  bookType?: BookType;
}): Buffer {
  const { rows } = options;
  const totalOrders = rows.reduce((sum, row) => sum + row.orders, 0);
  const totalSales = Math.round(rows.reduce((sum, row) => sum + amount(row.grossSales), 0) * 100) / 100;
  const totalRefunds = Math.round(rows.reduce((sum, row) => sum + amount(row.refunds), 0) * 100) / 100;
  const totalMembers = rows.reduce((sum, row) => sum + (row.newMembers ?? 0), 0);
  return xlsxFromRows(
    [
      {
        name: '销售明细',
        rows: [
          [options.title ?? '门店销售明细报表'],
          salesHeaders,
          ...salesRows(rows, options.dateAsSerial ?? false),
          ['合计', '', '', '', '', '', totalOrders, totalSales, totalRefunds, totalMembers],
        ],
        merges: ['A1:J1'],
      },
    ],
    options.bookType,
  );
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const givenNames = ['芳', '伟', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军'];
const channels = ['门店', '企微', '小程序'];

/** The sales rows of a large, deterministic export (no randomness: the same count gives the same file). */
export function largeSalesRows(rowCount: number): SalesRow[] {
  const rows: SalesRow[] = [];
  const start = excelSerial('2026-11-16');
  for (let i = 0; i < rowCount; i += 1) {
    const store = (i % 300) + 1;
    const guide = i % 10_000;
    const serial = start + (Math.floor(i / 10_000) % 7);
    const date = XLSX.SSF.format('yyyy-mm-dd', serial) as string;
    rows.push({
      date,
      storeCode: `SH${String(store).padStart(3, '0')}`,
      storeName: `上海${store}号店`,
      staffNo: String((guide * 7919) % 1_000_000).padStart(6, '0'),
      guideName: `${surnames[guide % surnames.length]}${givenNames[(guide >> 3) % givenNames.length]}${guide % 7 === 0 ? givenNames[guide % givenNames.length] : ''}`,
      channel: channels[i % channels.length]!,
      orders: (i * 31) % 17,
      grossSales: Math.round(((i * 7919) % 1_000_000) / 7) / 100,
      refunds: i % 9 === 0 ? Math.round(((i * 13) % 50_000) / 3) / 100 : 0,
      newMembers: i % 4,
    });
  }
  return rows;
}

/** A POS export of `rowCount` rows for the 100,000-row benchmark: store codes SH001…, 6-digit staff numbers with leading zeros. */
export function largeSalesExport(rowCount: number): Buffer {
  return salesExport({ rows: largeSalesRows(rowCount), dateAsSerial: true, title: `门店销售明细（${rowCount} 行）` });
}
