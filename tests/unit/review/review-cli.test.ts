import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callOk } from '../helpers/test-core';
import { tempDir } from '../helpers/temp-dir';
import { queryWorkspace } from '../tiers/helpers';
import { findRow, loadWorkbook, reviewWorkspace, runCapture } from './helpers';

/* Expected numbers: helpers.ts (fen there, yuan here). Each test closes the app's core first. */

const argsFor = (path: string, ...more: string[]) => ['review', '--week', '2026-W47', '--workspace', path, ...more];
const snapshotRows = (path: string) =>
  queryWorkspace<{ week: string; version: number; file_name: string }>(
    path,
    'SELECT week, version, file_name FROM review_snapshots ORDER BY version',
  );

describe('pilotdesk review', () => {
  it("prints the week's review as JSON: stores, guides with flags, totals and gaps, money in yuan, shares as ratios", async () => {
    const { core, path } = await reviewWorkspace();
    core.close();
    const { code, out, err } = await runCapture(argsFor(path, '--json'));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['week', 'from', 'to', 'totals', 'stores', 'guides', 'gaps']),
    );
    expect(json).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    // All five stores: net 815055 fen, gross 850055, refunds 35000, online 245000.
    expect(json.totals).toEqual({
      netSales: 8150.55,
      grossSales: 8500.55,
      refunds: 350,
      onlineShare: 0.3006,
      newContacts: 100,
      lostContacts: 27,
      netNewContacts: 73,
      newMembers: null,
      orders: 13,
      messagesSent: 300,
    });
    expect(json.stores).toEqual([
      {
        code: 'SH001',
        name: '上海静安店',
        tier: 'B',
        previousTier: 'B',
        netSales: 3400.55,
        grossSales: 3500.55,
        refunds: 100,
        onlineShare: 0.1176,
        newContacts: 70,
        lostContacts: 21,
        netNewContacts: 49,
        newMembers: null,
        orders: 7,
        messagesSent: null,
      },
      {
        code: 'SH002',
        name: '上海徐汇店',
        tier: 'A',
        previousTier: 'C',
        netSales: 2800,
        grossSales: 3000,
        refunds: 200,
        onlineShare: 0.3571,
        newContacts: 30,
        lostContacts: 6,
        netNewContacts: 24,
        newMembers: null,
        orders: 6,
        messagesSent: 300,
      },
      {
        code: 'SH003',
        name: '杭州西湖店',
        tier: 'C',
        previousTier: 'A',
        netSales: 750,
        grossSales: 800,
        refunds: 50,
        onlineShare: 1,
        newContacts: null,
        lostContacts: null,
        netNewContacts: null,
        newMembers: null,
        orders: null,
        messagesSent: null,
      },
      {
        code: 'SH004',
        name: '南京新街口店',
        tier: null,
        previousTier: 'B',
        netSales: null,
        grossSales: null,
        refunds: null,
        onlineShare: null,
        newContacts: null,
        lostContacts: null,
        netNewContacts: null,
        newMembers: null,
        orders: null,
        messagesSent: null,
      },
      {
        code: 'SH005',
        name: '苏州观前店',
        tier: 'D',
        previousTier: null,
        netSales: 1200,
        grossSales: 1200,
        refunds: 0,
        onlineShare: 0.25,
        newContacts: null,
        lostContacts: null,
        netNewContacts: null,
        newMembers: null,
        orders: null,
        messagesSent: null,
      },
    ]);
    expect(json.guides).toEqual([
      {
        staffNo: '010001',
        name: '王芳',
        storeCode: 'SH001',
        netSales: 1400,
        newContacts: 30,
        lostContacts: 15,
        flags: [{ code: 'highLossRate', message: '流失率 50.0%（新增 30，流失 15），达到 50% 且新增 ≥ 30' }],
      },
      {
        staffNo: '010002',
        name: '李娜',
        storeCode: 'SH001',
        netSales: 1400,
        newContacts: 0,
        lostContacts: 2,
        flags: [],
      },
      {
        staffNo: '010003',
        name: '张伟',
        storeCode: 'SH001',
        netSales: 600.55,
        newContacts: 40,
        lostContacts: 4,
        flags: [
          { code: 'newContactsSpike', message: '新增客户 40，是前 8 周中位数 13 的 3.1 倍，且高于本店 P90（38）' },
        ],
      },
      {
        staffNo: '020001',
        name: '刘敏',
        storeCode: 'SH002',
        netSales: 2800,
        newContacts: 30,
        lostContacts: 6,
        flags: [],
      },
      {
        staffNo: '030001',
        name: '陈静',
        storeCode: 'SH003',
        netSales: 750,
        newContacts: null,
        lostContacts: null,
        flags: [],
      },
      {
        staffNo: '040001',
        name: '杨强',
        storeCode: 'SH004',
        netSales: null,
        newContacts: null,
        lostContacts: null,
        flags: [],
      },
      {
        staffNo: '050001',
        name: '赵磊',
        storeCode: 'SH005',
        netSales: 300,
        newContacts: null,
        lostContacts: null,
        flags: [],
      },
    ]);
    expect(json.gaps).toEqual({
      storesWithoutSales: ['SH004'],
      storesWithPartialSales: [
        { code: 'SH001', salesDays: 4 },
        { code: 'SH002', salesDays: 2 },
        { code: 'SH003', salesDays: 2 },
        { code: 'SH005', salesDays: 1 },
      ],
      storesWithoutContacts: ['SH003', 'SH004', 'SH005'],
      guidesWithoutData: ['040001'],
      importsWithRejectedRows: [],
    });
    // Reading the review stores no snapshot.
    expect(snapshotRows(path)).toEqual([]);
  });

  it('prints a one-line summary without --json', async () => {
    const { core, path } = await reviewWorkspace();
    core.close();
    const { code, out } = await runCapture(argsFor(path));
    expect(code).toBe(0);
    expect(out).toBe(
      '分层测试 2026-W47（2026-11-16 至 2026-11-22）：5 家门店，净销售额 ¥8,150.55，净增客户 73，灌水信号 2 人。用 --out FILE.xlsx 导出。',
    );
  });

  it('writes the workbook with --out and keeps it as a snapshot version, one more each time', async () => {
    const { core, path } = await reviewWorkspace();
    await callOk(core, 'review.saveNotes', {
      week: '2026-W47',
      notes: { overall: { highlights: 'CLI 导出的备注' }, stores: [] },
    });
    core.close();
    const out = join(tempDir(), '周复盘.xlsx');
    const first = await runCapture(argsFor(path, '--out', out));
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out).toBe(`已导出 2026-W47 周复盘（第 1 版）：${out}`);
    expect(existsSync(out)).toBe(true);
    const book = await loadWorkbook(readFileSync(out));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概览', '门店', '导购', '变化', '数据缺口', '备注']);
    expect(findRow(book.getWorksheet('门店')!, 'SH001').getCell(7).value).toBe(3400.55);
    expect(findRow(book.getWorksheet('备注')!, '整体').getCell(2).value).toBe('CLI 导出的备注');
    expect(snapshotRows(path)).toEqual([
      { week: '2026-W47', version: 1, file_name: '分层测试-周复盘-2026-W47-v1.xlsx' },
    ]);

    // --out with --json: the file, a second version, and the JSON on stdout.
    const second = await runCapture(argsFor(path, '--out', out, '--json'));
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).totals.netSales).toBe(8150.55);
    expect(snapshotRows(path).map((row) => row.version)).toEqual([1, 2]);
  });

  it('refuses --out that is not an .xlsx file with exit 1, writing nothing', async () => {
    const { core, path } = await reviewWorkspace();
    core.close();
    const out = join(tempDir(), '周复盘.txt');
    const { code, out: printed, err } = await runCapture(argsFor(path, '--out', out));
    expect(code).toBe(1);
    expect(printed).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('--out');
    expect(existsSync(out)).toBe(false);
    expect(snapshotRows(path)).toEqual([]);
  });

  // A version is recorded only once the file has been written: nothing is "sent" that nobody got.
  it('leaves no snapshot version behind when --out cannot be written (exit 2)', async () => {
    const { core, path } = await reviewWorkspace();
    core.close();
    const out = join(tempDir(), 'no-such-folder', '周复盘.xlsx');
    const { code, err } = await runCapture(argsFor(path, '--out', out));
    expect(code).toBe(2);
    expect(err[0]).toContain('cannot write');
    expect(existsSync(out)).toBe(false);
    expect(snapshotRows(path)).toEqual([]);
  });

  it.each(['2026-W54', '2026-47', 'W47', 'last'])('refuses --week %s with exit 1 and one line', async (badWeek) => {
    const { core, path } = await reviewWorkspace();
    core.close();
    const { code, out, err } = await runCapture(['review', '--week', badWeek, '--workspace', path, '--json']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('--week');
    expect(snapshotRows(path)).toEqual([]);
  });

  it('fails with exit 2 when the workspace file does not exist', async () => {
    const missing = join(tempDir(), 'nowhere.pilotdesk');
    const { code, out, err } = await runCapture(['review', '--week', '2026-W47', '--workspace', missing, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(missing);
    expect(existsSync(missing)).toBe(false);
  });

  it('asks for --workspace with exit 1', async () => {
    const { code, err } = await runCapture(['review', '--week', '2026-W47']);
    expect(code).toBe(1);
    expect(err[0]).toContain('--workspace');
  });
});
