import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/core/demo/random';
import { commitImport } from '../../../src/core/imports/commit-import';
import { listImportBatches } from '../../../src/core/imports/import-history';
import { fileHashOf, planImport, type ImportPlan } from '../../../src/core/imports/plan-import';
import { readWorkbook, type WorkbookContents } from '../../../src/core/imports/read-workbook';
import { undoImport } from '../../../src/core/imports/undo-import';
import { PilotDeskError } from '../../../src/shared/api/result';
import { importKinds } from '../../../src/shared/imports/import-kinds';
import {
  importOptionsSchema,
  type ImportOptionsInput,
  type ImportReport,
} from '../../../src/shared/imports/import-schema';
import {
  csvBytes,
  dateCell,
  textCell,
  unicodeTextBytes,
  xlsxFromRows,
  type BookType,
  type SheetSpec,
} from '../../support/spreadsheets';
import { contactHeader, posCells, rosterHeader, salesHeader } from './helpers/import-files';
import { countsAddUp, demoWorkspace, now, recordsDigest, recordTables, today } from './helpers/import-harness';

/**
 * Damaged and odd versions of real exports, run through the whole path (readWorkbook →
 * planImport → commitImport) on one workspace: whatever a file holds, the import either commits
 * a batch whose counts add up or refuses with a PilotDeskError and leaves every record as it was.
 */

// Fixed so every run tries the same files; PILOTDESK_FUZZ_SEED / PILOTDESK_FUZZ_CASES explore further.
const seed = Number(process.env.PILOTDESK_FUZZ_SEED ?? 0x2026_1123);
const cases = Number(process.env.PILOTDESK_FUZZ_CASES ?? 300);
/** Every so many cases the records are compared in full, not only by SQLite's change counter. */
const fullCheckEvery = 15;

/** The demo's mulberry32 generator: the same on every machine, so a failing case can be replayed. */
function generator(start: number): SeededRandom {
  return new SeededRandom(start);
}
type Random = SeededRandom;

interface BaseFile {
  name: string;
  sheets: SheetSpec[];
  /** The first data row's index in the sheet: mutations leave the title and header alone (mostly). */
  firstData: number;
  options?: ImportOptionsInput;
}

/** The valid files the mutations start from: every kind, with rows that insert, update, repeat and miss. */
function baseFiles(): BaseFile[] {
  const sales = posCells;
  return [
    {
      name: '门店销售明细.xlsx',
      firstData: 2,
      sheets: [
        {
          name: '销售明细',
          merges: ['A1:J1'],
          rows: [
            ['门店销售明细报表'],
            salesHeader,
            sales({
              date: dateCell('2026-09-18'),
              storeCode: 'SH001',
              staffNo: '010001',
              guideName: '马婷',
              channel: '门店',
              orders: 3,
              grossSales: '￥1,234.50',
              refunds: 0,
              newMembers: 1,
            }),
            sales({
              date: '2026/09/18',
              storeCode: 'SH001',
              guideName: '王芳',
              channel: '小程序',
              orders: 2,
              grossSales: 99.9,
            }),
            sales({
              date: '2026年9月18日',
              storeName: '杭州湖滨银泰店',
              guideName: '王芳',
              channel: '微商城',
              orders: 1,
              grossSales: '1,000元',
            }),
            sales({
              date: '2026-11-18',
              storeCode: 'SH001',
              staffNo: '010001',
              channel: '门店',
              orders: 9,
              grossSales: 2100,
            }),
            sales({ date: '2026-11-19', storeCode: 'SH002', staffNo: '010101', channel: 'APP', grossSales: '88.8' }),
            sales({
              date: '2026-11-20',
              storeCode: 'HZ003',
              staffNo: '010903',
              channel: '直播',
              grossSales: 10,
              refunds: '(2.00)',
            }),
            sales({
              date: '2026-09-18',
              storeCode: 'SH001',
              staffNo: '999999',
              guideName: '赵无名',
              channel: '门店',
              grossSales: 1,
            }),
            sales({ date: '2026-09-18', storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: 5 }),
            ['合计', null, null, null, null, null, 15, 4528.2, 0, 1],
            ['制表人：李娜'],
          ],
        },
      ],
    },
    {
      name: '联系客户统计.xlsx',
      firstData: 4,
      sheets: [
        {
          name: '联系客户统计',
          rows: [
            ['联系客户统计'],
            ['统计时间：2026-11-16 至 2026-11-22'],
            [],
            contactHeader,
            ['马婷', '品牌/华东区/上海静安嘉里店', 14, 12, 40, 160, '85.71%', '1小时5分钟', 2],
            ['王芳', '品牌/华东区/杭州湖滨银泰店', 6, 5, 20, 64, '100%', '12分钟', 0],
            ['王芳', '品牌/华东区/上海静安嘉里店', 3, 3, 9, 30, '66.67%', '30秒', 1],
            ['王芳', '', 1, 1, 1, 1, '1%', '1分钟', 0],
            ['合计', '', 24, 21, 70, 255, '', '', 3],
            ['制表人：企业微信管理后台'],
          ],
        },
      ],
    },
    {
      name: '联系客户统计（无标题）.xlsx',
      firstData: 1,
      options: { period: { from: '2026-11-09', to: '2026-11-15' } },
      sheets: [
        {
          name: 'Sheet1',
          rows: [
            contactHeader,
            ['孙慧', '品牌/华东区/上海徐汇日月光店', 4, 4, 10, 40, '90%', '5分钟', 0],
            ['周浩', '品牌/华东区/杭州湖滨银泰店', 2, 1, 3, 9, '0.5', '2:05:00', 1],
          ],
        },
      ],
    },
    {
      name: '导购花名册.xlsx',
      firstData: 2,
      options: { createMissing: true },
      sheets: [
        {
          name: '花名册',
          rows: [
            ['导购花名册（2026年11月）'],
            rosterHeader,
            [
              textCell('020001'),
              '沈悦',
              'SH001',
              '上海静安嘉里店',
              '导购',
              '2026-11-02',
              '139 0000 0001',
              'ShenYue',
              '在职',
            ],
            [
              { t: 'n', v: 20002, z: '000000' },
              '唐璐',
              'SH010',
              '上海新天地店',
              '店长',
              '2026-10-20',
              null,
              null,
              '在职',
            ],
            [textCell('010002'), '马子涵', 'SH002', null, '导购', null, '13911112222', null, '在职'],
            [textCell('010006'), '周磊', 'SH001', null, null, null, null, null, '离职'],
            [textCell('020003'), '罗晨', 'SH001', null, '导购', '2026-12-01', '1380013800', null, '在职'],
          ],
        },
      ],
    },
    {
      name: '客户群统计.xlsx',
      firstData: 1,
      sheets: [
        {
          name: '客户群统计',
          rows: [
            [
              '日期',
              '群主',
              '所在部门',
              '群总数',
              '群成员总数',
              '新增群成员数',
              '退群人数',
              '群聊消息总数',
              '发过消息的群成员数',
            ],
            [dateCell('2026-11-20'), '马婷', '品牌/华东区/上海静安嘉里店', 3, 856, 12, 2, 140, 37],
            ['2026-11-20', '王芳', '品牌/华东区/杭州湖滨银泰店', 1, 120, 3, 0, 20, 9],
            ['2026-11-21', '王芳', null, 1, 121, 1, 0, 5, 2],
          ],
        },
      ],
    },
    {
      name: '每日数据.xlsx',
      firstData: 1,
      sheets: [
        {
          name: '每日数据',
          rows: [
            ['日期', '工号', '姓名', '门店编码', '朋友圈发布数', '社群消息数', '新增客户数', '删除/拉黑成员的客户数'],
            ['2026-11-20', textCell('010001'), '马婷', 'SH001', 3, 5, 8, 0],
            ['2026-09-18', textCell('010002'), '马子涵', 'SH001', 1, 0, 2, 1],
            ['2026-11-21', null, '王芳', 'HZ001', 2, 2, 2, 2],
          ],
        },
      ],
    },
  ];
}

const garbage: readonly unknown[] = [
  '=HYPERLINK("http://example.com","点我")',
  '１２３',
  '-',
  '—',
  '',
  ' ',
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '9007199254740993',
  1e21,
  -1,
  0.1 + 0.2,
  2958466,
  '1e400',
  'NaN',
  '合计',
  '制表人：某某',
  '以上数据来自企业微信管理后台，仅供内部复盘使用',
  'x'.repeat(300),
  '\u0000',
  '#N/A',
  '2026-02-30',
  '99999999',
  '(12.00)',
  '85.71%',
  '1小时5分钟',
  '抖音小店',
  '王芳',
  'SH001',
  'HZ001',
  '杭州湖滨银泰店',
  '品牌/华东区/上海徐汇日月光店',
  'WangFang',
  '010001',
  '__proto__',
  'constructor',
  '😀',
  true,
  dateCell('2026-11-18'),
  textCell('007'),
  { t: 'n', v: 20002, z: '000000' },
];

const clone = (rows: unknown[][]) => rows.map((row) => [...row]);

/** A cell as a CSV would hold it. */
function plainValue(cell: unknown): unknown {
  if (cell && typeof cell === 'object' && 't' in cell) {
    const { t, v, z } = cell as XLSX.CellObject;
    if (t === 'n' && typeof z === 'string') return XLSX.SSF.format(z, v as number);
    return v;
  }
  return cell;
}

type Mutation = (rows: unknown[][], random: Random, base: BaseFile) => string;

const mutations: Record<string, Mutation> = {
  deleteRow(rows, random) {
    if (rows.length === 0) return 'nothing to delete';
    const at = random.int(0, rows.length - 1);
    rows.splice(at, 1);
    return `deleted row ${at + 1}`;
  },
  duplicateRow(rows, random, base) {
    const at = random.int(Math.min(base.firstData, rows.length - 1), rows.length - 1);
    rows.splice(random.int(at, rows.length), 0, [...(rows[at] ?? [])]);
    return `duplicated row ${at + 1}`;
  },
  garbageCell(rows, random, base) {
    const row = random.int(Math.min(base.firstData, rows.length - 1), rows.length - 1);
    const column = random.int(0, 11);
    const value = random.pick(garbage);
    (rows[row] ??= [])[column] = value;
    return `cell ${row + 1}:${column + 1} = ${JSON.stringify(value)?.slice(0, 40)}`;
  },
  garbageHeader(rows, random, base) {
    const row = Math.max(0, base.firstData - 1);
    const column = random.int(0, 10);
    const value = random.pick(['业绩金额', '', '日期', '成交金额（万元）', '备注', '工号', '成员']);
    (rows[row] ??= [])[column] = value;
    return `header ${column + 1} = ${value}`;
  },
  newFigure(rows, random, base) {
    const row = rows[random.int(Math.min(base.firstData, rows.length - 1), rows.length - 1)] ?? [];
    const columns = row.flatMap((cell, column) => (typeof cell === 'number' ? [column] : []));
    if (columns.length === 0) return 'no figure to change';
    const column = random.pick(columns);
    row[column] = random.int(0, 500) + random.pick([0, 0.5, 0.25]);
    return `figure in column ${column + 1} = ${String(row[column])}`;
  },
  newDate(rows, random, base) {
    const row = rows[random.int(Math.min(base.firstData, rows.length - 1), rows.length - 1)] ?? [];
    const column = row.findIndex((cell) => typeof cell === 'string' && /^2026/.test(cell));
    if (column < 0) return 'no date to change';
    const day = `2026-09-${String(random.int(10, 27)).padStart(2, '0')}`;
    row[column] = random.chance(0.5) ? day : dateCell(day);
    return `date ${day}`;
  },
  swapColumns(rows, random) {
    const [a, b] = [random.int(0, 9), random.int(0, 9)];
    for (const row of rows) [row[a], row[b]] = [row[b], row[a]];
    return `swapped columns ${a + 1} and ${b + 1}`;
  },
  blankRows(rows, random) {
    const at = random.int(0, rows.length);
    rows.splice(at, 0, ...Array.from({ length: random.int(1, 3) }, () => []));
    return `blank rows at ${at + 1}`;
  },
  shiftRight(rows, random) {
    const by = random.int(1, 3);
    for (const row of rows) row.unshift(...Array.from({ length: by }, () => null));
    return `shifted right by ${by}`;
  },
};

interface Case {
  file: { name: string; bytes: Uint8Array };
  options: ImportOptionsInput;
  steps: string[];
}

function serialize(
  base: BaseFile,
  sheets: SheetSpec[],
  random: Random,
  steps: string[],
): { name: string; bytes: Uint8Array } {
  const stem = base.name.replace(/\.xlsx$/, '');
  const form = random.pick(['xlsx', 'xlsx', 'xlsx', 'xls', 'ods', 'csv', 'csv'] as const);
  if (form !== 'csv') {
    steps.push(`as ${form}`);
    return { name: `${stem}.${form}`, bytes: xlsxFromRows(sheets, form as BookType) };
  }
  const rows = sheets[0]!.rows.map((row) => row.map(plainValue));
  const encoding = random.pick(['utf-8', 'utf-8-bom', 'gbk', 'utf-16le'] as const);
  steps.push(`as ${encoding} csv`);
  if (encoding === 'utf-16le') return { name: `${stem}.txt`, bytes: unicodeTextBytes(rows) };
  try {
    return { name: `${stem}.csv`, bytes: csvBytes(rows, encoding) };
  } catch {
    // A character GBK cannot hold (an emoji): this file is saved as UTF-8 instead.
    steps.push('(utf-8: not GBK-encodable)');
    return { name: `${stem}.csv`, bytes: csvBytes(rows, 'utf-8') };
  }
}

function damage(bytes: Uint8Array, random: Random, steps: string[]): Uint8Array {
  const copy = new Uint8Array(bytes);
  if (random.chance(0.5)) {
    const at = random.int(0, copy.length - 1);
    steps.push(`truncated at ${at} of ${copy.length}`);
    return copy.subarray(0, at);
  }
  const flips = random.int(1, 8);
  const where: number[] = [];
  for (let i = 0; i < flips; i += 1) {
    const at = random.int(0, copy.length - 1);
    copy[at] = random.int(0, 255);
    where.push(at);
  }
  steps.push(`flipped bytes at ${where.join(',')}`);
  return copy;
}

function makeCase(bases: BaseFile[], random: Random): Case {
  const base = random.pick(bases);
  const steps = [base.name];
  const sheets = base.sheets.map((sheet) => ({ ...sheet, rows: clone(sheet.rows) }));
  const sheet = sheets[0]!;
  // Changed figures and dates are drawn more often: they make later batches change earlier ones.
  const names = [...Object.keys(mutations), 'newFigure', 'newDate'];
  for (let i = random.int(0, 3); i > 0; i -= 1) {
    const name = random.pick(names);
    steps.push(mutations[name]!(sheet.rows, random, base));
  }
  if (random.chance(0.1)) {
    sheet.name = random.pick(['Sheet1', '数据', '销售明细(2)', 'x'.repeat(31), '导出 2026-11-23']);
    steps.push(`sheet renamed ${sheet.name}`);
  }
  if (random.chance(0.1)) {
    sheets.push({ name: '说明', rows: [['本表由系统自动生成'], ['请勿修改表头']] });
    steps.push('extra sheet');
  }
  // Merges that no longer fit the rows are dropped with the rows they covered.
  if (steps.length > 1) delete sheet.merges;
  let file = serialize(base, sheets, random, steps);
  if (random.chance(0.3)) file = { ...file, bytes: damage(file.bytes, random, steps) };

  const options: ImportOptionsInput = { ...base.options };
  if (random.chance(0.1)) options.kind = random.pick(importKinds);
  if (random.chance(0.05)) options.sheet = random.pick(['说明', base.sheets[0]!.name, '不存在的表']);
  if (random.chance(0.1)) options.defaultChannel = 'pos';
  if (random.chance(0.05)) options.mapping = { 业绩金额: 'grossSales' };
  if (random.chance(0.05)) options.channelMapping = { 抖音小店: 'otherOnline' };
  if (Object.keys(options).length > 0) steps.push(`options ${JSON.stringify(options)}`);
  return { file, options, steps };
}

function expectRefusal(error: unknown, steps: string[]): void {
  if (!(error instanceof PilotDeskError) || error.code !== 'VALIDATION') {
    throw new Error(`case ${steps.join(' → ')} threw ${error instanceof Error ? error.stack : String(error)}`, {
      cause: error,
    });
  }
}

type Outcome = { kind: 'unreadable' | 'refused' } | { kind: 'committed'; report: ImportReport; wrote: boolean };

describe('importing damaged and odd files', () => {
  // About 15 ms a case on a 2-core machine; the default 300 take some 5 s.
  it(`never corrupts the workspace: ${cases} seeded cases`, { timeout: 20_000 + cases * 60 }, () => {
    const ws = demoWorkspace();
    const { db } = ws;
    const random = generator(seed);
    const bases = baseFiles();
    const startRecords = recordsDigest(db, recordTables);
    const changeCount = () => db.get<{ n: number }>('SELECT total_changes() AS n')!.n;
    let baseline: string | null = null;
    const tally = { unreadable: 0, refused: 0, committed: 0, wrote: 0 };
    const batches: string[] = [];

    for (let index = 0; index < cases; index += 1) {
      const testCase = makeCase(bases, random);
      const { steps } = testCase;
      steps.unshift(`#${index}`);
      const fullCheck = index % fullCheckEvery === 0;
      if (fullCheck && baseline === null) baseline = recordsDigest(db);
      const changesBefore = changeCount();
      const at = new Date(now.getTime() + index * 1000);

      const outcome = ((): Outcome => {
        let contents: WorkbookContents;
        try {
          contents = readWorkbook(testCase.file.bytes, testCase.file.name);
        } catch (error) {
          expectRefusal(error, steps);
          return { kind: 'unreadable' };
        }
        let plan: ImportPlan;
        try {
          plan = planImport(
            db,
            contents,
            fileHashOf(testCase.file.bytes),
            importOptionsSchema.parse(testCase.options),
            { today, workspaceRegion: '华东', now: at },
          );
        } catch (error) {
          expectRefusal(error, steps);
          return { kind: 'refused' };
        }
        try {
          const report = commitImport(db, plan, 'fuzz', at);
          return { kind: 'committed', report, wrote: report.importId !== null };
        } catch (error) {
          expectRefusal(error, steps);
          expect(plan.importable, steps.join(' → ')).toBe(false);
          return { kind: 'refused' };
        }
      })();

      tally[outcome.kind] += 1;
      if (outcome.kind === 'committed') {
        const { report } = outcome;
        expect(countsAddUp(report), `${steps.join(' → ')}: ${JSON.stringify(report.rows)}`).toBe(true);
        expect(
          report.errors.every((error) => Number.isInteger(error.row) && error.row >= 1),
          steps.join(' → '),
        ).toBe(true);
        if (outcome.wrote) {
          tally.wrote += 1;
          batches.push(report.importId!);
          expect(report.rows.imported + report.rows.updated, steps.join(' → ')).toBeGreaterThan(0);
          expect(listImportBatches(db)[0]!.id, steps.join(' → ')).toBe(report.importId);
          baseline = null;
          continue;
        }
      }
      // Refused, unreadable or nothing to change: not one row may differ.
      expect(changeCount(), `${steps.join(' → ')} changed rows`).toBe(changesBefore);
      if (fullCheck) expect(recordsDigest(db), `${steps.join(' → ')} changed records`).toBe(baseline);
    }

    // Every way through was taken, and some files still imported after all that.
    expect(tally.unreadable).toBeGreaterThan(cases / 20);
    expect(tally.refused).toBeGreaterThan(cases / 20);
    expect(tally.wrote).toBeGreaterThan(cases / 20);
    expect(db.pragma('integrity_check')).toBe('ok');
    expect(db.connection.pragma('foreign_key_check')).toEqual([]);

    // Undone newest first, every batch leaves the records exactly as they were at the start.
    for (const id of batches.reverse()) undoImport(db, id, new Date(now.getTime() + cases * 1000));
    expect(recordsDigest(db, recordTables)).toBe(startRecords);
    expect(db.pragma('integrity_check')).toBe('ok');
  });
});
