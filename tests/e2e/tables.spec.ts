import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import type { Guide } from '../../src/shared/guides/guide-schema';
import type { Store } from '../../src/shared/stores/store-schema';
import { expect, openConsole, test, type ConsoleServer } from './fixtures';
import { GuidesPage } from './pages/guides-page';
import { StoresPage } from './pages/stores-page';

type Cell = XLSX.CellObject | undefined;

async function list<T>(server: ConsoleServer, operation: string): Promise<T[]> {
  const result = await server.core.dispatcher.call(operation, {});
  if (!result.ok) throw new Error(`${operation} failed`);
  return result.data as T[];
}

/** The table component around a table: its toolbar holds export and copy. */
const shell = (page: Page, testId: string): Locator =>
  page.locator('.data-table').filter({ has: page.getByTestId(testId) });

/** Clicks the export button and reads the downloaded workbook's first sheet back. */
async function exportSheet(page: Page, table: Locator) {
  const downloading = page.waitForEvent('download');
  await table.getByTestId('table-export').click();
  const download = await downloading;
  // cellNF: keep each cell's number format, to see that money and ratios carry theirs.
  const book = XLSX.read(readFileSync(await download.path()), { type: 'buffer', cellNF: true });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const cells: Cell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const line: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) line.push(sheet[XLSX.utils.encode_cell({ r, c })]);
    cells.push(line);
  }
  return { fileName: download.suggestedFilename(), header: cells[0]!.map((cell) => cell?.v), rows: cells.slice(1) };
}

/** The header texts of the data columns on screen (not the tick boxes, not the row actions). */
async function shownHeader(table: Locator, actions: string): Promise<string[]> {
  const texts = await table.locator('thead th').allTextContents();
  return texts.map((text) => text.trim()).filter((text) => text !== '' && text !== actions);
}

async function readClipboard(page: Page): Promise<string[][]> {
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split('\t'));
}

async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page
    .locator('.n-base-select-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

test.beforeEach(async ({ context, demo }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
});

test('the stores view (filter, sort, hidden column) exports to .xlsx and copies as tab-separated text', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  const all = await list<Store>(demo, 'stores.list');
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  const table = shell(page, 'stores-table');
  await stores.expectCount(16);

  await pickOption(page, page.getByTestId('filter-wave'), '试验田');
  const pilots = all.filter((store) => store.pilotWave === 'pilot' && store.status === 'active');
  await stores.expectCount(pilots.length);
  // One click on 在职导购 (Naive UI goes descending first): most guides first; ties keep the list's order.
  const guidesHeader = stores.table.locator('th').filter({ hasText: '在职导购' });
  await guidesHeader.click();
  await expect(guidesHeader).toHaveClass(/n-data-table-th--sorting/);
  const expected = [...pilots].sort((a, b) => b.activeGuides - a.activeGuides);
  await page.getByTestId('column-settings').click();
  await page.getByRole('checkbox', { name: '开业日期' }).click();
  await expect(stores.table.locator('th').filter({ hasText: '开业日期' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  const sheet = await exportSheet(page, table);
  expect(sheet.fileName).toMatch(/^门店_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(sheet.header).toEqual(await shownHeader(stores.table, '操作'));
  expect(sheet.header.slice(0, 2)).toEqual(['门店编码', '门店名称']);
  expect(sheet.header).not.toContain('开业日期');
  expect(sheet.header).not.toContain('操作');
  expect(sheet.rows).toHaveLength(pilots.length);
  expect(sheet.rows.map((line) => line[0]?.v)).toEqual(expected.map((store) => store.code));
  const guidesAt = sheet.header.indexOf('在职导购');
  for (const [index, line] of sheet.rows.entries()) {
    expect(line[guidesAt]).toMatchObject({ t: 'n', v: expected[index]!.activeGuides });
  }
  await expect(page.getByText(`已导出 ${pilots.length} 行`)).toBeVisible();

  // Tick two rows out of order: the copy is in the table's order, under the header.
  const [first, second] = [expected[0]!, expected[1]!];
  await stores.row(second.code).locator('.n-checkbox').click();
  await stores.row(first.code).locator('.n-checkbox').click();
  await expect(table.getByTestId('table-copy')).toHaveText('复制所选（2）');
  await page.keyboard.press('Control+c');
  await expect(page.getByText('已复制 2 行，可粘贴到 Excel 或 WPS')).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied[0]).toEqual(sheet.header);
  expect(copied.slice(1).map((line) => line[0])).toEqual([first.code, second.code]);
  expect(copied[1]?.[guidesAt]).toBe(String(first.activeGuides));
  expect(copied[1]?.[sheet.header.indexOf('试点批次')]).toBe('试验田');

  // Nothing ticked: the button copies the whole view.
  await page.getByTestId('bulk-actions').getByRole('button', { name: '取消' }).click();
  await expect(table.getByTestId('table-copy')).toHaveText('复制表格');
  await table.getByTestId('table-copy').click();
  const view = await readClipboard(page);
  expect(view).toHaveLength(pilots.length + 1);
  expect(view.slice(1).map((line) => line[0])).toEqual(expected.map((store) => store.code));
});

test('the guides view exports hire dates as dates and copies what is ticked', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  const all = await list<Guide>(demo, 'guides.list');
  await openConsole(page, demo);
  const guides = new GuidesPage(page);
  await guides.goto();
  const grid = page.getByTestId('guides-table');
  const table = shell(page, 'guides-table');

  await guides.search('静安');
  const shown = all.filter((guide) => guide.status === 'active' && guide.storeName.includes('静安'));
  expect(shown.length).toBeGreaterThan(2);
  await expect(guides.count()).toHaveText(`共 ${shown.length} 条`);
  // Two clicks on 入职日期: descending, then ascending (earliest first).
  const hireHeader = grid.locator('th').filter({ hasText: '入职日期' });
  await hireHeader.click();
  await expect(hireHeader.locator('.n-data-table-sorter--desc')).toHaveCount(1);
  await hireHeader.click();
  await expect(hireHeader.locator('.n-data-table-sorter--asc')).toHaveCount(1);
  const expected = [...shown].sort((a, b) => (a.hireDate ?? '').localeCompare(b.hireDate ?? ''));
  await page.getByTestId('column-settings').click();
  await page.getByRole('checkbox', { name: '企业微信账号' }).click();
  await expect(grid.locator('th').filter({ hasText: '企业微信账号' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  const sheet = await exportSheet(page, table);
  expect(sheet.fileName).toMatch(/^导购_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(sheet.header).toEqual(await shownHeader(grid, '操作'));
  expect(sheet.header).not.toContain('企业微信账号');
  expect(sheet.rows.map((line) => line[0]?.v)).toEqual(expected.map((guide) => guide.staffNo));
  const hireAt = sheet.header.indexOf('入职日期');
  for (const [index, line] of sheet.rows.entries()) {
    const hireDate = expected[index]!.hireDate;
    if (hireDate === null) expect(line[hireAt]).toBeUndefined();
    else expect(line[hireAt]).toMatchObject({ t: 'n', z: 'yyyy-mm-dd', w: hireDate });
  }

  await guides.row(expected[2]!.staffNo).locator('.n-checkbox').click();
  await table.getByTestId('table-copy').click();
  const copied = await readClipboard(page);
  expect(copied).toHaveLength(2);
  expect(copied[1]?.[0]).toBe(expected[2]!.staffNo);
  expect(copied[1]?.[hireAt]).toBe(expected[2]!.hireDate ?? '');
});

test('the weekly review exports money in yuan and ratios as percentages, as numbers', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo, '#/review');
  const grid = page.getByTestId('review-stores');
  await expect(grid).toContainText('SH001 上海静安嘉里店');
  const sheet = await exportSheet(page, shell(page, 'review-stores'));
  expect(sheet.fileName).toMatch(/^周复盘_门店_\d{4}-W\d{2}\.xlsx$/);
  const domRows = grid.locator('tbody tr');
  expect(sheet.rows).toHaveLength(await domRows.count());

  // Each figure is the number on screen: ¥12,345.67 is 12345.67 formatted as money, 12.3% is 0.123.
  const salesAt = sheet.header.indexOf('净销售额');
  const shareAt = sheet.header.indexOf('线上占比');
  expect(salesAt).toBeGreaterThan(0);
  expect(shareAt).toBeGreaterThan(0);
  const cellText = async (row: number, column: number) =>
    (await domRows
      .nth(row)
      .locator('td')
      .nth(column + 1)
      .locator('.figure-cell > div')
      .first()
      .textContent()) ?? '';
  let checked = 0;
  for (const [index, line] of sheet.rows.entries()) {
    const sales = await cellText(index, salesAt);
    const share = await cellText(index, shareAt);
    if (sales !== '—') {
      expect(line[salesAt]).toMatchObject({ t: 'n', z: '"¥"#,##0.00' });
      expect(line[salesAt]?.v).toBeCloseTo(Number(sales.replace(/[¥,]/g, '')), 2);
      checked++;
    }
    if (share !== '—') {
      expect(line[shareAt]).toMatchObject({ t: 'n', z: '0.0%' });
      expect(Number(line[shareAt]?.v) * 100).toBeCloseTo(Number(share.replace('%', '')), 1);
    }
  }
  expect(checked).toBeGreaterThan(5);
});

test('the table toolbar, in Chinese and in English', async ({ page, demo, pageErrors }) => {
  void pageErrors;
  await openConsole(page, demo, '#/stores');
  const stores = new StoresPage(page);
  await stores.expectCount(16);
  await stores.row('SH001').locator('.n-checkbox').click();
  const toolbar = shell(page, 'stores-table').locator('.data-table-toolbar');
  await expect(toolbar).toContainText('导出 Excel');
  await expect(toolbar).toContainText('复制所选（1）');
  await page.screenshot({ path: '/tmp/tables-toolbar-zh.png' });

  const switched = await demo.core.dispatcher.call('preferences.update', { locale: 'en' });
  expect(switched.ok).toBe(true);
  await page.reload();
  await stores.expectCount(16);
  await expect(toolbar).toContainText('Export to Excel');
  await expect(toolbar).toContainText('Copy table');
  await page.screenshot({ path: '/tmp/tables-toolbar-en.png' });
});
