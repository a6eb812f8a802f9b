import { lastCompleteWeek, shiftWeek, type IsoWeek } from '../../src/shared/dates/iso-week';
import { todayIn } from '../../src/shared/dates/local-date';
import { weekLabel } from '../../src/shared/dates/week-label';
import { testNow } from '../support/test-clock';
import { demoWorkspaceCopy, tempDir } from '../support/workspaces';
import { expect, startConsole, test, type ConsoleServer } from './fixtures';
import { DashboardPage, WeekPicker } from './pages/dashboard-page';
import { join } from 'node:path';

// Run by `npm test` at the default moment and again at each pinned moment of scripts/test-all.mjs
// (a Monday, Sunday 23:30 in Shanghai, the Monday after week 53, a Berlin laptop on the night
// its clocks change). Every expectation follows the pinned clock, never the machine's date.
const today = todayIn('Asia/Shanghai', testNow);
const expectedWeek = lastCompleteWeek(today);
const label = (week: IsoWeek) => weekLabel('zh-CN', week);

async function consoleOn(lastWeek: IsoWeek): Promise<ConsoleServer> {
  const dataDir = tempDir();
  return startConsole(demoWorkspaceCopy(join(dataDir, 'workspaces'), { lastWeek }), dataDir);
}

test("@dates the console opens on the last complete week in the workspace's time zone, with its figures", async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  const server = await consoleOn(expectedWeek);
  try {
    await page.goto(server.url);
    const dashboard = new DashboardPage(page);
    await new WeekPicker(page).expectWeek(label(expectedWeek));
    await expect(dashboard.root).toContainText(label(expectedWeek));
    await expect(dashboard.kpi('netSalesFen')).toContainText('¥');
    await expect(page.getByTestId('dashboard-empty')).toHaveCount(0);
  } finally {
    await server.server.close();
    server.core.close();
  }
});

test('@dates a week without figures yet says where the latest figures are and goes there in one click', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  const latest = shiftWeek(expectedWeek, -1);
  const server = await consoleOn(latest);
  try {
    await page.goto(server.url);
    const dashboard = new DashboardPage(page);
    await expect(page.getByTestId('dashboard-empty')).toBeVisible();
    const hint = page.getByTestId('latest-figures');
    await expect(hint).toContainText(`最新数据在${label(latest)}`);
    await expect(hint.getByTestId('dashboard-import')).toBeVisible();
    await page.screenshot({ path: 'test-results/no-figures-yet.png' });

    // The picker marks the weeks that hold figures.
    await page.getByTestId('week-select').click();
    await expect(page.locator(`.n-base-select-menu .week-option[data-week="${expectedWeek}"]`)).toHaveAttribute(
      'data-has-figures',
      'false',
    );
    await expect(page.locator(`.n-base-select-menu .week-option[data-week="${latest}"]`)).toHaveAttribute(
      'data-has-figures',
      'true',
    );
    await page.keyboard.press('Escape');

    await hint.getByTestId('go-to-latest-figures').click();
    await new WeekPicker(page).expectWeek(label(latest));
    await expect(dashboard.kpi('netSalesFen')).toContainText('¥');
    await expect(page.getByTestId('dashboard-empty')).toHaveCount(0);

    // Other week pages say the same under their title.
    await page.getByTestId('week-next').click();
    await page.getByTestId('sidebar').getByText('周复盘').click();
    await expect(page.getByTestId('no-figures')).toContainText(`${label(expectedWeek)}还没有数据`);
    await page.getByTestId('no-figures').getByTestId('go-to-latest-figures').click();
    await expect(page.getByTestId('review-page')).toContainText(label(latest));
    await expect(page.getByTestId('no-figures')).toHaveCount(0);
  } finally {
    await server.server.close();
    server.core.close();
  }
});

test('@dates the week picker crosses the year end week by week', async ({ page, pageErrors }) => {
  void pageErrors;
  const server = await consoleOn(expectedWeek);
  // The last week of the year before the default week's year: 52 or 53 weeks long.
  const lastOfYearBefore = shiftWeek(expectedWeek, -Number(expectedWeek.slice(6)));
  const firstOfYear = shiftWeek(lastOfYearBefore, 1);
  try {
    await page.goto(server.url);
    const weeks = new WeekPicker(page);
    await weeks.expectWeek(label(expectedWeek));
    await page.getByTestId('week-select').click();
    await page.keyboard.type(label(lastOfYearBefore).split(' ')[0] ?? '');
    await page.keyboard.press('Enter');
    await weeks.expectWeek(label(lastOfYearBefore));
    await weeks.next();
    await weeks.expectWeek(label(firstOfYear));
    expect(firstOfYear).toMatch(/-W01$/);
    await weeks.previous();
    await weeks.expectWeek(label(lastOfYearBefore));
  } finally {
    await server.server.close();
    server.core.close();
  }
});
