import { expect, openConsole, test } from './fixtures';
import { StoresPage } from './pages/stores-page';

test('find a store, open it and see its guides', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.expectCount(16);
  await expect(stores.table.locator('.n-base-loading')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/stores.png' });

  await stores.search('静安');
  await stores.expectCount(1);
  await stores.row('SH001').click();
  const detail = page.getByTestId('store-detail');
  await expect(detail).toContainText('上海静安嘉里店');
  await expect(detail).toContainText('店长');
  await expect(detail.getByTestId('guides-table').locator('tbody tr').first()).toBeVisible();
});

test('filters narrow the table by rollout wave and store type', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.expectCount(16);
  await page.getByTestId('filter-wave').click();
  await page
    .locator('.n-base-select-option')
    .filter({ hasText: /^试验田$/ })
    .click();
  await stores.expectCount(12);
  await expect(stores.row('SH008')).toHaveCount(0);
});

test('a duplicate store code is refused under the code field, and nothing is saved', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.openNewStoreForm();
  await stores.fillStore({ code: 'SH001', name: '上海新天地店', region: '上海区' });
  await stores.save();
  await expect(stores.fieldFeedback('门店编码')).toContainText('已被「上海静安嘉里店」使用');
  await expect(stores.form).toBeVisible();

  await stores.form.getByTestId('store-code').locator('input').fill('SH010');
  await stores.save();
  await expect(stores.form).toBeHidden();
  await stores.expectCount(17);
  await expect(stores.row('SH010')).toContainText('上海新天地店');
});

test('archiving a store keeps it, behind the status filter, and it can be restored', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.row('HZ007').getByRole('button', { name: '归档' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '归档' }).click();
  await stores.expectCount(15);

  await page.locator('.n-select').filter({ hasText: '正常' }).click();
  await page
    .locator('.n-base-select-option')
    .filter({ hasText: /^已归档$/ })
    .click();
  await stores.expectCount(1);
  await stores.row('HZ007').getByRole('button', { name: '恢复' }).click();
  await stores.expectCount(0);
});

test('hidden columns stay hidden after a reload', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await expect(stores.table.locator('th').filter({ hasText: '开业日期' })).toHaveCount(1);
  await page.getByTestId('column-settings').click();
  await page.getByRole('checkbox', { name: '开业日期' }).click();
  await expect(stores.table.locator('th').filter({ hasText: '开业日期' })).toHaveCount(0);
  await page.reload();
  await expect(stores.row('SH001')).toBeVisible();
  await expect(stores.table.locator('th').filter({ hasText: '开业日期' })).toHaveCount(0);
});

test('Ctrl+K finds a guide by staff number and goes to their store', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  await expect(page.getByTestId('store-row-SH001')).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('command-palette')).toBeVisible();
  await page.getByTestId('palette-input').locator('input').fill('010201');
  await expect(page.getByTestId('palette-item').first()).toContainText('010201');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('store-detail')).toContainText('SH003');
});

test('stores move into a rollout wave together, after a confirmation, and the move can be undone', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.expectCount(16);
  for (const code of ['SH008', 'SH009']) await stores.row(code).locator('.n-checkbox').click();
  await expect(page.getByTestId('bulk-actions')).toContainText('已选 2 家门店');
  await page.getByTestId('bulk-wave').click();
  await page
    .locator('.n-base-select-option')
    .filter({ hasText: /^试验田$/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText('将 2 家门店设为「试验田」');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.getByTestId('wave-change')).toContainText('已将 2 家门店设为「试验田」');
  await expect(stores.row('SH008')).toContainText('试验田');

  await page.getByTestId('filter-wave').click();
  await page
    .locator('.n-base-select-option')
    .filter({ hasText: /^试验田$/ })
    .click();
  await stores.expectCount(14);
  await page.getByTestId('undo-waves').click();
  await stores.expectCount(12);
});
