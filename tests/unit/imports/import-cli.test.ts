import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { xlsxFromRows } from '../../support/spreadsheets';
import { demoWorkspaceCopy, fixedNow } from '../../support/workspaces';
import { queryFile } from '../helpers/sqlite-file';
import { tempDir } from '../helpers/temp-dir';
import { contactExport, posExport, textCell } from './helpers/import-files';
import { recordsDigest } from './helpers/import-harness';

/** `pilotdesk import` as a script runs it: arguments in, printed lines and an exit code out. */
async function pilotdesk(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilInterrupted: () => new Promise(() => {}),
    now: () => new Date(fixedNow.getTime()),
    locale: 'zh-CN',
  };
  const code = await runCli(argv, io);
  return { code, out, err, json: () => out.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A demo workspace copy and a folder for the files to import. */
function setUp() {
  const dir = tempDir();
  const workspace = demoWorkspaceCopy(join(dir, 'ws'));
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  return { dir, workspace, write };
}

const documentedKeys = ['file', 'kind', 'sheet', 'headerRow', 'period', 'mapping', 'rows', 'unmatched', 'errors'];
const week = { from: '2026-11-16', to: '2026-11-22' };

/** A POS export with three rows for 2026-09-18 (before the demo's weeks): two good, one for nobody. */
function salesFile() {
  return posExport([
    { date: '2026-09-18', storeCode: 'SH001', staffNo: '010001', channel: '门店', orders: 2, grossSales: '￥1,234.50' }, // row 4
    { date: '2026-09-18', storeCode: 'SH001', staffNo: '010002', channel: '小程序', orders: 1, grossSales: 56 }, // row 5
    {
      date: '2026-09-18',
      storeCode: 'SH001',
      staffNo: '999999',
      guideName: '赵无名',
      channel: '门店',
      orders: 1,
      grossSales: 9,
    }, // row 6
  ]);
}

const contactRows = [
  ['王芳', '品牌/华东区/上海静安嘉里店', 5, 4, 12, 48, '80.00%', '1小时5分钟', 0],
  ['王芳', '品牌/华东区/杭州湖滨银泰店', 7, 6, 18, 72, '85.71%', '5分钟', 1],
];

const backfilled = (workspace: string) =>
  queryFile<{ staffNo: string; channel: string; fen: number }>(
    workspace,
    `SELECT g.staff_no AS staffNo, f.channel, f.gross_sales_fen AS fen FROM sales_facts f JOIN guides g ON g.id = f.guide_id
     WHERE f.date = '2026-09-18' ORDER BY g.staff_no`,
  );

const contactsIn = (workspace: string, period: { from: string; to: string }) =>
  queryFile(workspace, 'SELECT count(*) AS n FROM contact_facts WHERE period_from = ? AND period_to = ?', [
    period.from,
    period.to,
  ])[0];

describe('pilotdesk import', () => {
  it('prints one JSON object per file with the documented keys and exits 0 when some rows were rejected', async () => {
    const { workspace, write } = setUp();
    const sales = write('门店销售.xlsx', salesFile());
    const contacts = write('联系客户统计.xlsx', contactExport(contactRows, { period: week }));

    const { code, json, err } = await pilotdesk(['import', sales, contacts, '--workspace', workspace, '--json']);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    const [salesReport, contactReport] = json() as [Record<string, unknown>, Record<string, unknown>];
    expect(json()).toHaveLength(2);
    for (const report of json()) {
      expect(Object.keys(report)).toEqual(expect.arrayContaining(documentedKeys));
      expect(Object.keys(report.rows as object).sort()).toEqual([
        'imported',
        'read',
        'rejected',
        'unchanged',
        'updated',
      ]);
      expect(Object.keys(report.unmatched as object).sort()).toEqual(['guides', 'stores']);
      for (const error of report.errors as object[])
        expect(Object.keys(error).sort()).toEqual(['code', 'column', 'message', 'row', 'value']);
    }
    expect(salesReport).toMatchObject({
      file: '门店销售.xlsx',
      kind: 'sales',
      sheet: '销售明细',
      headerRow: 3,
      period: null,
      rows: { read: 3, imported: 2, updated: 0, unchanged: 0, rejected: 1 },
      unmatched: { guides: ['赵无名（999999）'], stores: [] },
      errors: [
        {
          row: 6,
          column: '导购工号',
          value: '999999',
          code: 'unknownGuide',
          message: expect.stringContaining('999999'),
        },
      ],
    });
    expect((salesReport.mapping as Record<string, string | null>)['成交金额']).toBe('grossSales');
    expect(contactReport).toMatchObject({
      file: '联系客户统计.xlsx',
      kind: 'wecom-contacts',
      period: week,
      rows: { read: 2, imported: 2, rejected: 0 },
      errors: [],
    });

    expect(backfilled(workspace)).toEqual([
      { staffNo: '010001', channel: 'pos', fen: 123450 },
      { staffNo: '010002', channel: 'miniProgram', fen: 5600 },
    ]);
    expect(contactsIn(workspace, week)).toEqual({ n: 2 });
    expect(
      queryFile(
        workspace,
        "SELECT source, file_name AS fileName FROM import_batches WHERE kind <> 'demo' ORDER BY file_name",
      ),
    ).toEqual([
      { source: 'cli', fileName: '联系客户统计.xlsx' },
      { source: 'cli', fileName: '门店销售.xlsx' },
    ]);
  });

  it('prints a line a person can read without --json', async () => {
    const { workspace, write } = setUp();
    const { code, out } = await pilotdesk(['import', write('门店销售.xlsx', salesFile()), '--workspace', workspace]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('读取 3 行：新增 2，更新 0，未变 0，未导入 1');
    expect(out.join('\n')).toContain('第 6 行「导购工号」');
  });

  it.each([
    ['a damaged workbook', 'broken.xlsx', () => salesFile().subarray(0, 700)],
    [
      'a picture named .xlsx',
      'photo.xlsx',
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    ],
    ['an empty file', 'empty.csv', () => new Uint8Array(0)],
  ])('exits 2 for %s, prints {file, error} and writes nothing', async (_what, name, bytes) => {
    const { workspace, write } = setUp();
    const before = recordsDigest(workspace);
    const { code, json } = await pilotdesk(['import', write(name, bytes()), '--workspace', workspace, '--json']);
    expect(code).toBe(2);
    expect(json()).toEqual([{ file: name, error: expect.any(String) }]);
    expect(json()[0]!.error).toContain(name);
    expect(recordsDigest(workspace)).toBe(before);
  });

  it('exits 2 for a file that does not exist, and still imports the others named with it', async () => {
    const { dir, workspace, write } = setUp();
    const sales = write('门店销售.xlsx', salesFile());
    const { code, json } = await pilotdesk([
      'import',
      join(dir, 'missing.xlsx'),
      sales,
      '--workspace',
      workspace,
      '--json',
    ]);
    expect(code).toBe(2);
    expect(json()).toEqual([
      { file: 'missing.xlsx', error: expect.any(String) },
      expect.objectContaining({ file: '门店销售.xlsx', rows: expect.objectContaining({ imported: 2 }) }),
    ]);
    expect(backfilled(workspace)).toHaveLength(2);
  });

  it.each([
    ['no file', (workspace: string) => ['import', '--workspace', workspace], 'at least one file'],
    [
      'an unknown --kind',
      (workspace: string, file: string) => ['import', file, '--workspace', workspace, '--kind', 'payroll'],
      '--kind',
    ],
    [
      'a bad --period',
      (workspace: string, file: string) => ['import', file, '--workspace', workspace, '--period', 'last week'],
      '--period',
    ],
    [
      'an unknown flag',
      (workspace: string, file: string) => ['import', file, '--workspace', workspace, '--force'],
      '--force',
    ],
  ])('exits 1 on a usage error (%s) and writes nothing', async (_what, argv, mentions) => {
    const { workspace, write } = setUp();
    const before = recordsDigest(workspace);
    const { code, out, err } = await pilotdesk(argv(workspace, write('门店销售.xlsx', salesFile())));
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(mentions);
    expect(recordsDigest(workspace)).toBe(before);
  });

  it('--dry-run reports what it would do and writes nothing', async () => {
    const { workspace, write } = setUp();
    const before = recordsDigest(workspace);
    const { code, json } = await pilotdesk([
      'import',
      write('门店销售.xlsx', salesFile()),
      '--workspace',
      workspace,
      '--json',
      '--dry-run',
    ]);
    expect(code).toBe(0);
    expect(json()[0]).toMatchObject({ rows: { read: 3, imported: 2, rejected: 1 }, importId: null });
    expect(recordsDigest(workspace)).toBe(before);
  });

  it('needs --period for a contacts file without its 统计时间 line, and takes an ISO week', async () => {
    const { workspace, write } = setUp();
    const contacts = write('联系客户统计.xlsx', contactExport(contactRows));
    const before = recordsDigest(workspace);

    const refused = await pilotdesk(['import', contacts, '--workspace', workspace, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.json()[0]).toMatchObject({
      kind: 'wecom-contacts',
      period: null,
      missingRequired: ['period'],
      rows: { read: 2, rejected: 2 },
    });
    expect(recordsDigest(workspace)).toBe(before);

    const { code, json } = await pilotdesk([
      'import',
      contacts,
      '--workspace',
      workspace,
      '--json',
      '--period',
      '2026-W47',
    ]);
    expect(code).toBe(0);
    expect(json()[0]).toMatchObject({ period: week, rows: { read: 2, imported: 2 } });
    expect(contactsIn(workspace, week)).toEqual({ n: 2 });
  });

  it('--kind imports a file as the kind named rather than the kind it looks like', async () => {
    const { workspace, write } = setUp();
    // Group owners' message counts by day: the headers fit the daily template best.
    const bytes = xlsxFromRows([
      {
        name: 'Sheet1',
        rows: [
          ['日期', '群主', '所在部门', '朋友圈发布数', '社群消息数', '新增客户数'],
          ['2026-11-20', '王芳', '品牌/华东区/杭州湖滨银泰店', 3, 37, 2],
        ],
      },
    ]);
    const path = write('群统计.xlsx', bytes);

    const detected = await pilotdesk(['import', path, '--workspace', workspace, '--json', '--dry-run']);
    expect(detected.json()[0]).toMatchObject({ kind: 'daily' });

    const { code, json } = await pilotdesk([
      'import',
      path,
      '--workspace',
      workspace,
      '--json',
      '--kind',
      'wecom-groups',
    ]);
    expect(code).toBe(0);
    expect(json()[0]).toMatchObject({ kind: 'wecom-groups', rows: { read: 1, imported: 1 } });
    expect(
      queryFile(
        workspace,
        'SELECT g.staff_no AS staffNo, f.date, f.group_messages AS messages FROM group_facts f JOIN guides g ON g.id = f.guide_id',
      ),
    ).toEqual([
      {
        staffNo: queryFile<{ staffNo: string }>(
          workspace,
          "SELECT g.staff_no AS staffNo FROM guides g JOIN stores s ON s.id = g.store_id WHERE g.name = '王芳' AND s.code = 'HZ001'",
        )[0]!.staffNo,
        date: '2026-11-20',
        messages: 37,
      },
    ]);
  });

  it('--sheet picks the sheet to import; a sheet the file lacks is exit 2 and writes nothing', async () => {
    const { workspace, write } = setUp();
    const header = ['日期', '门店编码', '导购工号', '渠道', '成交金额'];
    const bytes = xlsxFromRows([
      { name: '上周', rows: [header, ['2026-09-18', 'SH001', textCell('010001'), '门店', 100]] },
      {
        name: '本周',
        rows: [
          header,
          ['2026-09-18', 'SH001', textCell('010002'), '门店', 200],
          ['2026-09-18', 'SH001', textCell('010003'), '门店', 300],
        ],
      },
    ]);
    const path = write('两周销售.xlsx', bytes);
    const before = recordsDigest(workspace);

    const missing = await pilotdesk(['import', path, '--workspace', workspace, '--json', '--sheet', '下周']);
    expect(missing.code).toBe(2);
    expect(missing.json()).toEqual([{ file: '两周销售.xlsx', error: expect.stringContaining('下周') }]);
    expect(recordsDigest(workspace)).toBe(before);

    const { code, json } = await pilotdesk(['import', path, '--workspace', workspace, '--json', '--sheet', '本周']);
    expect(code).toBe(0);
    expect(json()[0]).toMatchObject({ sheet: '本周', rows: { read: 2, imported: 2 } });
    expect(backfilled(workspace).map((fact) => fact.staffNo)).toEqual(['010002', '010003']);
  });
});
