import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SeededRandom } from '../../../src/core/demo/random';
import { PilotDeskError } from '../../../src/shared/api/result';
import {
  defaultReadLimits,
  readWorkbook,
  type ReadLimits,
  type WorkbookContents,
} from '../../../src/core/imports/read-workbook';
import { readWorkbookInWorker } from '../../../src/core/imports/parse-in-worker';
import {
  csvBytes,
  dateCell,
  encodeGbk,
  largeSalesExport,
  rewriteZipEntry,
  salesExport,
  textCell,
  unicodeTextBytes,
  wecomContactExport,
  xlsxFromRows,
  type BookType,
} from '../../support/spreadsheets';
import { tempDir } from '../helpers/temp-dir';
import { describeError } from '../../../src/shared/i18n/translate';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bookTypes: BookType[] = ['xlsx', 'xls', 'ods'];

/** Runs `read` and returns the refusal it must throw. */
function refusal(read: () => unknown): PilotDeskError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(PilotDeskError);
    expect((error as PilotDeskError).code).toBe('VALIDATION');
    return error as PilotDeskError;
  }
  throw new Error('expected the file to be refused');
}

const reasonOf = (error: PilotDeskError) => (error.details as { reason: string }).reason;

function rowsOf(contents: WorkbookContents, sheet = 0) {
  return contents.sheets[sheet]!.rows;
}

/** A small deterministic generator, so fuzzed and random bytes are the same on every run. */
function random(seed: number): () => number {
  const generator = new SeededRandom(seed);
  return () => generator.next();
}

/** Sets the uncompressed size an archive declares for entries (all, or one by name), in both headers. */
function declareSizes(bytes: Buffer, size: number, only?: string): Buffer {
  const out = Buffer.from(bytes);
  for (let at = out.indexOf('PK\x01\x02'); at >= 0; at = out.indexOf('PK\x01\x02', at + 4)) {
    const name = out.toString('latin1', at + 46, at + 46 + out.readUInt16LE(at + 28));
    if (only && name !== only) continue;
    out.writeUInt32LE(size, at + 24);
    out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
  }
  return out;
}

const sampleRows: unknown[][] = [
  ['工号', '姓名', '门店', '成交金额', '订单数', '在职', '备注'],
  [textCell('007'), '王芳', 'SH001', 1234.5, 3, true, ' 前后有空格 '],
  [textCell('110101199001011234'), '李伟', 'SH002', '1,234.50', 0, false, null],
  [textCell('13800138000'), '张敏', null, -12.25, 7],
];

describe('readWorkbook: workbooks', () => {
  it.each(bookTypes)('reads %s values as the import rules expect them', (bookType) => {
    const contents = readWorkbook(xlsxFromRows([{ name: '导购', rows: sampleRows }], bookType), `roster.${bookType}`);
    expect(contents.format).toBe(bookType);
    expect(contents.encoding).toBeUndefined();
    expect(contents.sheets).toHaveLength(1);
    expect(contents.sheets[0]!.sheetName).toBe('导购');
    expect(contents.sheets[0]!.firstRowNumber).toBe(1);
    expect(rowsOf(contents)).toEqual([
      ['工号', '姓名', '门店', '成交金额', '订单数', '在职', '备注'],
      ['007', '王芳', 'SH001', 1234.5, 3, 'TRUE', ' 前后有空格 '],
      // Trailing empty cells are trimmed; "1,234.50" stays text for the rules to coerce.
      ['110101199001011234', '李伟', 'SH002', '1,234.50', 0, 'FALSE'],
      ['13800138000', '张敏', null, -12.25, 7],
    ]);
  });

  it.each(bookTypes)('keeps every sheet of a %s file in order, hidden ones included', (bookType) => {
    const bytes = xlsxFromRows(
      [
        { name: '说明', rows: [['本表由系统导出']] },
        {
          name: '对照表',
          rows: [
            ['代码', '名称'],
            ['SH001', '上海'],
          ],
          hidden: true,
        },
        { name: '数据', rows: [['日期'], ['2026-11-16']] },
      ],
      bookType,
    );
    const contents = readWorkbook(bytes, `book.${bookType}`);
    expect(contents.sheets.map((sheet) => sheet.sheetName)).toEqual(['说明', '对照表', '数据']);
    expect(rowsOf(contents, 1)).toEqual([
      ['代码', '名称'],
      ['SH001', '上海'],
    ]);
  });

  it.each(bookTypes)('turns %s date cells into YYYY-MM-DD text, exact at both ends of the day', (bookType) => {
    const bytes = xlsxFromRows(
      [
        {
          name: 'S',
          rows: [
            [dateCell('2026-11-16', 'yyyy-mm-dd', '00:00:00'), dateCell('2026-11-16', 'yyyy-mm-dd', '23:59:59')],
            [dateCell('2026-12-31', 'yyyy/m/d', '23:59:00'), dateCell('2027-01-01', 'yyyy/m/d', '00:00:01')],
            [dateCell('2024-02-29', 'yyyy-mm-dd hh:mm', '12:30:00'), dateCell('1900-03-01')],
          ],
        },
      ],
      bookType,
    );
    expect(rowsOf(readWorkbook(bytes, `dates.${bookType}`))).toEqual([
      ['2026-11-16', '2026-11-16'],
      ['2026-12-31', '2027-01-01'],
      ['2024-02-29', '1900-03-01'],
    ]);
  });

  it('reads Chinese date formats and the 1904 date system without shifting a day', () => {
    const chinese = xlsxFromRows([{ name: 'S', rows: [[dateCell('2026-11-16', 'yyyy"年"m"月"d"日"')]] }]);
    expect(rowsOf(readWorkbook(chinese, 'cn.xlsx'))).toEqual([['2026-11-16']]);

    // A Mac workbook counts days from 1904: the same serial is a date 1,462 days later.
    for (const bookType of ['xlsx', 'xls'] as const) {
      const cell = dateCell('2026-11-16');
      const sheet = XLSX.utils.aoa_to_sheet([[{ ...cell, v: (cell.v as number) - 1462 }]]);
      const workbook = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(workbook, sheet, 'S');
      workbook.Workbook = { ...workbook.Workbook, WBProps: { date1904: true } };
      const bytes = XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
      expect(rowsOf(readWorkbook(bytes, `mac.${bookType}`))).toEqual([['2026-11-16']]);
    }
  });

  it.each(['xlsx', 'xls'] as const)(
    'shows %s times of day and durations as Excel displays them, not as dates',
    (bookType) => {
      const bytes = xlsxFromRows(
        [
          {
            name: 'S',
            rows: [
              [
                { t: 'n', v: 0.5, z: 'h:mm' },
                { t: 'n', v: 1.5, z: '[h]:mm' },
                { t: 'n', v: 0.25, z: 'mm:ss' },
              ],
            ],
          },
        ],
        bookType,
      );
      expect(rowsOf(readWorkbook(bytes, `times.${bookType}`))).toEqual([['12:00', '36:00', '00:00']]);
    },
  );

  it('gives the same dates whatever the time zone of the machine reading the file', () => {
    const dir = tempDir();
    const rows = [[dateCell('2026-11-16', 'yyyy-mm-dd', '00:00:00'), dateCell('2026-11-22', 'yyyy-mm-dd', '23:59:59')]];
    for (const bookType of bookTypes)
      writeFileSync(join(dir, `dates.${bookType}`), xlsxFromRows([{ name: 'S', rows }], bookType));
    // TZ only takes effect at process start, so each zone reads the files in its own process.
    const script = `
      import { readFileSync } from 'node:fs';
      import { readWorkbook } from ${JSON.stringify(join(root, 'src/core/imports/read-workbook.ts'))};
      const out = ['xlsx', 'xls', 'ods'].map((type) => readWorkbook(readFileSync(${JSON.stringify(dir)} + '/dates.' + type), 'dates.' + type).sheets[0].rows);
      process.stdout.write(JSON.stringify({ offset: new Date(2026, 10, 16).getTimezoneOffset(), out }));`;
    const results = ['Asia/Shanghai', 'America/Los_Angeles'].map((zone) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { offset: number; out: unknown[] };
    });
    expect(results.map((result) => result.offset)).toEqual([-480, 480]);
    for (const result of results) expect(result.out).toEqual([0, 1, 2].map(() => [['2026-11-16', '2026-11-22']]));
  });

  it.each(['xlsx', 'xls'] as const)(
    'keeps leading zeros of staff numbers in %s, as text and as "000000"-formatted numbers',
    (bookType) => {
      const bytes = xlsxFromRows(
        [
          {
            name: 'S',
            rows: [
              ['导购工号', '件数'],
              [textCell('000123'), 5],
              [123, 5],
              [45, 7],
            ],
            cellFormats: { 'A3:A4': '000000', B4: '0.00' },
          },
        ],
        bookType,
      );
      // A plain number with a decimal format stays a number: only zero-padded display text wins.
      expect(rowsOf(readWorkbook(bytes, `staff.${bookType}`))).toEqual([
        ['导购工号', '件数'],
        ['000123', 5],
        ['000123', 5],
        ['000045', 7],
      ]);
    },
  );

  it('numbers rows as Excel does when a sheet starts with blank rows, and keeps blank rows inside', () => {
    const bytes = xlsxFromRows([
      {
        name: 'S',
        rows: [
          [],
          [],
          [null, '门店销售日报'],
          [],
          ['日期', '门店'],
          ['2026-11-16', 'SH001'],
          [],
          ['2026-11-17', 'SH002'],
          [],
          [],
        ],
      },
    ]);
    const grid = readWorkbook(bytes, 'daily.xlsx').sheets[0]!;
    expect(grid.firstRowNumber).toBe(3);
    expect(grid.rows).toEqual([
      [null, '门店销售日报'],
      [],
      ['日期', '门店'],
      ['2026-11-16', 'SH001'],
      [],
      ['2026-11-17', 'SH002'],
    ]);
    // Row i of the grid is what Excel shows as row firstRowNumber + i.
    expect(grid.rows.findIndex((row) => row[1] === 'SH002') + grid.firstRowNumber).toBe(8);
  });

  it('reads a WeCom 联系客户统计 export: merged title, period line, header at row 4, total and note', () => {
    const bytes = wecomContactExport({
      period: { from: '2026-11-16', to: '2026-11-22' },
      members: [
        {
          name: '王芳',
          department: '品牌/华东区/上海静安嘉里店',
          newContacts: 12,
          lostContacts: 1,
          replyRatio: 0.8571,
          firstReplyMinutes: 12,
        },
        { name: '李伟', department: '品牌/华东区/上海静安嘉里店', newContacts: 3, lostContacts: 0 },
      ],
      preparedBy: '店长 王芳',
    });
    const grid = readWorkbook(bytes, '联系客户统计.xlsx').sheets[0]!;
    expect(grid.firstRowNumber).toBe(1);
    // The merged title keeps its value in the top-left cell only.
    expect(grid.rows[0]).toEqual(['联系客户统计']);
    expect(grid.rows[1]).toEqual(['统计时间：2026-11-16 至 2026-11-22']);
    expect(grid.rows[2]).toEqual([]);
    expect(grid.rows[3]).toEqual([
      '成员',
      '所在部门',
      '发起申请数',
      '新增客户数',
      '聊天总数',
      '发送消息数',
      '已回复聊天占比',
      '平均首次回复时长',
      '删除/拉黑成员的客户数',
    ]);
    expect(grid.rows[4]).toEqual(['王芳', '品牌/华东区/上海静安嘉里店', 14, 12, 36, 144, '85.71%', '12分钟', 1]);
    expect(grid.rows[6]).toEqual(['合计', null, 19, 15, 45, 180, null, null, 1]);
    expect(grid.rows[7]).toEqual(['制表人：店长 王芳']);
    expect(grid.rows).toHaveLength(8);
  });

  it('reads a POS sales export with real date cells, text staff numbers and text amounts', () => {
    const bytes = salesExport({
      rows: [
        {
          date: '2026-11-16',
          storeCode: 'SH001',
          storeName: '上海静安嘉里店',
          staffNo: '010001',
          guideName: '王芳',
          channel: '门店',
          orders: 5,
          grossSales: '1,234.50',
          refunds: 0,
          newMembers: 2,
        },
        {
          date: '2026-11-17',
          storeCode: 'SH001',
          storeName: '上海静安嘉里店',
          staffNo: '010002',
          guideName: '李伟',
          channel: '企微',
          orders: 1,
          grossSales: 88,
        },
      ],
      dateAsSerial: true,
      title: '销售明细（2026-11-16 至 2026-11-22）',
    });
    const rows = rowsOf(readWorkbook(bytes, 'sales.xlsx'));
    expect(rows[0]).toEqual(['销售明细（2026-11-16 至 2026-11-22）']);
    expect(rows[2]).toEqual(['2026-11-16', 'SH001', '上海静安嘉里店', '010001', '王芳', '门店', 5, '1,234.50', 0, 2]);
    expect(rows[3]).toEqual(['2026-11-17', 'SH001', '上海静安嘉里店', '010002', '李伟', '企微', 1, 88]);
    expect(rows[4]).toEqual(['合计', null, null, null, null, null, 6, 1322.5, 0, 2]);
  });

  it('uses cached formula results and turns error cells into null', () => {
    const bytes = xlsxFromRows([
      {
        name: 'S',
        rows: [[1, 2, { t: 'n', v: 3, f: 'A1+B1' }, { t: 'e', v: 0x2a }, { t: 's', v: '好', f: 'T("好")' }]],
      },
    ]);
    expect(rowsOf(readWorkbook(bytes, 'f.xlsx'))).toEqual([[1, 2, 3, null, '好']]);
  });

  it('reads a sheet whose range claims 1,048,576 rows but holds three, quickly', () => {
    const claimed = rewriteZipEntry(
      xlsxFromRows([{ name: 'S', rows: [['a'], ['b'], ['c']] }]),
      'xl/worksheets/sheet1.xml',
      (xml) =>
        xml
          .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z1048576"/>')
          .replace('</sheetData>', '<row r="1048576"/></sheetData>'),
    );
    const started = performance.now();
    const contents = readWorkbook(claimed, 'claimed.xlsx');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rowsOf(contents)).toEqual([['a'], ['b'], ['c']]);
  });

  it('reads 20,000 rows of a generated POS export', () => {
    const contents = readWorkbook(largeSalesExport(20_000), 'large.xlsx');
    const rows = rowsOf(contents);
    expect(rows).toHaveLength(20_003);
    expect(rows[1]![0]).toBe('日期');
    expect(rows[2]).toEqual(['2026-11-16', 'SH001', '上海1号店', '000000', '王芳芳', '门店', 0, 0, 0, 0]);
    expect(rows[3]!.slice(0, 4)).toEqual(['2026-11-16', 'SH002', '上海2号店', '007919']);
    expect(rows[20_002]![0]).toBe('合计');
  });
});

describe('readWorkbook: CSV and text', () => {
  const rows = [
    ['工号', '姓名', '手机号', '身份证号', '成交金额'],
    ['007', '王芳', '13800138000', '110101199001011234', '1,234.50'],
    ['000123', '李伟', '', '', '88'],
  ];
  const expected = [
    ['工号', '姓名', '手机号', '身份证号', '成交金额'],
    ['007', '王芳', '13800138000', '110101199001011234', '1,234.50'],
    ['000123', '李伟', null, null, '88'],
  ];

  it.each([
    ['utf-8', 'utf-8'],
    ['utf-8-bom', 'utf-8'],
    ['gbk', 'gb18030'],
  ] as const)('reads %s CSV, keeping every value as text', (encoding, reported) => {
    const contents = readWorkbook(csvBytes(rows, encoding), '导购花名册.csv');
    expect(contents.format).toBe('csv');
    expect(contents.encoding).toBe(reported);
    expect(contents.sheets).toEqual([{ sheetName: '导购花名册', rows: expected, firstRowNumber: 1 }]);
  });

  it('reads GBK bytes that are not valid UTF-8 as GB18030', () => {
    const bytes = encodeGbk('门店编码,门店名称\r\nSH001,上海静安嘉里店\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const contents = readWorkbook(bytes, 'stores.csv');
    expect(contents.encoding).toBe('gb18030');
    expect(rowsOf(contents)).toEqual([
      ['门店编码', '门店名称'],
      ['SH001', '上海静安嘉里店'],
    ]);
  });

  it('reads Excel "Unicode text" (UTF-16LE, tab-separated)', () => {
    const contents = readWorkbook(unicodeTextBytes(rows), '导出.txt');
    expect(contents.encoding).toBe('utf-16le');
    expect(rowsOf(contents)).toEqual(expected);
  });

  it('handles quoting, embedded line breaks, ="007" cells, sep= lines and blank leading lines', () => {
    const text = [
      '',
      ',,',
      '"门店","备注","工号"',
      '"SH001","含逗号, 和 ""引号""",="007"',
      '"SH002","第一行\r\n第二行",',
      '',
      'SH003,末行,"0012"',
    ].join('\r\n');
    const grid = readWorkbook(Buffer.from(text), 'notes.csv').sheets[0]!;
    expect(grid.firstRowNumber).toBe(3);
    expect(grid.rows).toEqual([
      ['门店', '备注', '工号'],
      ['SH001', '含逗号, 和 "引号"', '007'],
      ['SH002', '第一行\r\n第二行'],
      [],
      ['SH003', '末行', '0012'],
    ]);

    const semicolons = readWorkbook(Buffer.from('sep=;\n门店;金额\nSH001;1.234,50\n'), 'eu.csv').sheets[0]!;
    expect(semicolons.firstRowNumber).toBe(1);
    expect(semicolons.rows).toEqual([
      ['门店', '金额'],
      ['SH001', '1.234,50'],
    ]);

    // Tabs win over commas that only appear inside values.
    const tabs = readWorkbook(Buffer.from('门店\t金额\nSH001\t1,234.50\nSH002\t2,000.00\n'), 'tabs.txt').sheets[0]!;
    expect(tabs.rows).toEqual([
      ['门店', '金额'],
      ['SH001', '1,234.50'],
      ['SH002', '2,000.00'],
    ]);
  });

  it('refuses text under a workbook name, saying what it is', () => {
    const renamed = refusal(() => readWorkbook(Buffer.from('门店,金额\nSH001,12\n'), 'sales.xlsx'));
    expect(reasonOf(renamed)).toBe('notASpreadsheet');
    expect(describeError('zh-CN', renamed)).toContain('.csv');
    const html = refusal(() =>
      readWorkbook(Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'export.xls'),
    );
    expect(reasonOf(html)).toBe('notASpreadsheet');
    expect(describeError('zh-CN', html)).toContain('HTML');
  });
});

describe('readWorkbook: refusals', () => {
  const small: ReadLimits = { maxBytes: defaultReadLimits.maxBytes, maxCells: 1000, maxRows: 5 };

  it.each([...bookTypes, 'csv'] as const)(
    'refuses a %s sheet with more rows than allowed, counting only real content',
    (type) => {
      const make = (rows: unknown[][]) =>
        type === 'csv' ? csvBytes(rows, 'utf-8') : xlsxFromRows([{ name: 'S', rows }], type);
      const content = (count: number) => Array.from({ length: count }, (_, i) => [`行${i + 1}`, i]);
      // Five rows of content under three blank rows fit in five; six do not.
      expect(rowsOf(readWorkbook(make([[], [], [], ...content(5)]), `ok.${type}`, small))).toHaveLength(5);
      const error = refusal(() => readWorkbook(make([[], [], [], ...content(6)]), `long.${type}`, small));
      expect(reasonOf(error)).toBe('tooManyRows');
      expect(describeError('zh-CN', error)).toContain(type === 'csv' ? '「long」' : '「S」');
      expect(reasonOf(refusal(() => readWorkbook(make(content(40)), `long.${type}`, small)))).toBe('tooManyRows');
    },
  );

  it.each([...bookTypes, 'csv'] as const)('refuses a %s file with more cells than allowed', (type) => {
    const rows = Array.from({ length: 4 }, (_, r) => Array.from({ length: 5 }, (_, c) => `${r}-${c}`));
    const bytes = type === 'csv' ? csvBytes(rows, 'utf-8') : xlsxFromRows([{ name: 'S', rows }], type);
    const limits = { ...small, maxCells: 19 };
    expect(reasonOf(refusal(() => readWorkbook(bytes, `wide.${type}`, limits)))).toBe('tooManyCells');
    expect(rowsOf(readWorkbook(bytes, `wide.${type}`, { ...limits, maxCells: 20 }))).toHaveLength(4);
  });

  it("refuses values past Excel's last column and grids that are mostly gaps", () => {
    const far = rewriteZipEntry(xlsxFromRows([{ name: 'S', rows: [['a']] }]), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</row>', '<c r="ZZZZZ1" t="str"><v>far</v></c></row>'),
    );
    expect(reasonOf(refusal(() => readWorkbook(far, 'far.xlsx')))).toBe('tooManyCells');
    expect(reasonOf(refusal(() => readWorkbook(Buffer.from(`a${','.repeat(20_000)}b\n`), 'far.csv')))).toBe(
      'tooManyCells',
    );
    // Two values per row, three hundred columns apart: few cells, but wide rows.
    const sparse = Buffer.from(`a${','.repeat(300)}b\n`.repeat(3));
    expect(reasonOf(refusal(() => readWorkbook(sparse, 'sparse.csv', { ...small, maxCells: 200 })))).toBe(
      'tooManyCells',
    );
    // Trailing delimiters are not content.
    expect(rowsOf(readWorkbook(Buffer.from(`a,b${','.repeat(100_000)}\nc\n`), 'trailing.csv'))).toEqual([
      ['a', 'b'],
      ['c'],
    ]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const bytes = xlsxFromRows([{ name: 'S', rows: sampleRows }]);
    const error = refusal(() => readWorkbook(bytes, 'big.xlsx', { ...defaultReadLimits, maxBytes: bytes.length - 1 }));
    expect(reasonOf(error)).toBe('tooLarge');
    expect(describeError('zh-CN', error)).toContain('big.xlsx');
  });

  it('refuses empty files and workbooks without content', () => {
    expect(reasonOf(refusal(() => readWorkbook(new Uint8Array(0), 'empty.xlsx')))).toBe('empty');
    expect(reasonOf(refusal(() => readWorkbook(Buffer.from('\r\n,,\r\n\r\n'), 'blank.csv')))).toBe('empty');
    for (const bookType of bookTypes) {
      const bytes = xlsxFromRows(
        [
          { name: 'A', rows: [] },
          { name: 'B', rows: [[null, ''], []] },
        ],
        bookType,
      );
      expect(reasonOf(refusal(() => readWorkbook(bytes, `blank.${bookType}`)))).toBe('empty');
    }
  });

  it('refuses a PNG renamed .xlsx, naming what it is', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const error = refusal(() => readWorkbook(png, '销售.xlsx'));
    expect(reasonOf(error)).toBe('notASpreadsheet');
    expect(describeError('zh-CN', error)).toContain('PNG');
  });

  it.each(bookTypes)('refuses a truncated %s file as corrupt', (bookType) => {
    const bytes = xlsxFromRows([{ name: 'S', rows: sampleRows }], bookType);
    expect(reasonOf(refusal(() => readWorkbook(bytes.subarray(0, bytes.length >> 1), `cut.${bookType}`)))).toBe(
      'corrupt',
    );
  });

  it.each(['data.xlsx', 'data.xls', 'data.csv'])('refuses random bytes named %s', (name) => {
    const next = random(20261116);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    expect(reasonOf(refusal(() => readWorkbook(bytes, name)))).toBe('notASpreadsheet');
  });

  it('refuses password-protected files', () => {
    // An encrypted .xlsx is a compound file with EncryptionInfo and EncryptedPackage streams.
    const cfb = XLSX.CFB as {
      utils: { cfb_new(): unknown; cfb_add(container: unknown, path: string, content: Uint8Array): void };
      write(container: unknown, options: { type: 'buffer' }): Buffer;
    };
    const container = cfb.utils.cfb_new();
    cfb.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(200));
    cfb.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096));
    expect(reasonOf(refusal(() => readWorkbook(cfb.write(container, { type: 'buffer' }), 'locked.xlsx')))).toBe(
      'encrypted',
    );

    // A zip with its encryption flag set, as archivers write when asked for a password.
    const zipped = Buffer.from(xlsxFromRows([{ name: 'S', rows: sampleRows }]));
    zipped.writeUInt16LE(zipped.readUInt16LE(6) | 1, 6);
    expect(reasonOf(refusal(() => readWorkbook(zipped, 'locked2.xlsx')))).toBe('encrypted');
  });

  it('refuses zip bombs and archives that lie about their sizes, without inflating them', () => {
    const bytes = xlsxFromRows([{ name: 'S', rows: sampleRows }]);
    const huge = declareSizes(bytes, 0x7ffffff0);
    expect(reasonOf(refusal(() => readWorkbook(huge, 'bomb.xlsx')))).toBe('tooLarge');
    const understated = declareSizes(bytes, 10, 'xl/worksheets/sheet1.xml');
    expect(reasonOf(refusal(() => readWorkbook(understated, 'lie.xlsx')))).toBe('corrupt');
    // Streaming writers leave the sizes at zero; such a file is measured, not refused.
    expect(rowsOf(readWorkbook(declareSizes(bytes, 0), 'streamed.xlsx'))).toHaveLength(sampleRows.length);
  });

  it('refuses an ODS row repeated a billion times before expanding it', () => {
    const ods = rewriteZipEntry(xlsxFromRows([{ name: 'S', rows: [['x']] }], 'ods'), 'content.xml', (xml) =>
      xml.replace(/<table:table-row\b[^>]*>/, '<table:table-row table:number-rows-repeated="1e9">'),
    );
    const started = performance.now();
    expect(reasonOf(refusal(() => readWorkbook(ods, 'bomb.ods')))).toBe('tooManyCells');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('never throws anything but a refusal for damaged files, and what it reads is a valid grid', () => {
    // SheetJS logs what it skips in a damaged file; the assertions below are what matter here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => quiet.mockRestore());
    const next = random(42);
    const reasons = new Set([
      'corrupt',
      'notASpreadsheet',
      'empty',
      'encrypted',
      'tooLarge',
      'tooManyCells',
      'tooManyRows',
    ]);
    const attempt = (bytes: Uint8Array, name: string, label: string) => {
      let contents: WorkbookContents;
      try {
        contents = readWorkbook(bytes, name);
      } catch (error) {
        expect(error, label).toBeInstanceOf(PilotDeskError);
        expect(reasons.has(reasonOf(error as PilotDeskError)), `${label}: ${(error as Error).message}`).toBe(true);
        return;
      }
      for (const grid of contents.sheets) {
        expect(grid.firstRowNumber, label).toBeGreaterThanOrEqual(1);
        for (const row of grid.rows) {
          for (let c = 0; c < row.length; c += 1) {
            const value = row[c];
            const valid =
              value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
            expect(valid, `${label}: ${JSON.stringify(value)}`).toBe(true);
          }
        }
      }
    };

    // Damaged bytes: flipped and cut anywhere, compressed data included.
    const plain = sampleRows.map((row) =>
      row.map((value) => (value && typeof value === 'object' ? (value as XLSX.CellObject).v : value)),
    );
    const originals: [string, Buffer][] = [
      ...bookTypes.map((type): [string, Buffer] => [
        `f.${type}`,
        xlsxFromRows([{ name: 'S', rows: sampleRows }], type),
      ]),
      ['f.csv', csvBytes(plain, 'gbk')],
    ];
    for (const [name, original] of originals) {
      for (let round = 0; round < 60; round += 1) {
        const bytes = Buffer.from(original);
        const flips = 1 + Math.floor(next() * 8);
        for (let i = 0; i < flips; i += 1) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        attempt(
          round % 4 === 0 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : bytes,
          name,
          `${name} round ${round}`,
        );
      }
    }

    // Damaged XML inside a well-formed archive, which reaches SheetJS's parsers.
    const alphabet = '<>/="\' abcdefghijklmnoprstuvwxyz:0123456789-.e';
    const parts = {
      xlsx: ['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'xl/styles.xml'],
      ods: ['content.xml', 'styles.xml'],
    };
    for (const type of ['xlsx', 'ods'] as const) {
      const original = xlsxFromRows([{ name: 'S', rows: sampleRows, cellFormats: { A3: '000000' } }], type);
      for (let round = 0; round < 40; round += 1) {
        const part = parts[type][round % parts[type].length]!;
        const bytes = rewriteZipEntry(original, part, (xml) => {
          const chars = [...xml];
          for (let i = 0; i < 3; i += 1) {
            const at = Math.floor(next() * chars.length);
            if (next() < 0.5) chars[at] = alphabet[Math.floor(next() * alphabet.length)]!;
            else chars.splice(at, 1 + Math.floor(next() * 20));
          }
          return chars.join('');
        });
        attempt(bytes, `x.${type}`, `${type} ${part} round ${round}`);
      }
    }
  });
});

describe('readWorkbookInWorker', () => {
  it('returns what readWorkbook returns, reporting its stages', async () => {
    const bytes = salesExport({
      rows: Array.from({ length: 25_000 }, (_, i) => ({
        date: '2026-11-16',
        storeCode: `SH${String((i % 300) + 1).padStart(3, '0')}`,
        storeName: '上海静安嘉里店',
        staffNo: String(i).padStart(6, '0'),
        guideName: '王芳',
        channel: '门店',
        orders: i % 5,
        grossSales: i * 1.5,
      })),
      dateAsSerial: true,
    });
    const stages: string[] = [];
    const inWorker = await readWorkbookInWorker(bytes, 'sales.xlsx', { onProgress: (stage) => stages.push(stage) });
    expect(inWorker).toEqual(readWorkbook(bytes, 'sales.xlsx'));
    expect(stages).toEqual(['reading', 'parsing', 'done']);
    // The caller's bytes are copied to the worker, not taken from it.
    expect(bytes.length).toBeGreaterThan(0);
    expect(readWorkbook(bytes, 'sales.xlsx').sheets[0]!.rows).toHaveLength(25_003);

    const csv = csvBytes([['工号'], ['007']], 'gbk');
    expect(await readWorkbookInWorker(csv, 'a.csv')).toEqual(readWorkbook(csv, 'a.csv'));
  });

  it('passes refusals through as the same PilotDeskError', async () => {
    const error = await readWorkbookInWorker(Buffer.from('门店\nSH001\n'), 'renamed.xlsx').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PilotDeskError);
    expect((error as PilotDeskError).code).toBe('VALIDATION');
    expect(reasonOf(error as PilotDeskError)).toBe('notASpreadsheet');

    const limited = await readWorkbookInWorker(csvBytes([['a'], ['b'], ['c']], 'utf-8'), 'a.csv', {
      limits: { ...defaultReadLimits, maxRows: 2 },
    }).catch((caught: unknown) => caught);
    expect(reasonOf(limited as PilotDeskError)).toBe('tooManyRows');
  });

  it('can be cancelled, before or while it runs', async () => {
    const aborted = new AbortController();
    aborted.abort();
    const early = await readWorkbookInWorker(csvBytes([['a']], 'utf-8'), 'a.csv', { signal: aborted.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(reasonOf(early as PilotDeskError)).toBe('cancelled');

    const controller = new AbortController();
    const stages: string[] = [];
    const running = readWorkbookInWorker(largeSalesExport(20_000), 'large.xlsx', {
      signal: controller.signal,
      onProgress: (stage) => {
        stages.push(stage);
        if (stage === 'parsing') controller.abort();
      },
    });
    const error = (await running.catch((caught: unknown) => caught)) as PilotDeskError;
    expect(error).toBeInstanceOf(PilotDeskError);
    expect(describeError('zh-CN', error)).toBe('已取消');
    expect(reasonOf(error)).toBe('cancelled');
    expect(stages).not.toContain('done');
  });
});
