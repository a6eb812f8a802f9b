import { readFileSync } from 'node:fs';
import { translate } from '../../src/shared/i18n/translate';
import { reviewSections } from '../../src/shared/review/sections';
import { expect, openConsole, test } from './fixtures';

const titles = reviewSections.map((section, index) => `${index + 1}. ${translate('zh-CN', section.title)}`);

test('the weekly review: type a note, export, and reopen what was sent', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/review');
  const review = page.getByTestId('review-page');
  await expect(review).toContainText('周复盘 · 2026年第47周 11/16–11/22');
  await expect(page.getByTestId('review-overview')).toContainText('试点门店（12）');
  await expect(page.getByTestId('review-stores')).toContainText('SH001 上海静安嘉里店');
  // The demo has a guide who padded new contacts in the last week: the review flags them.
  await page.getByTestId('flagged-only').click();
  await expect(page.getByTestId('review-guides').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('review-guides')).toContainText('高流失');
  await expect(page.getByTestId('snapshot-banner')).toHaveCount(0);
  // The page shows every section of the shared list, numbered in its order.
  await expect(review.locator('.n-card-header__main')).toHaveText(titles);

  const note = '静安店企微加粉翻倍，下周在杭州推广收银台加粉话术';
  await page.getByTestId('note-overall-highlights').locator('textarea').fill(note);
  await page.getByTestId('save-notes').click();
  await expect(page.getByText('备注已保存')).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('review-export').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('华东试验田（示例）-周复盘-2026-W47-v1.xlsx');
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  await expect(page.getByTestId('snapshot-banner')).toContainText('已导出第 1 版');

  // Reopen the week later: the exported version is shown, with the note as it was sent.
  await page.getByTestId('sidebar').getByText('首页').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await page.getByTestId('sidebar').getByText('周复盘').click();
  await expect(page.getByTestId('snapshot-banner')).toContainText('下面是导出时的内容');
  await expect(page.getByTestId('note-overall-highlights').locator('textarea')).toHaveValue(note);
  await expect(page.getByTestId('note-overall-highlights').locator('textarea')).toHaveAttribute('readonly', '');
  await page.screenshot({ path: 'docs/screenshots/review.png', fullPage: false });

  // In print only the print layout shows: every section's print rendering under its numbered
  // heading, in the order of the shared list, with what the page shows.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('review-print-layout');
  await expect(printed).toBeVisible();
  await expect(review).toBeHidden();
  await expect(printed.locator('h1')).toHaveText('华东试验田（示例） · 周复盘 · 2026年第47周 11/16–11/22');
  const sections = printed.locator('section');
  await expect(sections.locator('h2')).toHaveText(titles);
  for (const [index, section] of reviewSections.entries()) {
    await expect(sections.nth(index)).toHaveAttribute('data-section', section.key);
    await expect(sections.nth(index).locator(':scope > :not(h2)').first()).toBeVisible();
  }
  const printedSection = (key: string) => printed.locator(`section[data-section="${key}"]`);
  await expect(printedSection('overview')).toContainText('试点门店（12）');
  await expect(printedSection('stores')).toContainText('SH001 上海静安嘉里店');
  await expect(printedSection('guides')).toContainText('流失率');
  await expect(printedSection('notes')).toContainText(note);
  await page.screenshot({ path: test.info().outputPath('review-print.png'), fullPage: true });
  await page.emulateMedia({ media: null });

  // Browser mode's PDF is the print of this page: A4, console hidden, Chinese text embedded.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
});
