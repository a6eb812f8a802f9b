import { describe, expect, it } from 'vitest';
import { PilotDeskError } from '../../../src/shared/api/result';
import { describeError } from '../../../src/shared/i18n/translate';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { fileHashOf, planImport } from '../../../src/core/imports/plan-import';
import { readWorkbook } from '../../../src/core/imports/read-workbook';
import { xlsxFromRows } from '../../support/spreadsheets';
import { demoWorkspaceCopy, tempDir } from '../../support/workspaces';

// Two header-like rows: a summary block whose headers a template also knows, then the real table.
const bytes = xlsxFromRows([
  {
    name: '销售',
    rows: [
      ['日期', '成交金额'],
      ['2026-11-16~22', '99999'],
      [],
      ['日期', '门店编码', '导购工号', '渠道', '订单数', '成交金额'],
      ['2026-11-18', 'SH001', '010001', '门店', 3, '1680.00'],
      ['2026-11-18', 'SH001', '010002', '小程序', 1, '299.00'],
    ],
  },
]);

function plan(headerRow?: number) {
  const db = openWorkspaceDatabase(demoWorkspaceCopy(tempDir()));
  try {
    return planImport(
      db,
      readWorkbook(bytes, 'sales.xlsx'),
      fileHashOf(bytes),
      { createMissing: false, kind: 'sales', headerRow },
      {
        today: '2026-11-23',
        workspaceRegion: '华东',
        now: new Date('2026-11-23T10:00:00+08:00'),
      },
    ).report;
  } finally {
    db.close();
  }
}

describe('choosing the header row', () => {
  it('reads the table from the row the user names, counting only the rows below it', () => {
    const report = plan(4);
    expect(report.headerRow).toBe(4);
    expect(report.mapping).toMatchObject({ 门店编码: 'storeCode', 导购工号: 'staffNo', 成交金额: 'grossSales' });
    expect(report.rows).toMatchObject({ read: 2, rejected: 0 });
  });

  it('refuses a row that holds no headers, saying which row', () => {
    let refusal: unknown;
    try {
      plan(5);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PilotDeskError);
    expect(describeError('zh-CN', refusal)).toContain('第 5 行不像表头');
  });
});
