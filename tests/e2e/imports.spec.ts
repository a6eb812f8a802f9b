import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/workspaces';
import { expect, openConsole, test } from './fixtures';
import { ImportsPage } from './pages/imports-page';
import { salesExport, xlsxFromRows } from '../support/spreadsheets';

test('import a sales file: fix a mapping, see a rejected row, commit, then undo', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  const dir = tempDir();
  const file = join(dir, '十一月第三周销售.xlsx');
  // A POS export whose amount column is called 业绩金额, which no template knows.
  writeFileSync(
    file,
    xlsxFromRows([
      {
        name: '销售明细',
        rows: [
          ['华东区导购销售日报'],
          ['日期', '门店编码', '导购工号', '导购姓名', '渠道', '订单数', '业绩金额'],
          ['2026-11-18', 'SH001', '010001', '', '门店', 3, '￥1,680.00'],
          ['2026-11-18', 'SH001', '010002', '', '小程序', 1, '299.00'],
          ['2026-11-18', 'SH001', '999999', '陌生人', '门店', 1, '88.00'],
          ['合计', '', '', '', '', 5, '2067.00'],
        ],
      },
    ]),
  );

  await openConsole(page, demo);
  const imports = new ImportsPage(page);
  await imports.goto();
  await imports.chooseFiles([file]);
  await expect(page.getByTestId('import-missing')).toContainText('成交金额');
  await imports.mapColumn('业绩金额', '成交金额');
  await expect(page.getByTestId('import-missing')).toHaveCount(0);
  await page.getByTestId('import-to-preview').click();

  await expect(imports.count('read')).toHaveText('3');
  await expect(imports.count('rejected')).toHaveText('1');
  await expect(imports.rejectedTable()).toContainText('找不到导购「陌生人（999999）」');
  await expect(imports.rejectedTable()).toContainText('5');
  await imports.commit();
  await expect(page.getByTestId('import-done')).toContainText('更新 2 行');

  await imports.openHistory();
  const history = page.getByTestId('import-history');
  await expect(history).toContainText('十一月第三周销售.xlsx');
  await page.getByTestId('undo-十一月第三周销售.xlsx').click();
  await expect(page.getByRole('dialog')).toContainText('恢复为导入前的值');
  await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
  await expect(history.locator('tr').filter({ hasText: '十一月第三周销售.xlsx' })).toContainText('已撤销');
});

test('a spreadsheet dropped anywhere on the window opens the import wizard with it', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  const dir = tempDir();
  const file = join(dir, 'pos.xlsx');
  writeFileSync(
    file,
    salesExport({
      rows: [
        {
          date: '2026-11-19',
          storeCode: 'SH002',
          storeName: '上海徐汇日月光店',
          staffNo: '010101',
          guideName: '',
          channel: '门店',
          orders: 2,
          grossSales: 520,
        },
      ],
    }),
  );
  await openConsole(page, demo);
  const bytes = Array.from(readFileSync(file));
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File([new Uint8Array(content)], 'pos.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    return transfer;
  }, bytes);
  await expect(page.getByTestId('kpi-cards')).toBeVisible();
  await page.getByTestId('dashboard').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(new ImportsPage(page).count('read')).toHaveText('1');
});

test('a file that is not a spreadsheet is refused with the reason, and the wizard stays ready', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  const file = join(tempDir(), '周报.xlsx');
  writeFileSync(file, '这不是表格\n只是文字\n');
  await openConsole(page, demo);
  const imports = new ImportsPage(page);
  await imports.goto();
  await imports.chooseFiles([file]);
  await expect(page.locator('.n-message')).toContainText('纯文本');
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();
});
