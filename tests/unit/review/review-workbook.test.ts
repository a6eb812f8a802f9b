import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { callOk, createTestCore, type TestCore } from '../helpers/test-core';
import type { FigureWorkspace } from '../tiers/helpers';
import { columnOf, findRow, loadWorkbook, reviewWorkspace, sheetRows, week } from './helpers';

/*
 * The exported workbook read back with ExcelJS and SheetJS, as Excel, WPS or LibreOffice would
 * see it. Expected numbers: helpers.ts (fen there, yuan here).
 */

const sheetNames = ['概览', '门店', '导购', '变化', '数据缺口', '备注'];
const money = '"¥"#,##0.00';
const moneyChange = '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00';
const percent = '0.0%';
const points = '+0.0" pt";-0.0" pt";0.0" pt"';
const integer = '#,##0';
const integerChange = '+#,##0;-#,##0;0';
const red = 'FFD03050';
const green = 'FF18A058';

/** Names a spreadsheet program would run as formulas if they were written as formulas. */
const hostileGuides: Record<string, string> = {
  '010001': '=HYPERLINK("http://evil","x")',
  '010002': '+SUM(1,2)',
  '010003': '@cmd',
  '020001': '-1+2',
};
const hostileStore = '=SUM(A1:A9)';

async function exportBook(core: TestCore): Promise<{ buffer: Buffer; book: ExcelJS.Workbook; fileName: string }> {
  const exported = await callOk(core, 'review.export', { week });
  const buffer = Buffer.from(exported.contentBase64, 'base64');
  return { buffer, book: await loadWorkbook(buffer), fileName: exported.fileName };
}

const sheet = (book: ExcelJS.Workbook, name: string) => {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

const footnote = '分层测试 · 周复盘 ';

const headerOf = (worksheet: ExcelJS.Worksheet, row = 1) => (worksheet.getRow(row).values as unknown[]).slice(1);

/** Display width as the export counts it: CJK characters take two columns. */
const widthOf = (text: string) => [...text].reduce((width, char) => width + (/[\u2E80-\uFFFF]/.test(char) ? 2 : 1), 0);

async function withNotes(workspace: FigureWorkspace) {
  await callOk(workspace.core, 'review.saveNotes', {
    week,
    notes: {
      overall: {
        highlights: '试点净增客户 +73\n第二行',
        problems: '=1+1 不是公式',
        actions: '周三前补齐南京新街口店的销售',
      },
      stores: [{ storeId: workspace.storeIds.SH003 as string, note: { problems: '没有企微数据\u0007' } }],
    },
  });
}

describe('review workbook', () => {
  it('has one sheet per section in order, each with a frozen header row of Chinese headers', async () => {
    const { core } = await reviewWorkspace();
    const { book, fileName } = await exportBook(core);
    expect(fileName).toBe('分层测试-周复盘-2026-W47-v1.xlsx');
    expect(book.worksheets.map((worksheet) => worksheet.name)).toEqual(sheetNames);
    for (const name of sheetNames) {
      const worksheet = sheet(book, name);
      expect(worksheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(worksheet.getRow(1).getCell(1).font?.bold, name).toBe(true);
    }
    expect(headerOf(sheet(book, '概览'))).toEqual([
      '指标',
      '试点门店（2）本周',
      '上周',
      '变化',
      '全部门店（5）本周',
      '上周',
      '变化',
    ]);
    expect(headerOf(sheet(book, '门店'))).toEqual([
      '门店编码',
      '门店名称',
      '试点批次',
      '分层',
      '上周分层',
      '分层变化',
      '净销售额',
      '较上周',
      '销售额',
      '退款金额',
      '线上占比',
      '较上周',
      '新增客户',
      '流失客户',
      '净增客户',
      '较上周',
      '流失率',
      '新增会员',
      '订单数',
      '发送消息数',
      '朋友圈发布',
    ]);
    expect(headerOf(sheet(book, '导购'))).toEqual([
      '工号',
      '姓名',
      '门店编码',
      '门店',
      '店内排名',
      '净销售额',
      '较上周',
      '新增客户',
      '流失客户',
      '净增客户',
      '较上周',
      '流失率',
      '新增会员',
      '订单数',
      '发送消息数',
      '朋友圈发布',
      '灌水信号',
    ]);
    expect(headerOf(sheet(book, '变化'))).toEqual(['类别', '方向', '名称', '本周', '上周', '变化']);
    expect(headerOf(sheet(book, '数据缺口'))).toEqual(['类型', '门店 / 导购 / 文件', '说明']);
    expect(headerOf(sheet(book, '备注'))).toEqual(['范围', '亮点', '问题', '下一步']);
  });

  it("writes the stores' figures in yuan with money, percent and integer formats, tier fills and change colours", async () => {
    const { core } = await reviewWorkspace();
    const { book } = await exportBook(core);
    const stores = sheet(book, '门店');
    expect(
      sheetRows(stores)
        .slice(1)
        .map((row) => row.slice(0, 6)),
    ).toEqual([
      ['SH001', '上海静安店', '试验田', 'B 线上化提升', 'B 线上化提升', ''],
      ['SH002', '上海徐汇店', '试验田', 'A 标杆', 'C 业绩提升', '↑ 上升'],
      ['SH003', '杭州西湖店', '第一批推广', 'C 业绩提升', 'A 标杆', '↓ 下降'],
      ['SH004', '南京新街口店', '暂未推广', '无数据', 'B 线上化提升', '本周无数据'],
      ['SH005', '苏州观前店', '第二批推广', 'D 重点帮扶', '无数据', '新有数据'],
    ]);
    const sh001 = findRow(stores, 'SH001');
    const cell = (row: ExcelJS.Row, header: string, occurrence = 1) =>
      row.getCell(columnOf(stores, header, occurrence));
    // Net 340055 fen, +140055 on W46's 200000; gross 350055, refunds 10000.
    expect([cell(sh001, '净销售额').value, cell(sh001, '净销售额').numFmt]).toEqual([3400.55, money]);
    expect([cell(sh001, '较上周').value, cell(sh001, '较上周').numFmt]).toEqual([1400.55, moneyChange]);
    expect(cell(sh001, '较上周').font?.color?.argb).toBe(green);
    expect([cell(sh001, '销售额').value, cell(sh001, '退款金额').value]).toEqual([3500.55, 100]);
    expect(cell(sh001, '销售额').numFmt).toBe(money);
    // Online share 40000 / 340055, last week 0: +11.8 points.
    expect(cell(sh001, '线上占比').value).toBeCloseTo(40000 / 340055, 12);
    expect(cell(sh001, '线上占比').numFmt).toBe(percent);
    expect(cell(sh001, '较上周', 2).value).toBeCloseTo((40000 / 340055) * 100, 9);
    expect(cell(sh001, '较上周', 2).numFmt).toBe(points);
    expect([
      cell(sh001, '新增客户').value,
      cell(sh001, '流失客户').value,
      cell(sh001, '净增客户').value,
      cell(sh001, '订单数').value,
    ]).toEqual([70, 21, 49, 7]);
    expect(cell(sh001, '新增客户').numFmt).toBe(integer);
    expect([cell(sh001, '较上周', 3).value, cell(sh001, '较上周', 3).numFmt]).toEqual([29, integerChange]);
    expect([cell(sh001, '流失率').value, cell(sh001, '流失率').numFmt]).toEqual([0.3, percent]);
    // Not reported is a dash, never 0.
    expect([cell(sh001, '新增会员').value, cell(sh001, '发送消息数').value]).toEqual(['—', '—']);

    // SH003 fell from 200000 to 75000: −¥1,250.00 in red.
    const sh003 = findRow(stores, 'SH003');
    expect([cell(sh003, '净销售额').value, cell(sh003, '较上周').value]).toEqual([750, -1250]);
    expect(cell(sh003, '较上周').font?.color?.argb).toBe(red);

    // Tier cells: coloured text on a tinted fill (B #2080f0 mixed 85 % with white = #DEECFD).
    const tierB = cell(sh001, '分层');
    expect(tierB.font?.color?.argb).toBe('FF2080F0');
    expect(tierB.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEECFD' } });
    expect(cell(sh003, '分层').font?.color?.argb).toBe('FFF0A020');
    expect(cell(findRow(stores, 'SH005'), '分层').font?.color?.argb).toBe('FFD03050');
    // 无数据 has no tier colour.
    expect(cell(findRow(stores, 'SH004'), '分层').fill).toBeUndefined();
  });

  it('writes the overview KPIs row by row in their own units, a rising loss rate in red, and the tier counts', async () => {
    const { core } = await reviewWorkspace();
    const { book } = await exportBook(core);
    const overview = sheet(book, '概览');
    const net = findRow(overview, '净销售额');
    // Pilot 620055 (300000); all 815055 (950000): −134945.
    expect([2, 3, 4, 5, 6, 7].map((column) => net.getCell(column).value)).toEqual([
      6200.55, 3000, 3200.55, 8150.55, 9500, -1349.45,
    ]);
    expect([2, 3, 5, 6].map((column) => net.getCell(column).numFmt)).toEqual([money, money, money, money]);
    expect(net.getCell(4).numFmt).toBe(moneyChange);
    expect(net.getCell(4).font?.color?.argb).toBe(green);
    expect(net.getCell(7).font?.color?.argb).toBe(red);

    const share = findRow(overview, '线上占比');
    // Pilot 140000 / 620055 against 100000 / 300000.
    expect(share.getCell(2).value).toBeCloseTo(140000 / 620055, 12);
    expect(share.getCell(3).value).toBeCloseTo(1 / 3, 12);
    expect(share.getCell(2).numFmt).toBe(percent);
    expect(share.getCell(4).value).toBeCloseTo((140000 / 620055 - 1 / 3) * 100, 9);
    expect(share.getCell(4).numFmt).toBe(points);
    expect(share.getCell(4).font?.color?.argb).toBe(red);

    const added = findRow(overview, '新增客户');
    expect([2, 3, 4].map((column) => added.getCell(column).value)).toEqual([100, 40, 60]);
    expect([added.getCell(2).numFmt, added.getCell(4).numFmt]).toEqual([integer, integerChange]);

    // Loss rate 27 / 100 against 5 / 40: +14.5 points, and a rise is bad.
    const loss = findRow(overview, '流失率');
    expect(loss.getCell(2).value).toBeCloseTo(0.27, 12);
    expect(loss.getCell(3).value).toBeCloseTo(0.125, 12);
    expect(loss.getCell(4).value).toBeCloseTo(14.5, 9);
    expect(loss.getCell(4).font?.color?.argb).toBe(red);

    const tierHeader = findRow(overview, '分层');
    expect((tierHeader.values as unknown[]).slice(1, 5)).toEqual(['分层', '门店数', '上周', '变化']);
    const tierRow = (label: string) => (findRow(overview, label).values as unknown[]).slice(1, 5);
    expect(tierRow('A 标杆')).toEqual(['A 标杆', 1, 1, 0]);
    expect(tierRow('B 线上化提升')).toEqual(['B 线上化提升', 1, 2, -1]);
    expect(tierRow('D 重点帮扶')).toEqual(['D 重点帮扶', 1, 0, 1]);
    expect(tierRow('无数据')).toEqual(['无数据', 1, 1, 0]);
    // More stores needing the most help is bad news; the tiers between are left uncoloured.
    expect(findRow(overview, 'D 重点帮扶').getCell(4).font?.color?.argb).toBe(red);
    expect(findRow(overview, 'B 线上化提升').getCell(4).font?.color?.argb).toBeUndefined();
    expect(overview.getRow(overview.rowCount).getCell(1).value).toBe(
      '分层测试 · 周复盘 2026年第47周 11/16–11/22 · 生成于 2026-11-23 10:00 (UTC)',
    );
    expect(findRow(overview, 'A 标杆').getCell(1).fill).toMatchObject({
      fgColor: { argb: expect.stringMatching(/^FF[0-9A-F]{6}$/) },
    });
  });

  it('writes the guides with rank and padding flags, the movers, the gaps and the notes', async () => {
    const workspace = await reviewWorkspace();
    await withNotes(workspace);
    const { book } = await exportBook(workspace.core);

    const guides = sheet(book, '导购');
    const flags = columnOf(guides, '灌水信号');
    const guide = (staffNo: string) => findRow(guides, staffNo);
    // 工号 stays text, leading zero and all.
    expect(guide('010001').getCell(1).value).toBe('010001');
    expect([
      guide('010001').getCell(5).value,
      guide('010002').getCell(5).value,
      guide('010003').getCell(5).value,
    ]).toEqual([1, 1, 3]);
    expect([guide('010003').getCell(6).value, guide('010003').getCell(6).numFmt]).toEqual([600.55, money]);
    // 010001: 140000 against 200000.
    expect([guide('010001').getCell(7).value, guide('010001').getCell(7).font?.color?.argb]).toEqual([-600, red]);
    expect(guide('010001').getCell(flags).value).toBe('流失率 50.0%（新增 30，流失 15），达到 50% 且新增 ≥ 30');
    expect(guide('010003').getCell(flags).value).toBe(
      '新增客户 40，是前 8 周中位数 13 的 3.1 倍，且高于本店 P90（38）',
    );
    expect(guide('020001').getCell(flags).value).toBe('');
    expect(guide('040001').getCell(5).value).toBe('—');

    const movers = sheet(book, '变化');
    expect(
      sheetRows(movers)
        .slice(1, 11)
        .map((row) => row.slice(0, 3)),
    ).toEqual([
      ['门店 · 净销售额', '上升', 'SH002 上海徐汇店'],
      ['门店 · 净销售额', '上升', 'SH001 上海静安店'],
      ['门店 · 净销售额', '下降', 'SH003 杭州西湖店'],
      ['门店 · 净增客户', '上升', 'SH001 上海静安店'],
      ['门店 · 净增客户', '上升', 'SH002 上海徐汇店'],
      ['导购 · 净销售额', '上升', '刘敏（SH002 上海徐汇店）'],
      ['导购 · 净销售额', '下降', '陈静（SH003 杭州西湖店）'],
      ['导购 · 净销售额', '下降', '王芳（SH001 上海静安店）'],
      ['导购 · 净增客户', '上升', '张伟（SH001 上海静安店）'],
      ['导购 · 净增客户', '上升', '刘敏（SH002 上海徐汇店）'],
    ]);
    const fall = movers.getRow(4);
    expect([fall.getCell(4).value, fall.getCell(5).value, fall.getCell(6).value]).toEqual([750, 2000, -1250]);
    expect([fall.getCell(4).numFmt, fall.getCell(6).numFmt, fall.getCell(6).font?.color?.argb]).toEqual([
      money,
      moneyChange,
      red,
    ]);
    // Contacts are counts, not money.
    const contacts = movers.getRow(5);
    expect([contacts.getCell(4).value, contacts.getCell(5).value, contacts.getCell(6).value]).toEqual([49, 20, 29]);
    expect([contacts.getCell(4).numFmt, contacts.getCell(6).numFmt]).toEqual([integer, integerChange]);
    const movesHeader = findRow(movers, '分层变化的门店');
    expect((movesHeader.values as unknown[]).slice(1)).toEqual(['分层变化的门店', '上周', '本周']);
    const move = (code: string) => {
      const row = findRow(movers, code);
      return [(row.values as unknown[]).slice(1, 4), row.getCell(3).font?.color?.argb];
    };
    expect(move('SH002 上海徐汇店').at(-1)).toBe(green);
    expect(move('SH002 上海徐汇店')[0]).toEqual(['SH002 上海徐汇店', 'C 业绩提升', 'A 标杆 ↑']);
    expect(move('SH003 杭州西湖店')).toEqual([['SH003 杭州西湖店', 'A 标杆', 'C 业绩提升 ↓'], red]);
    expect(move('SH004 南京新街口店')).toEqual([['SH004 南京新街口店', 'B 线上化提升', '无数据'], red]);
    expect(move('SH005 苏州观前店')).toEqual([['SH005 苏州观前店', '无数据', 'D 重点帮扶'], green]);

    expect(sheetRows(sheet(book, '数据缺口')).slice(1)).toEqual([
      ['门店无销售数据', 'SH004 南京新街口店', '本周没有导入销售数据'],
      ['门店销售数据不全', 'SH001 上海静安店', '只有 4/7 天'],
      ['门店销售数据不全', 'SH002 上海徐汇店', '只有 2/7 天'],
      ['门店销售数据不全', 'SH003 杭州西湖店', '只有 2/7 天'],
      ['门店销售数据不全', 'SH005 苏州观前店', '只有 1/7 天'],
      ['门店无企微数据', 'SH003 杭州西湖店', '本周没有企业微信客户统计'],
      ['门店无企微数据', 'SH004 南京新街口店', '本周没有企业微信客户统计'],
      ['门店无企微数据', 'SH005 苏州观前店', '本周没有企业微信客户统计'],
      ['导购无数据', '040001 杨强（SH004）', '在职但本周没有任何数据'],
    ]);

    const notes = sheet(book, '备注');
    expect(sheetRows(notes).slice(1)).toEqual([
      ['整体', '试点净增客户 +73\n第二行', '=1+1 不是公式', '周三前补齐南京新街口店的销售'],
      // The control character (BEL) is dropped: XML 1.0 cannot hold it.
      ['SH003 杭州西湖店', '', '没有企微数据', ''],
    ]);
    expect(notes.getColumn(2).width).toBe(48);
    expect(notes.getColumn(3).alignment?.wrapText).toBe(true);
  });

  it('fits every column to its widest text', async () => {
    const workspace = await reviewWorkspace();
    await withNotes(workspace);
    const { book } = await exportBook(workspace.core);
    for (const worksheet of book.worksheets) {
      worksheet.columns.forEach((column, index) => {
        if (worksheet.name === '备注' && index > 0) return; // Paragraphs wrap in fixed columns.
        let widest = 0;
        column.eachCell?.({ includeEmpty: false }, (cell) => {
          // The overview's footnote spills over the empty cells beside it, as a footnote should.
          if (typeof cell.value === 'string' && cell.value.startsWith(footnote)) return;
          if (typeof cell.value === 'string') widest = Math.max(widest, widthOf(cell.value));
        });
        expect(column.width, `${worksheet.name} column ${index + 1}`).toBeGreaterThanOrEqual(Math.min(60, widest));
        expect(column.width, `${worksheet.name} column ${index + 1}`).toBeLessThanOrEqual(62);
      });
    }
  });

  it('keeps names that look like formulas as text, exactly, and writes no formula anywhere', async () => {
    const workspace = await reviewWorkspace();
    const { core, guideIds, storeIds } = workspace;
    for (const [staffNo, name] of Object.entries(hostileGuides)) {
      const store = staffNo.startsWith('02') ? storeIds.SH002 : storeIds.SH001;
      await callOk(core, 'guides.update', {
        id: guideIds[staffNo] as string,
        staffNo,
        name,
        storeId: store as string,
        role: 'guide',
        hireDate: '2024-03-01',
      });
    }
    await callOk(core, 'stores.update', {
      id: storeIds.SH005 as string,
      code: 'SH005',
      name: hostileStore,
      region: '华东区',
      storeType: 'direct',
      pilotWave: 'wave2',
    });
    await withNotes(workspace);
    const { buffer, book } = await exportBook(core);

    // ExcelJS: the names are plain strings in the guides sheet, exactly as typed.
    const guides = sheet(book, '导购');
    for (const [staffNo, name] of Object.entries(hostileGuides)) {
      const cell = findRow(guides, staffNo).getCell(2);
      expect(cell.type, staffNo).toBe(ExcelJS.ValueType.String);
      expect(cell.value, staffNo).toBe(name);
    }
    expect(findRow(sheet(book, '门店'), 'SH005').getCell(2).value).toBe(hostileStore);
    expect(findRow(sheet(book, '变化'), '=HYPERLINK("http://evil","x")（SH001 上海静安店）', 3).getCell(2).value).toBe(
      '下降',
    );
    for (const worksheet of book.worksheets) {
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${worksheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${worksheet.name}!${cell.address}`).toBeUndefined();
        }),
      );
    }

    // SheetJS, reading formulas: not one cell has one, and every hostile text is a string cell.
    const parsed = XLSX.read(buffer, { type: 'buffer', cellFormula: true });
    expect(parsed.SheetNames).toEqual(sheetNames);
    const strings: string[] = [];
    for (const name of parsed.SheetNames) {
      const worksheet = parsed.Sheets[name] as XLSX.WorkSheet;
      for (const [address, cell] of Object.entries(worksheet)) {
        if (address.startsWith('!')) continue;
        const value = cell as XLSX.CellObject;
        expect(value.f, `${name}!${address}`).toBeUndefined();
        if (value.t === 's') strings.push(String(value.v));
      }
    }
    for (const text of [...Object.values(hostileGuides), hostileStore, '=1+1 不是公式'])
      expect(strings).toContain(text);

    // And in the file itself: no <f> element in any sheet.
    const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
    const sheetParts = zip.FullPaths.filter((path: string) => /\/xl\/worksheets\/sheet\d+\.xml$/.test(path));
    expect(sheetParts).toHaveLength(6);
    for (const part of sheetParts) {
      const xml = Buffer.from(XLSX.CFB.find(zip, part)?.content as Uint8Array).toString('utf8');
      expect(xml, part).not.toMatch(/<f[\s>/]/);
    }
  });

  it('exports a workspace without stores: every sheet there, dashes for what nobody reported, the gaps sheet says complete', async () => {
    const core = createTestCore();
    await callOk(core, 'workspace.create', { name: '空的', region: '华东' });
    const { book } = await exportBook(core);
    expect(book.worksheets.map((worksheet) => worksheet.name)).toEqual(sheetNames);
    expect((findRow(sheet(book, '概览'), '净销售额').values as unknown[]).slice(1)).toEqual([
      '净销售额',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(headerOf(sheet(book, '概览'))[1]).toBe('试点门店（0）本周');
    expect(sheetRows(sheet(book, '门店'))).toHaveLength(1);
    expect(sheetRows(sheet(book, '导购'))).toHaveLength(1);
    expect(sheetRows(sheet(book, '数据缺口')).slice(1)).toEqual([['无', '', '本周数据完整']]);
    expect(sheetRows(sheet(book, '备注')).slice(1)).toEqual([['整体', '', '', '']]);
    expect(core.internalErrors).toEqual([]);
  });

  it("rebuilds a snapshot's workbook with the same sheets and values", async () => {
    const { core } = await reviewWorkspace();
    const exported = await callOk(core, 'review.export', { week });
    const again = await callOk(core, 'review.snapshotWorkbook', { id: exported.snapshot.id });
    expect(again.fileName).toBe(exported.fileName);
    const first = await loadWorkbook(exported.contentBase64);
    const second = await loadWorkbook(again.contentBase64);
    for (const name of sheetNames) expect(sheetRows(sheet(second, name)), name).toEqual(sheetRows(sheet(first, name)));
  });
});
