import { expect, openConsole, test } from './fixtures';
import { StoresPage } from './pages/stores-page';
import { WelcomePage } from './pages/welcome-page';

test('the first run offers the demo, and the demo opens on its dashboard with a sample-data banner', async ({
  page,
  firstRun,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, firstRun);
  const welcome = new WelcomePage(page);
  await welcome.expectShown();
  await welcome.openDemo();

  const stores = new StoresPage(page);
  await expect(page.getByTestId('demo-banner')).toContainText('示例数据');
  await expect(page.getByTestId('dashboard')).toContainText('本周概览');
  await stores.goto();
  await stores.expectCount(16);
  await expect(stores.row('SH001')).toContainText('上海静安嘉里店');
  await expect(page.getByTestId('workspace-name')).toHaveText('华东试验田（示例）');
});

test('creating an empty workspace leads to an empty stores page that teaches what to do', async ({
  page,
  firstRun,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, firstRun);
  const welcome = new WelcomePage(page);
  await welcome.expectShown();
  await page.getByTestId('create-empty').click();
  await page.getByTestId('workspace-create-submit').click();
  await expect(page.getByTestId('create-workspace-form')).toContainText('必填');

  await page.getByTestId('workspace-name-input').locator('input').fill('杭州加盟店');
  await page.getByTestId('workspace-region-input').locator('input').fill('浙江区');
  await page.getByTestId('workspace-create-submit').click();
  await expect(page.getByText('还没有门店')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
});

test('a reload keeps the open workspace, and closing it returns to the welcome screen', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo);
  await expect(page.getByTestId('workspace-name')).toHaveText('华东试验田（示例）');
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('华东试验田（示例）');
  await page.getByTestId('sidebar').getByText('设置').click();
  await page.getByTestId('close-workspace').click();
  await new WelcomePage(page).expectShown();
});
