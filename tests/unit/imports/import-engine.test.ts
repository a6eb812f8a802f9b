import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../src/core/imports/commit-import';
import { listImportBatches } from '../../../src/core/imports/import-history';
import { readWorkbook } from '../../../src/core/imports/read-workbook';
import { describeUndo, undoImport } from '../../../src/core/imports/undo-import';
import { PilotDeskError } from '../../../src/shared/api/result';
import type { ImportReport } from '../../../src/shared/imports/import-schema';
import { xlsxFromRows } from '../../support/spreadsheets';
import { demoWorkspaceCopy } from '../../support/workspaces';
import { callError, callOk, createTestCore, fixedNow as coreNow } from '../helpers/test-core';
import {
  contactExport,
  dateCell,
  file,
  posCsv,
  posExport,
  rosterExport,
  salesHeader,
  textCell,
  type PosRow,
} from './helpers/import-files';
import {
  count,
  countsAddUp,
  demoWorkspace,
  guideByStaffNo,
  guides,
  historyTables,
  importFile,
  now,
  planFile,
  recordTables,
  salesFacts,
  snapshot,
  storeByCode,
  today,
  type TestWorkspace,
} from './helpers/import-harness';
import { describeError } from '../../../src/shared/i18n/translate';
import { describeRowError } from '../../../src/shared/imports/import-messages';

/** Later moments of the same Monday, for imports that follow the first one. */
const later = new Date('2026-11-23T11:00:00+08:00');
const later2 = new Date('2026-11-23T12:00:00+08:00');

/** Sales on Friday 2026-09-18, before the demo's eight weeks (which start on 2026-09-28): every row is new. */
const backfillDay = '2026-09-18';

/** The one guide in `store` called `name`, looked up in the workspace. */
function guideNamed(ws: TestWorkspace, name: string, store: string) {
  const found = guides(ws.db, 'g.name = ? AND s.code = ?', [name, store]);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** A name no guide in the workspace has. */
function unknownName(ws: TestWorkspace): string {
  expect(guides(ws.db, 'g.name = ?', ['赵无名'])).toEqual([]);
  return '赵无名';
}

function thrown(action: () => unknown): PilotDeskError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PilotDeskError);
    return error as PilotDeskError;
  }
  throw new Error('expected a PilotDeskError');
}

function errorsOf(report: ImportReport) {
  return report.errors.map(({ row, column, value, code }) => ({ row, column, value, code }));
}

describe('a POS sales export', () => {
  it('counts only data rows, puts each in exactly one outcome and numbers errors as the spreadsheet shows them', () => {
    const ws = demoWorkspace();
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay])).toEqual([]);
    const manager = guideByStaffNo(ws.db, '010001');
    expect(manager.storeCode).toBe('SH001');
    const wangShanghai = guideNamed(ws, '王芳', 'SH001');
    const wangHangzhou = guideNamed(ws, '王芳', 'HZ001');
    const stranger = unknownName(ws);
    const bytes = posExport([
      // Row 4: a real Excel date cell and an amount as some POS systems write it.
      {
        date: dateCell(backfillDay),
        storeCode: 'SH001',
        storeName: '上海静安嘉里店',
        staffNo: manager.staffNo,
        guideName: manager.name,
        channel: '门店',
        orders: 3,
        grossSales: '￥1,234.50',
        refunds: 0,
        newMembers: 1,
      },
      // Row 5: the date as text with slashes.
      {
        date: '2026/09/18',
        storeCode: 'SH001',
        staffNo: wangShanghai.staffNo,
        guideName: '王芳',
        channel: '小程序',
        orders: 2,
        grossSales: 99.9,
      },
      // Row 6: blank.
      [],
      // Row 7: the date written the Chinese way.
      {
        date: '2026年9月18日',
        storeCode: 'HZ001',
        staffNo: wangHangzhou.staffNo,
        guideName: '王芳',
        channel: '门店',
        orders: 1,
        grossSales: '1,000元',
      },
      // Row 8: an amount that is no number.
      { date: backfillDay, storeCode: 'SH002', staffNo: '010101', channel: '门店', orders: 1, grossSales: '约一千' },
      // Row 9: nobody of that name.
      { date: backfillDay, storeCode: 'SH001', guideName: stranger, channel: '门店', orders: 1, grossSales: 10 },
    ]);

    const report = importFile(ws.db, file('门店销售明细.xlsx', bytes));

    expect(report).toMatchObject({ kind: 'sales', sheet: '销售明细', headerRow: 3, missingRequired: [] });
    // Title, export line, header, blank row, 合计, blank row and 制表人 are not data: five rows are.
    expect(report.rows).toEqual({ read: 5, imported: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(countsAddUp(report)).toBe(true);
    expect(errorsOf(report)).toEqual([
      { row: 8, column: '成交金额', value: '约一千', code: 'notANumber' },
      { row: 9, column: '导购姓名', value: stranger, code: 'unknownGuide' },
    ]);
    expect(report.unmatched).toEqual({ guides: [stranger], stores: [] });
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay])).toEqual([
      {
        storeCode: 'HZ001',
        staffNo: wangHangzhou.staffNo,
        date: backfillDay,
        channel: 'pos',
        orders: 1,
        grossSalesFen: 100000,
        refundsFen: null,
        newMembers: null,
      },
      {
        storeCode: 'SH001',
        staffNo: manager.staffNo,
        date: backfillDay,
        channel: 'pos',
        orders: 3,
        grossSalesFen: 123450,
        refundsFen: 0,
        newMembers: 1,
      },
      {
        storeCode: 'SH001',
        staffNo: wangShanghai.staffNo,
        date: backfillDay,
        channel: 'miniProgram',
        orders: 2,
        grossSalesFen: 9990,
        refundsFen: null,
        newMembers: null,
      },
    ]);
  });

  it.each([
    ['￥1,234.50', 123450],
    ['¥1234.5', 123450],
    ['1,234.50元', 123450],
    ['RMB 88', 8800],
    ['０．９９', 99],
    [1234.5, 123450],
    [0.005, 1],
    ['-12.30', -1230],
  ])('stores the amount %j as %i fen', (amount, fen) => {
    const ws = demoWorkspace();
    const bytes = posExport([
      { date: backfillDay, storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: amount },
    ]);
    expect(importFile(ws.db, file('pos.xlsx', bytes)).rows.imported).toBe(1);
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay]).map((fact) => fact.grossSalesFen)).toEqual([fen]);
  });

  it('reads an Excel date cell and dates typed as text as the same day', () => {
    const ws = demoWorkspace();
    const row = (date: unknown): PosRow => ({
      date,
      storeCode: 'SH001',
      staffNo: '010001',
      channel: '直播',
      orders: 4,
      grossSales: 321,
    });
    const first = importFile(ws.db, file('date-cell.xlsx', posExport([row(dateCell('2026-11-18'))])));
    expect(first.rows).toMatchObject({ read: 1, rejected: 0 });
    expect(salesFacts(ws.db, "f.date = '2026-11-18' AND f.channel = 'live' AND g.staff_no = '010001'")).toEqual([
      expect.objectContaining({ storeCode: 'SH001', grossSalesFen: 32100, orders: 4 }),
    ]);

    // The same sale with its date written in other ways is the same fact: nothing to change.
    for (const date of [
      '2026/11/18',
      '2026年11月18日',
      '2026-11-18 21:05:00',
      '2026.11.18',
      dateCell('2026-11-18', 'yyyy/m/d'),
      dateCell('2026-11-18', 'yyyy-mm-dd hh:mm', '21:05:00'),
    ]) {
      const plan = planFile(ws.db, file('again.xlsx', posExport([row(date)])));
      expect(plan.report.rows, JSON.stringify(date)).toEqual({
        read: 1,
        imported: 0,
        updated: 0,
        unchanged: 1,
        rejected: 0,
      });
      expect(plan.writes).toEqual([]);
    }
  });
});

describe('importing a file again', () => {
  /** Two new backfill sales and two corrections of sales the demo already holds for 2026-11-18. */
  function weekRows(ws: TestWorkspace): PosRow[] {
    const stored = salesFacts(ws.db, "f.date = '2026-11-18' AND g.staff_no = '010001' AND f.channel IN ('pos', 'app')");
    expect(stored.map((fact) => fact.channel)).toEqual(['app', 'pos']);
    const [app, pos] = stored as [(typeof stored)[0], (typeof stored)[0]];
    return [
      {
        date: backfillDay,
        storeCode: 'SH001',
        staffNo: '010001',
        channel: '门店',
        orders: 3,
        grossSales: '1,234.50',
        refunds: 0,
        newMembers: 1,
      },
      { date: backfillDay, storeCode: 'SH001', staffNo: '010002', channel: '微商城', orders: 1, grossSales: 88 },
      {
        date: '2026-11-18',
        storeCode: 'SH001',
        staffNo: '010001',
        channel: '门店',
        orders: pos.orders!,
        grossSales: pos.grossSalesFen! / 100 + 100,
        refunds: 0,
        newMembers: pos.newMembers!,
      },
      {
        date: '2026-11-18',
        storeCode: 'SH001',
        staffNo: '010001',
        channel: 'APP',
        orders: app.orders! + 1,
        grossSales: app.grossSalesFen! / 100,
        refunds: 0,
        newMembers: app.newMembers!,
      },
    ];
  }

  it('changes nothing: every row unchanged, no new batch, the same records', () => {
    const ws = demoWorkspace();
    const bytes = posExport(weekRows(ws));
    const first = importFile(ws.db, file('pos.xlsx', bytes));
    expect(first.rows).toEqual({ read: 4, imported: 2, updated: 2, unchanged: 0, rejected: 0 });
    const before = snapshot(ws.db, [...recordTables, ...historyTables]);

    const again = importFile(ws.db, file('pos.xlsx', bytes), {}, later);

    expect(again.rows).toEqual({ read: 4, imported: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(again.changes).toEqual([]);
    expect(again.importId).toBeNull();
    expect(again.previousImport).toEqual({ id: first.importId, createdAt: now.toISOString() });
    expect(snapshot(ws.db, [...recordTables, ...historyTables])).toEqual(before);
    expect(count(ws.db, "SELECT count(*) FROM import_batches WHERE kind = 'sales'")).toBe(1);
  });

  it('with one corrected amount updates exactly that value and shows it before → after in yuan', () => {
    const ws = demoWorkspace();
    const rows = weekRows(ws);
    importFile(ws.db, file('pos.xlsx', posExport(rows)));
    const before = snapshot(ws.db);
    const target = ws.db.get<{ id: string }>(
      `SELECT f.id FROM sales_facts f JOIN guides g ON g.id = f.guide_id WHERE g.staff_no = '010001' AND f.date = ? AND f.channel = 'pos'`,
      [backfillDay],
    )!;

    const corrected = rows.map((row, index) => (index === 0 ? { ...row, grossSales: '1,243.50' } : row));
    const report = importFile(ws.db, file('pos（更正）.xlsx', posExport(corrected)), {}, later);

    expect(report.rows).toEqual({ read: 4, imported: 0, updated: 1, unchanged: 3, rejected: 0 });
    expect(report.changes).toEqual([
      { row: 4, key: expect.stringContaining(backfillDay), field: 'grossSales', before: 1234.5, after: 1243.5 },
    ]);
    const after = snapshot(ws.db);
    for (const table of recordTables.filter((name) => name !== 'sales_facts'))
      expect(after[table]).toEqual(before[table]);
    const byId = (rows: unknown[]) => new Map((rows as { id: string }[]).map((row) => [row.id, row]));
    const [beforeFacts, afterFacts] = [byId(before.sales_facts!), byId(after.sales_facts!)];
    expect(afterFacts.size).toBe(beforeFacts.size);
    for (const [id, row] of afterFacts) {
      if (id !== target.id) expect(row).toEqual(beforeFacts.get(id));
    }
    expect(afterFacts.get(target.id)).toEqual({
      ...beforeFacts.get(target.id),
      gross_sales_fen: 124350,
      import_id: report.importId,
      updated_at: later.toISOString(),
    });
  });

  it('shows a changed demo figure before → after and keeps the figures the file does not report', () => {
    const ws = demoWorkspace();
    const [stored] = salesFacts(ws.db, "f.date = '2026-11-18' AND g.staff_no = '010001' AND f.channel = 'pos'");
    // A file with only the amount column: orders, refunds and new members stay as they are.
    const header = ['日期', '门店编码', '导购工号', '渠道', '成交金额'];
    const bytes = xlsxFromRows([
      {
        name: 'Sheet1',
        rows: [header, ['2026-11-18', 'SH001', textCell('010001'), '门店', stored!.grossSalesFen! / 100 + 0.5]],
      },
    ]);
    const report = importFile(ws.db, file('amounts.xlsx', bytes));
    expect(report.changes).toEqual([
      {
        row: 2,
        key: expect.any(String),
        field: 'grossSales',
        before: stored!.grossSalesFen! / 100,
        after: stored!.grossSalesFen! / 100 + 0.5,
      },
    ]);
    expect(salesFacts(ws.db, "f.date = '2026-11-18' AND g.staff_no = '010001' AND f.channel = 'pos'")).toEqual([
      { ...stored, grossSalesFen: stored!.grossSalesFen! + 50 },
    ]);
  });
});

describe('who a row is about', () => {
  const salesSheet = (header: string[], rows: unknown[][]) => xlsxFromRows([{ name: '销售', rows: [header, ...rows] }]);

  it('matches by 工号 first, whatever the name column says', () => {
    const ws = demoWorkspace();
    const report = importFile(
      ws.db,
      file(
        'pos.xlsx',
        posExport([
          {
            date: backfillDay,
            storeCode: 'SH001',
            staffNo: '010001',
            guideName: '婷婷',
            channel: '门店',
            grossSales: 10,
          },
        ]),
      ),
    );
    expect(report.rows.imported).toBe(1);
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay]).map((fact) => fact.staffNo)).toEqual(['010001']);
  });

  it('matches by WeCom account (in any case) when there is no 工号, even for a name two guides share', () => {
    const ws = demoWorkspace();
    const wangHangzhou = guideNamed(ws, '王芳', 'HZ001');
    expect(wangHangzhou.wecomAccount).toBeTruthy();
    const bytes = salesSheet(
      ['日期', '企业微信账号', '导购姓名', '渠道', '成交金额'],
      [[backfillDay, wangHangzhou.wecomAccount!.toLowerCase(), '王芳', '门店', 66]],
    );
    const report = importFile(ws.db, file('wecom-sales.xlsx', bytes));
    expect(report.rows).toMatchObject({ imported: 1, rejected: 0 });
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay])).toEqual([
      expect.objectContaining({ storeCode: 'HZ001', staffNo: wangHangzhou.staffNo, grossSalesFen: 6600 }),
    ]);
  });

  it.each([
    ['store code', '门店编码', 'SH001', 'HZ001'],
    ['store name', '门店名称', '上海静安嘉里店', '杭州湖滨银泰店'],
  ])('tells the two 王芳 apart by the %s', (_what, column, shanghai, hangzhou) => {
    const ws = demoWorkspace();
    expect(storeByCode(ws.db, 'SH001').name).toBe('上海静安嘉里店');
    expect(storeByCode(ws.db, 'HZ001').name).toBe('杭州湖滨银泰店');
    const bytes = salesSheet(
      ['日期', column, '导购姓名', '渠道', '成交金额'],
      [
        [backfillDay, shanghai, '王芳', '门店', 100],
        [backfillDay, hangzhou, '王芳', '门店', 200],
      ],
    );
    expect(importFile(ws.db, file('names.xlsx', bytes)).rows).toMatchObject({ imported: 2, rejected: 0 });
    expect(
      salesFacts(ws.db, 'f.date = ?', [backfillDay]).map(({ storeCode, staffNo, grossSalesFen }) => ({
        storeCode,
        staffNo,
        grossSalesFen,
      })),
    ).toEqual([
      { storeCode: 'HZ001', staffNo: guideNamed(ws, '王芳', 'HZ001').staffNo, grossSalesFen: 20000 },
      { storeCode: 'SH001', staffNo: guideNamed(ws, '王芳', 'SH001').staffNo, grossSalesFen: 10000 },
    ]);
  });

  it('tells the two 王芳 apart by the last part of a WeCom department path', () => {
    const ws = demoWorkspace();
    const period = { from: '2026-11-16', to: '2026-11-22' };
    const bytes = contactExport(
      [
        ['王芳', '品牌/华东区/上海静安嘉里店', 5, 4, 12, 48, '80.00%', '10分钟', 0],
        ['王芳', '品牌/华东区/杭州湖滨银泰店', 7, 6, 18, 72, '90.00%', '5分钟', 1],
      ],
      { period },
    );
    expect(importFile(ws.db, file('联系客户统计.xlsx', bytes)).rows).toMatchObject({ imported: 2, rejected: 0 });
    const stored = ws.db.all<{ staffNo: string; newContacts: number }>(
      `SELECT g.staff_no AS staffNo, f.new_contacts AS newContacts FROM contact_facts f JOIN guides g ON g.id = f.guide_id
       WHERE f.period_from = ? AND f.period_to = ? ORDER BY g.staff_no`,
      [period.from, period.to],
    );
    expect(stored).toEqual(
      [
        { staffNo: guideNamed(ws, '王芳', 'SH001').staffNo, newContacts: 4 },
        { staffNo: guideNamed(ws, '王芳', 'HZ001').staffNo, newContacts: 6 },
      ].sort((a, b) => a.staffNo.localeCompare(b.staffNo)),
    );
  });

  it('refuses a name two guides share when nothing tells them apart, and merges nothing', () => {
    const ws = demoWorkspace();
    expect(guides(ws.db, "g.name = '王芳'")).toHaveLength(2);
    const bytes = salesSheet(
      ['日期', '导购姓名', '渠道', '成交金额'],
      [
        [backfillDay, '王芳', '门店', 100],
        [backfillDay, guideByStaffNo(ws.db, '010001').name, '门店', 50],
      ],
    );
    const report = importFile(ws.db, file('names-only.xlsx', bytes));
    expect(report.rows).toEqual({ read: 2, imported: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(errorsOf(report)).toEqual([{ row: 2, column: '导购姓名', value: '王芳', code: 'ambiguousGuide' }]);
    expect(describeRowError('zh-CN', report.errors[0]!)).toContain('王芳');
    expect(report.unmatched.guides).toEqual(['王芳']);
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay]).map((fact) => fact.staffNo)).toEqual(['010001']);
  });

  it('rejects unknown guides and stores with an error each and lists them as unmatched', () => {
    const ws = demoWorkspace();
    const stranger = unknownName(ws);
    expect(ws.db.get("SELECT 1 FROM stores WHERE code = 'SH099' OR name = '上海新天地店'")).toBeUndefined();
    expect(ws.db.get("SELECT 1 FROM guides WHERE staff_no = '999999'")).toBeUndefined();
    const bytes = posExport([
      { date: backfillDay, storeCode: 'SH001', staffNo: '999999', guideName: stranger, channel: '门店', grossSales: 1 }, // row 4
      { date: backfillDay, storeCode: 'SH001', guideName: stranger, channel: '门店', grossSales: 2 }, // row 5
      { date: backfillDay, storeCode: 'SH099', guideName: '王芳', channel: '门店', grossSales: 3 }, // row 6
      { date: backfillDay, storeName: '上海新天地店', guideName: '王芳', channel: '门店', grossSales: 4 }, // row 7
      // A known 工号 in a store that does not exist: the sale is not moved to the guide's own store.
      { date: backfillDay, storeCode: 'SH099', staffNo: '010001', channel: '门店', grossSales: 5 }, // row 8
      { date: backfillDay, storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: 6 }, // row 9
    ]);
    const report = importFile(ws.db, file('pos.xlsx', bytes));
    expect(report.rows).toEqual({ read: 6, imported: 1, updated: 0, unchanged: 0, rejected: 5 });
    expect(errorsOf(report)).toEqual([
      { row: 4, column: '导购工号', value: '999999', code: 'unknownGuide' },
      { row: 5, column: '导购姓名', value: stranger, code: 'unknownGuide' },
      { row: 6, column: '门店编码', value: 'SH099', code: 'unknownStore' },
      { row: 7, column: '门店名称', value: '上海新天地店', code: 'unknownStore' },
      { row: 8, column: '门店编码', value: 'SH099', code: 'unknownStore' },
    ]);
    expect(describeRowError('zh-CN', report.errors[0]!)).toContain('999999');
    expect(report.unmatched).toEqual({
      guides: [`${stranger}（999999）`, stranger],
      stores: ['SH099', '上海新天地店'],
    });
    expect(salesFacts(ws.db, 'f.date = ?', [backfillDay])).toEqual([
      expect.objectContaining({ storeCode: 'SH001', staffNo: '010001', grossSalesFen: 600 }),
    ]);
  });
});

describe('the same fact twice in one file', () => {
  it('reports the later row as duplicateRow and keeps the first, however the guide was named', () => {
    const ws = demoWorkspace();
    const wang = guideNamed(ws, '王芳', 'SH001');
    const bytes = posExport([
      {
        date: backfillDay,
        storeCode: 'SH001',
        staffNo: wang.staffNo,
        guideName: '王芳',
        channel: '门店',
        grossSales: 100,
      }, // row 4
      { date: backfillDay, storeCode: 'SH001', guideName: '王芳', channel: '门店', grossSales: 200 }, // row 5: the same guide by name
      { date: backfillDay, storeCode: 'SH001', staffNo: wang.staffNo, channel: '小程序', grossSales: 300 }, // row 6: another channel
      { date: backfillDay, storeCode: 'SH001', staffNo: wang.staffNo, channel: 'pos', grossSales: 400 }, // row 7: 门店 again, by code
    ]);
    const report = importFile(ws.db, file('pos.xlsx', bytes));
    expect(report.rows).toEqual({ read: 4, imported: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.errors.map(({ row, code }) => ({ row, code }))).toEqual([
      { row: 5, code: 'duplicateRow' },
      { row: 7, code: 'duplicateRow' },
    ]);
    expect(describeRowError('zh-CN', report.errors[0]!)).toContain('第 4 行');
    expect(
      salesFacts(ws.db, 'f.date = ?', [backfillDay]).map(({ channel, grossSalesFen }) => ({ channel, grossSalesFen })),
    ).toEqual([
      { channel: 'miniProgram', grossSalesFen: 30000 },
      { channel: 'pos', grossSalesFen: 10000 },
    ]);
  });

  it('reports a WeCom member listed twice under two departments as a duplicate, and the import still commits', () => {
    const ws = demoWorkspace();
    const wang = guideNamed(ws, '王芳', 'SH001');
    const header = ['成员', '所在部门', '成员账号', '新增客户数', '删除/拉黑成员的客户数'];
    const bytes = contactExport(
      [
        ['王芳', '品牌/华东区/上海静安嘉里店', wang.wecomAccount, 4, 0],
        ['王芳', '品牌/华东区/上海徐汇日月光店', wang.wecomAccount, 5, 1],
      ],
      { period: { from: '2026-11-16', to: '2026-11-22' }, header },
    );
    const report = importFile(ws.db, file('联系客户统计.xlsx', bytes));
    expect(report.rows).toEqual({ read: 2, imported: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.errors.map(({ row, code }) => ({ row, code }))).toEqual([{ row: 6, code: 'duplicateRow' }]);
    expect(
      ws.db.all(
        "SELECT new_contacts FROM contact_facts WHERE guide_id = ? AND period_from = '2026-11-16' AND period_to = '2026-11-22'",
        [wang.id],
      ),
    ).toEqual([{ new_contacts: 4 }]);
  });
});

describe('WeCom contact statistics', () => {
  const members = (ws: TestWorkspace) => {
    const manager = guideByStaffNo(ws.db, '010001');
    return [
      [manager.name, '品牌/华东区/上海静安嘉里店', 14, 12, 40, 160, '85.71%', '1小时5分钟', 2],
      ['王芳', '品牌/华东区/杭州湖滨银泰店', 6, 5, 20, 64, '100%', '12分钟', 0],
    ];
  };
  const contactRows = (ws: TestWorkspace, period: { from: string; to: string }) =>
    ws.db.all(
      `SELECT g.staff_no AS staffNo, f.contact_requests, f.new_contacts, f.chats, f.messages_sent, f.reply_rate, f.avg_first_reply_minutes, f.lost_contacts
       FROM contact_facts f JOIN guides g ON g.id = f.guide_id WHERE f.period_from = ? AND f.period_to = ? ORDER BY g.staff_no`,
      [period.from, period.to],
    );
  const week = { from: '2026-11-16', to: '2026-11-22' };

  it('takes the period from the 统计时间 line and reads percentages and durations as WeCom writes them', () => {
    const ws = demoWorkspace();
    const report = importFile(ws.db, file('联系客户统计.xlsx', contactExport(members(ws), { period: week })));
    expect(report).toMatchObject({ kind: 'wecom-contacts', period: week, headerRow: 4, missingRequired: [] });
    expect(report.rows).toEqual({ read: 2, imported: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(contactRows(ws, week)).toEqual([
      {
        staffNo: '010001',
        contact_requests: 14,
        new_contacts: 12,
        chats: 40,
        messages_sent: 160,
        reply_rate: 0.8571,
        avg_first_reply_minutes: 65,
        lost_contacts: 2,
      },
      {
        staffNo: guideNamed(ws, '王芳', 'HZ001').staffNo,
        contact_requests: 6,
        new_contacts: 5,
        chats: 20,
        messages_sent: 64,
        reply_rate: 1,
        avg_first_reply_minutes: 12,
        lost_contacts: 0,
      },
    ]);
  });

  it('without a 统计时间 line and without a period given, is not importable and writes nothing', () => {
    const ws = demoWorkspace();
    const bytes = contactExport(members(ws));
    const plan = planFile(ws.db, file('联系客户统计.xlsx', bytes));
    expect(plan.importable).toBe(false);
    expect(plan.report.period).toBeNull();
    expect(plan.report.missingRequired).toContain('period');
    expect(plan.report.rows).toEqual({ read: 2, imported: 0, updated: 0, unchanged: 0, rejected: 2 });
    expect(plan.report.errors[0]).toMatchObject({ row: 1, code: 'missingPeriod' });

    const before = snapshot(ws.db, [...recordTables, ...historyTables]);
    expect(thrown(() => commitImport(ws.db, plan, 'test', now)).code).toBe('VALIDATION');
    expect(snapshot(ws.db, [...recordTables, ...historyTables])).toEqual(before);

    const report = importFile(ws.db, file('联系客户统计.xlsx', bytes), { period: week });
    expect(report).toMatchObject({ period: week, missingRequired: [] });
    expect(report.rows).toMatchObject({ read: 2, imported: 2 });
    expect(contactRows(ws, week)).toHaveLength(2);
  });
});

describe('a roster', () => {
  type Guide = {
    staff_no: string;
    name: string;
    store: string;
    role: string;
    hire_date: string | null;
    phone: string | null;
    wecom_account: string | null;
    employment: string;
    left_on: string | null;
  };
  const guideRecord = (ws: TestWorkspace, staffNo: string) =>
    ws.db.get<Guide>(
      `SELECT g.staff_no, g.name, s.code AS store, g.role, g.hire_date, g.phone, g.wecom_account, g.employment, g.left_on
       FROM guides g JOIN stores s ON s.id = g.store_id WHERE g.staff_no = ?`,
      [staffNo],
    );
  const roleName = { manager: '店长', guide: '导购' } as Record<string, string>;
  const employmentName = { active: '在职', left: '离职' } as Record<string, string>;
  /** A roster line that repeats what the workspace holds for a guide. */
  const asStored = (guide: Guide) => [
    textCell(guide.staff_no),
    guide.name,
    guide.store,
    null,
    roleName[guide.role],
    guide.hire_date,
    guide.phone,
    guide.wecom_account,
    employmentName[guide.employment],
  ];

  it('creates guides keeping leading zeros, updates only what changed and refuses bad rows', () => {
    const ws = demoWorkspace();
    const unchanged = guideRecord(ws, '010004')!;
    const moved = guideRecord(ws, '010002')!;
    expect(moved.store).toBe('SH001');
    expect(
      ws.db.get("SELECT 1 FROM guides WHERE staff_no IN ('020001', '020002', '020003', '020004', '020005')"),
    ).toBeUndefined();
    expect(ws.db.get("SELECT 1 FROM stores WHERE code = 'SH010'")).toBeUndefined();
    const newPhone = moved.phone === '13911112222' ? '13911113333' : '13911112222';
    const bytes = rosterExport([
      [textCell('020001'), '沈悦', 'SH001', '上海静安嘉里店', '导购', '2026-11-02', '139 0000 0001', 'ShenYue', '在职'], // row 3: new
      [{ t: 'n', v: 20002, z: '000000' }, '唐璐', 'HZ002', null, '导购', '2026-10-20', null, null, '在职'], // row 4: new, 工号 typed as a number shown as 020002
      asStored(unchanged), // row 5: unchanged
      [
        ...asStored(moved).slice(0, 2),
        'SH002',
        null,
        ...asStored(moved).slice(4, 6),
        newPhone,
        ...asStored(moved).slice(7),
      ], // row 6: moved and a new phone
      [textCell('020003'), '韩蕾', 'SH010', '上海新天地店', '导购', '2026-11-02', null, null, '在职'], // row 7: unknown store
      [textCell('020004'), '高慧', 'SH001', null, '导购', '2026-11-02', '1380013800', null, '在职'], // row 8: a phone one digit short
      [textCell('020005'), '罗晨', 'SH001', null, '导购', '2026-12-01', null, null, '在职'], // row 9: hired next month
      [textCell('020001'), '沈悦', 'SH002', null, '导购', '2026-11-02', null, null, '在职'], // row 10: 020001 again
    ]);

    const report = importFile(ws.db, file('花名册.xlsx', bytes));

    expect(report).toMatchObject({ kind: 'roster', headerRow: 2 });
    expect(report.rows).toEqual({ read: 8, imported: 2, updated: 1, unchanged: 1, rejected: 4 });
    expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 7, column: '门店编码', code: 'unknownStore' },
      { row: 8, column: '手机号', code: 'phoneFormat' },
      { row: 9, column: '入职日期', code: 'futureDate' },
      { row: 10, column: '工号', code: 'duplicateRow' },
    ]);
    expect(describeRowError('zh-CN', report.errors[2]!)).toContain(today);
    expect(report.unmatched.stores).toEqual(['SH010']);
    expect(report.changes).toEqual([
      { row: 6, key: expect.stringContaining('010002'), field: 'storeCode', before: 'SH001', after: 'SH002' },
      { row: 6, key: expect.stringContaining('010002'), field: 'phone', before: moved.phone, after: newPhone },
    ]);

    expect(guideRecord(ws, '020001')).toEqual({
      staff_no: '020001',
      name: '沈悦',
      store: 'SH001',
      role: 'guide',
      hire_date: '2026-11-02',
      phone: '13900000001',
      wecom_account: 'ShenYue',
      employment: 'active',
      left_on: null,
    });
    expect(guideRecord(ws, '020002')).toMatchObject({ staff_no: '020002', name: '唐璐', store: 'HZ002' });
    expect(guideRecord(ws, '010004')).toEqual(unchanged);
    expect(guideRecord(ws, '010002')).toEqual({ ...moved, store: 'SH002', phone: newPhone });
    for (const staffNo of ['020003', '020004', '020005']) expect(guideRecord(ws, staffNo)).toBeUndefined();
    expect(ws.db.get("SELECT 1 FROM stores WHERE code = 'SH010'")).toBeUndefined();
  });

  it('creates a missing store once when asked, however many rows name it', () => {
    const ws = demoWorkspace();
    const stores = count(ws.db, 'SELECT count(*) FROM stores');
    const bytes = rosterExport([
      [textCell('020011'), '韩蕾', 'SH010', '上海新天地店', '店长', '2026-11-02', null, null, '在职'],
      [textCell('020012'), '高慧', 'SH010', '上海新天地店', '导购', '2026-11-02', null, null, '在职'],
      [textCell('020013'), '罗晨', 'SH010', '上海新天地店', '导购', '2026-11-09', null, null, '在职'],
    ]);
    expect(planFile(ws.db, file('花名册.xlsx', bytes)).report.rows).toMatchObject({ imported: 0, rejected: 3 });

    const report = importFile(ws.db, file('花名册.xlsx', bytes), { createMissing: true });
    expect(report.rows).toEqual({ read: 3, imported: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(count(ws.db, 'SELECT count(*) FROM stores')).toBe(stores + 1);
    expect(ws.db.all("SELECT code, name, region FROM stores WHERE code = 'SH010'")).toEqual([
      { code: 'SH010', name: '上海新天地店', region: '华东' },
    ]);
    expect(guides(ws.db, "s.code = 'SH010'").map((guide) => guide.staffNo)).toEqual(['020011', '020012', '020013']);
  });

  it('marks a known guide as 离职 when the roster gives a 离职日期, as it does for a new one', () => {
    const ws = demoWorkspace();
    const header = ['工号', '姓名', '门店编码', '离职日期'];
    const leaving = guideRecord(ws, '010006')!;
    expect(leaving).toMatchObject({ employment: 'active', left_on: null });
    const bytes = rosterExport(
      [
        [textCell('010006'), leaving.name, leaving.store, '2026-11-20'],
        [textCell('020021'), '韩蕾', 'SH001', '2026-11-20'],
      ],
      header,
    );
    expect(importFile(ws.db, file('离职名单.xlsx', bytes)).rows).toMatchObject({
      imported: 1,
      updated: 1,
      rejected: 0,
    });
    expect(guideRecord(ws, '020021')).toMatchObject({ employment: 'left', left_on: '2026-11-20' });
    expect(guideRecord(ws, '010006')).toMatchObject({ employment: 'left', left_on: '2026-11-20' });
  });
});

describe('undo', () => {
  /** Two new backfill sales and one change to a sale the demo holds. */
  function mixedSales(amount = 1111): Uint8Array {
    return posExport([
      { date: backfillDay, storeCode: 'SH001', staffNo: '010001', channel: '门店', orders: 3, grossSales: 10 },
      { date: backfillDay, storeCode: 'SH001', staffNo: '010002', channel: '门店', orders: 1, grossSales: 20 },
      { date: '2026-11-18', storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: amount },
    ]);
  }

  it('removes what a batch inserted and restores what it changed, exactly', () => {
    const ws = demoWorkspace();
    const before = snapshot(ws.db);
    const report = importFile(ws.db, file('pos.xlsx', mixedSales()));
    expect(report.rows).toMatchObject({ imported: 2, updated: 1 });
    expect(snapshot(ws.db)).not.toEqual(before);
    expect(describeUndo(ws.db, report.importId!)).toEqual({ removes: 2, restores: 1, blockedBy: null, laterEdits: [] });

    undoImport(ws.db, report.importId!, later);

    expect(snapshot(ws.db)).toEqual(before);
    expect(listImportBatches(ws.db).find((batch) => batch.id === report.importId)).toMatchObject({
      undoneAt: later.toISOString(),
      rows: report.rows,
      fileName: 'pos.xlsx',
    });
    // Undone, the same file can be imported again and is new again.
    expect(planFile(ws.db, file('pos.xlsx', mixedSales())).report).toMatchObject({
      previousImport: null,
      rows: { imported: 2, updated: 1 },
    });
  });

  it('refuses to undo a batch twice, an unknown batch and the demo data', () => {
    const ws = demoWorkspace();
    const report = importFile(ws.db, file('pos.xlsx', mixedSales()));
    undoImport(ws.db, report.importId!, later);
    const after = snapshot(ws.db, [...recordTables, ...historyTables]);
    expect(thrown(() => undoImport(ws.db, report.importId!, later2)).code).toBe('CONFLICT');
    expect(thrown(() => undoImport(ws.db, 'no-such-batch', later2)).code).toBe('NOT_FOUND');
    const demo = listImportBatches(ws.db).find((batch) => batch.kind === 'demo')!;
    expect(thrown(() => undoImport(ws.db, demo.id, later2)).code).toBe('CONFLICT');
    expect(snapshot(ws.db, [...recordTables, ...historyTables])).toEqual(after);
  });

  it('refuses to undo a batch while a later one changed the same rows, then allows it once that one is undone', () => {
    const ws = demoWorkspace();
    const before = snapshot(ws.db);
    const earlier = importFile(ws.db, file('第一次.xlsx', mixedSales(1111)));
    const afterEarlier = snapshot(ws.db);
    const laterReport = importFile(ws.db, file('第二次.xlsx', mixedSales(2222)), {}, later);
    expect(laterReport.rows).toMatchObject({ updated: 1, unchanged: 2 });

    expect(describeUndo(ws.db, earlier.importId!).blockedBy).toEqual({
      id: laterReport.importId,
      fileName: '第二次.xlsx',
      createdAt: later.toISOString(),
    });
    const conflict = thrown(() => undoImport(ws.db, earlier.importId!, later2));
    expect(conflict.code).toBe('CONFLICT');
    expect(describeError('zh-CN', conflict)).toContain('第二次.xlsx');
    expect(conflict.details).toEqual({ blockedBy: laterReport.importId });

    undoImport(ws.db, laterReport.importId!, later2);
    expect(snapshot(ws.db)).toEqual(afterEarlier);
    expect(describeUndo(ws.db, earlier.importId!).blockedBy).toBeNull();
    undoImport(ws.db, earlier.importId!, later2);
    expect(snapshot(ws.db)).toEqual(before);
  });

  it('removes the guides and store a roster created, or archives a guide that facts now use', () => {
    const ws = demoWorkspace();
    const before = snapshot(ws.db);
    const roster = importFile(
      ws.db,
      file(
        '花名册.xlsx',
        rosterExport([
          [textCell('020031'), '韩蕾', 'SH010', '上海新天地店', '店长', '2026-11-02', null, null, '在职'],
          [textCell('020032'), '高慧', 'SH010', '上海新天地店', '导购', '2026-11-02', null, null, '在职'],
          [textCell('020033'), '罗晨', 'SH001', null, '导购', '2026-11-02', null, null, '在职'],
        ]),
      ),
      { createMissing: true },
    );
    expect(describeUndo(ws.db, roster.importId!)).toEqual({ removes: 4, restores: 0, blockedBy: null, laterEdits: [] });
    undoImport(ws.db, roster.importId!, later);
    expect(snapshot(ws.db)).toEqual(before);

    // Again, and this time 020033 sells something before the roster is undone.
    const again = importFile(
      ws.db,
      file(
        '花名册.xlsx',
        rosterExport([[textCell('020033'), '罗晨', 'SH001', null, '导购', '2026-11-02', null, null, '在职']]),
      ),
      {},
      later,
    );
    importFile(
      ws.db,
      file(
        'pos.xlsx',
        posExport([{ date: '2026-11-20', storeCode: 'SH001', staffNo: '020033', channel: '门店', grossSales: 99 }]),
      ),
      {},
      later,
    );
    undoImport(ws.db, again.importId!, later2);
    expect(ws.db.get("SELECT archived_at FROM guides WHERE staff_no = '020033'")).toEqual({
      archived_at: later2.toISOString(),
    });
    expect(salesFacts(ws.db, "g.staff_no = '020033'")).toHaveLength(1);
  });

  it('archives a store a roster created when WeCom figures were filed under it', () => {
    const ws = demoWorkspace();
    const moved = guideByStaffNo(ws.db, '010002');
    const roster = importFile(
      ws.db,
      file(
        '花名册.xlsx',
        rosterExport([[textCell('010002'), moved.name, 'SH010', '上海新天地店', '导购', null, null, null, '在职']]),
      ),
      { createMissing: true },
    );
    expect(roster.rows).toMatchObject({ updated: 1 });
    const contacts = importFile(
      ws.db,
      file(
        '联系客户统计.xlsx',
        contactExport([[moved.name, '品牌/华东区/上海新天地店', 3, 2, 9, 30, '50%', '8分钟', 0]], {
          period: { from: '2026-11-16', to: '2026-11-22' },
        }),
      ),
      {},
      later,
    );
    expect(contacts.rows).toMatchObject({ imported: 1 });

    undoImport(ws.db, roster.importId!, later2);

    expect(guideByStaffNo(ws.db, '010002').storeCode).toBe('SH001');
    expect(ws.db.get("SELECT archived_at FROM stores WHERE code = 'SH010'")).toEqual({
      archived_at: later2.toISOString(),
    });
    expect(ws.db.pragma('foreign_key_check')).toBeUndefined();
  });

  it('keeps the history of imports and undos when the workspace is closed and opened again', () => {
    const ws = demoWorkspace();
    const first = importFile(ws.db, file('第一次.xlsx', mixedSales(1111)));
    const second = importFile(ws.db, file('第二次.xlsx', mixedSales(2222)), {}, later);
    undoImport(ws.db, second.importId!, later2);
    const history = listImportBatches(ws.db);
    expect(history.map((batch) => [batch.fileName, batch.undoneAt])).toEqual([
      ['第二次.xlsx', later2.toISOString()],
      ['第一次.xlsx', null],
      [null, null],
    ]);
    ws.reopen();
    expect(listImportBatches(ws.db)).toEqual(history);
    expect(() => undoImport(ws.db, first.importId!, later2)).not.toThrow();
  });
});

describe('header and channel mappings', () => {
  const header = salesHeader.map((name) => (name === '成交金额' ? '业绩金额' : name));
  const row = (day: string, amount: number): PosRow => ({
    date: day,
    storeCode: 'SH001',
    staffNo: '010001',
    channel: '门店',
    grossSales: amount,
  });

  it('asks for a column it does not know, imports once told, and remembers it for the next file', () => {
    const ws = demoWorkspace();
    const first = file('业绩.xlsx', posExport([row(backfillDay, 120)], { header }));
    const unknown = planFile(ws.db, first);
    expect(unknown.importable).toBe(false);
    expect(unknown.report.missingRequired).toEqual(['grossSales']);
    expect(unknown.report.mapping['业绩金额']).toBeNull();
    // A preview with the mapping does not save it.
    expect(planFile(ws.db, first, { mapping: { 业绩金额: 'grossSales' } }).importable).toBe(true);
    expect(planFile(ws.db, first).importable).toBe(false);

    const report = importFile(ws.db, first, { mapping: { 业绩金额: 'grossSales' } });
    expect(report.rows).toMatchObject({ imported: 1 });
    expect(report.mapping['业绩金额']).toBe('grossSales');

    const next = planFile(ws.db, file('业绩（下周）.xlsx', posExport([row('2026-09-19', 130)], { header })));
    expect(next.importable).toBe(true);
    expect(next.report.missingRequired).toEqual([]);
    expect(next.report.mapping['业绩金额']).toBe('grossSales');
    expect(commitImport(ws.db, next, 'test', later).rows).toMatchObject({ imported: 1 });
    expect(
      salesFacts(ws.db, "g.staff_no = '010001' AND f.date < '2026-09-28'").map((fact) => fact.grossSalesFen),
    ).toEqual([12000, 13000]);
  });

  it('lists a channel it does not know, imports once it is mapped, and keeps the mapping', () => {
    const ws = demoWorkspace();
    const douyin = (day: string): PosRow => ({ ...row(day, 50), channel: '抖音小店' });
    const first = file('抖音.xlsx', posExport([douyin(backfillDay), row(backfillDay, 60)]));
    const unknown = planFile(ws.db, first);
    expect(unknown.report.unknownChannels).toEqual(['抖音小店']);
    expect(errorsOf(unknown.report)).toEqual([{ row: 4, column: '渠道', value: '抖音小店', code: 'unknownChannel' }]);

    const report = importFile(ws.db, first, { channelMapping: { 抖音小店: 'otherOnline' } });
    expect(report.rows).toMatchObject({ imported: 2, rejected: 0 });
    expect(report.unknownChannels).toEqual([]);

    const next = planFile(ws.db, file('抖音（下周）.xlsx', posExport([douyin('2026-09-19')])));
    expect(next.report.unknownChannels).toEqual([]);
    commitImport(ws.db, next, 'test', later);
    expect(salesFacts(ws.db, "f.date < '2026-09-28'").map(({ date, channel }) => [date, channel])).toEqual([
      [backfillDay, 'otherOnline'],
      [backfillDay, 'pos'],
      ['2026-09-19', 'otherOnline'],
    ]);
  });

  it('does not take a name such as "constructor" for a mapped channel', () => {
    const ws = demoWorkspace();
    const report = planFile(ws.db, file('odd.xlsx', posExport([{ ...row(backfillDay, 1), channel: 'constructor' }])), {
      defaultChannel: 'pos',
    });
    expect(report.report.unknownChannels).toEqual(['constructor']);
    expect(report.report.rows).toMatchObject({ rejected: 1 });
  });
});

describe('CSV exports', () => {
  it.each(['gbk', 'utf-8-bom'] as const)('a %s CSV imports the same facts as the xlsx', (encoding) => {
    const rows: PosRow[] = [
      {
        date: backfillDay,
        storeCode: 'SH001',
        storeName: '上海静安嘉里店',
        staffNo: '010001',
        guideName: '马婷',
        channel: '门店',
        orders: 3,
        grossSales: '1,234.50',
        refunds: '0',
        newMembers: 1,
      },
      {
        date: '2026/09/18',
        storeCode: 'HZ001',
        storeName: '杭州湖滨银泰店',
        guideName: '王芳',
        channel: '小程序',
        orders: 2,
        grossSales: '88.8',
      },
      {
        date: '2026年9月18日',
        storeCode: 'SH002',
        staffNo: '010101',
        channel: '微商城',
        orders: 1,
        grossSales: '-12.3',
      },
    ];
    const fromXlsx = demoWorkspace();
    const fromCsv = demoWorkspace();
    const xlsxReport = importFile(fromXlsx.db, file('pos.xlsx', posExport(rows)));
    const csvReport = importFile(fromCsv.db, file('pos.csv', posCsv(rows, encoding)));
    expect(xlsxReport.rows).toEqual({ read: 3, imported: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(csvReport.rows).toEqual(xlsxReport.rows);
    expect(salesFacts(fromCsv.db, 'f.date = ?', [backfillDay])).toEqual(
      salesFacts(fromXlsx.db, 'f.date = ?', [backfillDay]),
    );
    expect(salesFacts(fromCsv.db, 'f.date = ?', [backfillDay]).map((fact) => fact.grossSalesFen)).toEqual([
      8880, 123450, -1230,
    ]);
  });
});

describe('the import operations', () => {
  const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  async function openCopy() {
    const core = createTestCore();
    const path = demoWorkspaceCopy(join(core.dataDir, 'copy'));
    await callOk(core, 'workspace.open', { path });
    const db = core.session.requireDb();
    return { core, db };
  }

  it('upload → preview → commit → list → describeUndo → undo', async () => {
    const { core, db } = await openCopy();
    const before = snapshot(db, [...recordTables, ...historyTables]);
    const bytes = posExport([
      { date: backfillDay, storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: '￥1,234.50' },
      { date: backfillDay, storeCode: 'SH001', staffNo: '010002', channel: '门店', grossSales: 10 },
    ]);
    const upload = await callOk(core, 'imports.upload', { fileName: '门店销售.xlsx', contentBase64: toBase64(bytes) });
    expect(upload).toMatchObject({
      fileName: '门店销售.xlsx',
      format: 'xlsx',
      encoding: null,
      sheets: [{ name: '销售明细', rows: 8 }],
    });

    const preview = await callOk(core, 'imports.preview', { uploadId: upload.uploadId, options: {} });
    expect(preview).toMatchObject({ kind: 'sales', importId: null, rows: { read: 2, imported: 2 } });
    expect(snapshot(db, [...recordTables, ...historyTables])).toEqual(before);

    const committed = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    expect(committed.rows).toEqual(preview.rows);
    expect(committed.importId).toEqual(expect.any(String));
    expect(salesFacts(db, 'f.date = ?', [backfillDay]).map((fact) => fact.grossSalesFen)).toEqual([123450, 1000]);

    const [latest] = await callOk(core, 'imports.list');
    expect(latest).toMatchObject({
      id: committed.importId,
      kind: 'sales',
      source: 'wizard',
      fileName: '门店销售.xlsx',
      createdAt: coreNow.toISOString(),
      undoneAt: null,
      rows: committed.rows,
      sheet: '销售明细',
      changedRows: 2,
    });

    expect(await callOk(core, 'imports.describeUndo', { id: committed.importId! })).toEqual({
      removes: 2,
      restores: 0,
      blockedBy: null,
      laterEdits: [],
    });
    const undone = await callOk(core, 'imports.undo', { id: committed.importId! });
    expect(undone).toMatchObject({ id: committed.importId, undoneAt: coreNow.toISOString() });
    expect(snapshot(db)).toEqual(Object.fromEntries(recordTables.map((table) => [table, before[table]])));
    expect((await callError(core, 'imports.undo', { id: committed.importId! })).code).toBe('CONFLICT');
    expect(core.internalErrors).toEqual([]);
  });

  it('gives the rejected rows back as a workbook with a 错误原因 column that imports once fixed', async () => {
    const { core, db } = await openCopy();
    const stranger = '赵无名';
    expect(db.get('SELECT 1 FROM guides WHERE name = ?', [stranger])).toBeUndefined();
    const bytes = posExport([
      { date: backfillDay, storeCode: 'SH001', staffNo: '010001', channel: '门店', grossSales: 10 }, // row 4
      { date: backfillDay, storeCode: 'SH001', staffNo: '010002', channel: '门店', grossSales: '约一千' }, // row 5
      { date: backfillDay, storeCode: 'SH001', guideName: stranger, channel: '门店', grossSales: 30 }, // row 6
    ]);
    const upload = await callOk(core, 'imports.upload', { fileName: '门店销售.xlsx', contentBase64: toBase64(bytes) });
    const committed = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    expect(committed.rows).toMatchObject({ imported: 1, rejected: 2 });

    const download = await callOk(core, 'imports.rejectedWorkbook', { uploadId: upload.uploadId, options: {} });
    expect(download.fileName).toBe('门店销售-未导入的行.xlsx');
    const rejected = readWorkbook(Buffer.from(download.contentBase64, 'base64'), download.fileName);
    const rows = rejected.sheets[0]!.rows;
    expect(rows[0]).toEqual([...salesHeader, '错误原因']);
    expect(rows.slice(1).map((cells) => cells.slice(0, 8))).toEqual([
      [backfillDay, 'SH001', null, '010002', null, '门店', null, '约一千'],
      [backfillDay, 'SH001', null, null, stranger, '门店', null, 30],
    ]);
    expect(rows[1]![salesHeader.length]).toContain('成交金额');
    expect(rows[2]![salesHeader.length]).toContain(stranger);

    // Fix the amount in Excel and import the file of rejected rows.
    const fixed = rows.map((cells, index) =>
      index === 1 ? cells.map((cell, column) => (column === 7 ? 42 : cell)) : cells,
    );
    const again = await callOk(core, 'imports.upload', {
      fileName: download.fileName,
      contentBase64: toBase64(xlsxFromRows([{ name: '未导入的行', rows: fixed }])),
    });
    const report = await callOk(core, 'imports.commit', { uploadId: again.uploadId, options: {} });
    expect(report.mapping['错误原因']).toBeNull();
    expect(report.rows).toEqual({ read: 2, imported: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(
      salesFacts(db, 'f.date = ?', [backfillDay]).map(({ staffNo, grossSalesFen }) => [staffNo, grossSalesFen]),
    ).toEqual([
      ['010001', 1000],
      ['010002', 4200],
    ]);
    expect(core.internalErrors).toEqual([]);
  });
});
