import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { xlsxFromRows } from '../support/spreadsheets';
import { tempDir } from '../support/workspaces';
import { expect, openConsole, test, type ConsoleServer } from './fixtures';
import { ImportsPage } from './pages/imports-page';
import { SettingsPage } from './pages/settings-page';
import { StoresPage } from './pages/stores-page';

/**
 * Chinese characters: none may reach an English page from the core. (Full-width punctuation in
 * the renderer's own formatting, "名称：值", is not the core's and is not checked here.)
 */
const cjk = /[\u3400-\u9fff]/;

/**
 * What the user typed is not ours to translate: store, guide, dealer and workspace names,
 * regions and cities. The core is asked for them, and they are cut from the text before the check.
 */
async function userData(server: ConsoleServer): Promise<string[]> {
  const call = async <T>(operation: string, input?: unknown): Promise<T> => {
    const result = await server.core.dispatcher.call(operation, input);
    if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
    return result.data as T;
  };
  const stores =
    await call<{ name: string; region: string; city: string | null; dealerName?: string | null }[]>('stores.list');
  const guides = await call<{ name: string; storeName?: string }[]>('guides.list');
  const dealers = await call<{ name: string }[]>('dealers.list');
  const workspace = await call<{ name: string; region: string; path?: string } | null>('workspace.current');
  // Tier names, playbooks and checklists are the workspace's own words, edited on the tiers page.
  const tiers = await call<{ profiles: Record<string, { name: string; playbook: string; checklist: string[] }[]> }>(
    'tiers.settings',
  );
  const tierWords = Object.values(tiers.profiles)
    .flat()
    .flatMap((profile) => [profile.name, profile.playbook, ...profile.checklist]);
  const words = [
    ...stores.flatMap((store) => [store.name, store.region, store.city ?? '', store.dealerName ?? '']),
    ...guides.flatMap((guide) => [guide.name, guide.storeName ?? '']),
    ...dealers.map((dealer) => dealer.name),
    workspace?.name ?? '',
    workspace?.region ?? '',
    workspace?.path ?? '',
    ...tierWords,
    // The language picker names each language in itself.
    '简体中文',
  ].filter((word) => word.length > 0);
  // Longest first, so a store name is cut whole before the city inside it.
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

function withoutUserData(text: string, words: readonly string[]): string {
  return words.reduce((rest, word) => rest.split(word).join(' '), text);
}

async function expectNoChinese(locator: Locator, words: readonly string[], where: string): Promise<void> {
  await expect(locator.first()).toBeVisible();
  const texts = await locator.allInnerTexts();
  const rest = withoutUserData(texts.join('\n'), words);
  const lines = rest.split('\n').filter((line) => cjk.test(line));
  expect(lines, `Chinese on the English ${where}`).toEqual([]);
}

async function go(page: Page, label: RegExp): Promise<void> {
  await page.getByTestId('sidebar').getByText(label).click();
}

test('in English, no Chinese from the core reaches any page, toast or field', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  const words = await userData(demo);
  await openConsole(page, demo);
  const settings = new SettingsPage(page);
  await settings.goto();
  await settings.chooseEnglish();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const content = page.locator('.content');

  // Settings, with the backups the demo keeps.
  await expectNoChinese(content, words, 'settings page');

  await go(page, /^Dashboard$/);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expectNoChinese(content, words, 'dashboard');

  const stores = new StoresPage(page);
  await stores.goto();
  await stores.expectCount(16);
  await expectNoChinese(content, words, 'stores page');

  // A field error from the core: a store code another store already has.
  await stores.openNewStoreForm();
  await stores.fillStore({ code: 'SH001', name: 'Duplicate code store', region: 'East' });
  await stores.save();
  const feedback = stores.fieldFeedback('Store code');
  await expect(feedback).toContainText('Already used by');
  await expectNoChinese(feedback, words, 'store form');
  await page.keyboard.press('Escape');

  await stores.row('SH001').click();
  await expect(page).toHaveURL(/#\/stores\//);
  await expectNoChinese(content, words, 'store page');

  await go(page, /^Guides$/);
  await expect(page).toHaveURL(/#\/guides/);
  await expectNoChinese(content, words, 'guides page');

  await go(page, /^Tiers$/);
  await expect(page).toHaveURL(/#\/tiers/);
  await expectNoChinese(content, words, 'tiers page');

  // The review, with its padding flags and the sentence behind each.
  await go(page, /^Weekly review$/);
  await expect(page.getByTestId('review-page')).toBeVisible();
  await page.getByTestId('flagged-only').click();
  const guides = page.getByTestId('review-guides');
  await expect(guides.locator('tbody tr')).toHaveCount(1);
  await expect(guides).toContainText('High loss');
  await guides.locator('.flag').first().hover();
  const tooltip = page.locator('.n-tooltip');
  await expect(tooltip).toContainText('Loss rate');
  await expectNoChinese(tooltip, words, 'padding flag');
  await expectNoChinese(page.getByTestId('review-page'), words, 'review page');

  // An import with rejected rows: reasons in English. The headers are the file's own (the
  // Chinese an export really has), so only the reasons are checked.
  const dir = tempDir();
  const file = join(dir, 'sales-week-47.xlsx');
  writeFileSync(
    file,
    xlsxFromRows([
      {
        name: 'Sales',
        rows: [
          ['日期', '门店编码', '导购工号', '导购姓名', '渠道', '订单数', '成交金额'],
          ['2026-11-18', 'SH001', '010001', '', '门店', 3, '1680.00'],
          ['2026-11-18', 'SH001', '999999', 'Stranger', '门店', 1, '88.00'],
          ['2026-11-18', 'SH001', '010002', '', '门店', 'many', '10.00'],
          ['2026-11-18', 'ZZ999', '010003', '', '门店', 1, '10.00'],
        ],
      },
    ]),
  );
  const imports = new ImportsPage(page);
  await imports.goto();
  // An error toast from the core: a picture named .xlsx is refused, in English.
  const picture = join(dir, 'photo.xlsx');
  writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(64).fill(0)]));
  await imports.chooseFiles([picture]);
  const toast = page.locator('.n-message--error-type');
  await expect(toast).toContainText('is not a spreadsheet (it looks like a PNG image)');
  await expectNoChinese(toast, words, 'error toast');
  // The wizard stays ready for the next file.
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();

  // Every header is one the sales template knows: the wizard goes straight to the preview.
  await imports.chooseFiles([file]);
  await expect(imports.count('rejected')).toHaveText('3');
  const reasons = imports.rejectedTable().locator('tbody tr td:last-child');
  await expect(reasons).toHaveCount(3);
  await expect(imports.rejectedTable()).toContainText('No guide “Stranger');
  await expect(imports.rejectedTable()).toContainText('Not a number');
  await expectNoChinese(reasons, words, 'rejected rows');
});
