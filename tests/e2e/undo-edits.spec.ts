import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../../src/shared/guides/guide-schema';
import { tempDir } from '../support/workspaces';
import { textCell, xlsxFromRows } from '../support/spreadsheets';
import { expect, openConsole, test } from './fixtures';
import { GuidesPage } from './pages/guides-page';
import { ImportsPage } from './pages/imports-page';

test('undoing a roster import keeps a phone number edited by hand after it', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  const listed = await demo.core.dispatcher.call('guides.list', {});
  if (!listed.ok) throw new Error('guides.list failed');
  const guide = (listed.data as Guide[]).find((each) => each.staffNo === '010002');
  if (!guide) throw new Error('no guide 010002 in the demo');

  // A roster that makes 010002 a store manager with a new phone number.
  const file = join(tempDir(), '花名册更新.xlsx');
  writeFileSync(
    file,
    xlsxFromRows([
      {
        name: '花名册',
        rows: [
          ['工号', '姓名', '门店编码', '岗位', '手机号', '在职状态'],
          [textCell('010002'), guide.name, guide.storeCode, '店长', textCell('13700000001'), '在职'],
        ],
      },
    ]),
  );
  await openConsole(page, demo);
  const imports = new ImportsPage(page);
  await imports.goto();
  await imports.chooseFiles([file]);
  // Every column is known, so the wizard goes straight to the preview.
  await expect(imports.count('updated')).toHaveText('1');
  await imports.commit();

  // The trainer then corrects the phone number by hand.
  const guides = new GuidesPage(page);
  await guides.goto();
  await guides.search('010002');
  await expect(guides.row('010002')).toContainText('13700000001');
  await expect(guides.row('010002')).toContainText('店长');
  await guides.edit('010002');
  await guides.field('guide-phone').fill('13912345678');
  await guides.save();
  await expect(guides.form).toBeHidden();

  await imports.goto();
  await imports.openHistory();
  await page.getByTestId('undo-花名册更新.xlsx').click();
  const dialog = page.getByTestId('undo-dialog');
  await expect(dialog).toContainText('导入之后，有 1 行又被修改过');
  const edit = dialog.getByTestId(`later-edit-${guide.id}`);
  await expect(edit).toContainText(`010002 ${guide.name}`);
  await expect(edit).toContainText('手机号');
  await expect(edit).toContainText('13700000001');
  await expect(edit).toContainText('13912345678');
  await expect(dialog.getByTestId('undo-keep').locator('input')).toBeChecked();
  await dialog.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('保留了 1 行在导入之后的修改')).toBeVisible();
  const history = page.getByTestId('import-history');
  await expect(history.locator('tr').filter({ hasText: '花名册更新.xlsx' })).toContainText('已撤销');

  // The hand-made phone stays; what the roster changed and nobody touched since is undone.
  await guides.goto();
  await guides.search('010002');
  await expect(guides.row('010002')).toContainText('13912345678');
  await expect(guides.row('010002')).not.toContainText('店长');
});

test('a tier-rule change can be undone right after it, and later from the tiers page', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo);
  await page.getByTestId('sidebar').getByText('分层').click();
  await expect(page.getByTestId('week-rule')).toContainText('中位数');
  await expect(page.getByTestId('tier-rule-undo')).toHaveCount(0);

  await page.getByTestId('tier-kind').getByText('固定目标').click();
  await page.getByTestId('sales-target-0').locator('input').fill('100000');
  await page.getByTestId('share-target-0').locator('input').fill('20');
  await page.getByTestId('tier-preview').click();
  await page.getByTestId('tier-apply').click();
  await expect(page.getByTestId('week-rule')).toContainText('固定目标');
  await expect(page.getByTestId('tier-rule-undo')).toContainText('¥100,000.00 / 20.0%');

  // Later: another page, then back to the tiers page, where the change can still be undone.
  await page.getByTestId('sidebar').getByText('首页').click();
  await expect(page.getByTestId('kpi-cards')).toBeVisible();
  await page.getByTestId('sidebar').getByText('分层').click();
  await page.getByTestId('tier-undo').click();
  await expect(page.getByText('已撤销分层规则更改')).toBeVisible();
  await expect(page.getByTestId('week-rule')).toContainText('中位数');
  await expect(page.getByTestId('week-rule')).not.toContainText('沿用旧规则');
  await expect(page.getByTestId('tier-rule-undo')).toHaveCount(0);
});
