import { expect, openConsole, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { StoresPage } from './pages/stores-page';

test('switch to English and dark: the choice persists after a reload', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseEnglish();
  await expect(page.getByTestId('sidebar')).toContainText('Stores');
  await expect(page.getByTestId('sidebar')).toContainText('Guides');
  await settings.chooseDark();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  const stores = new StoresPage(page);
  await stores.goto();
  await expect(stores.table.locator('th').filter({ hasText: 'Store code' })).toBeVisible();
  await stores.expectCount(16);
  const background = await page
    .locator('.n-layout')
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
});
