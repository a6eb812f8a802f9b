import { expect, openConsole, test } from './fixtures';
import { DashboardPage, WeekPicker } from './pages/dashboard-page';

test('the dashboard shows the last complete week, and the week picker moves every figure', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo);
  const dashboard = new DashboardPage(page);
  const weeks = new WeekPicker(page);
  await expect(dashboard.root).toContainText('2026年第47周 11/16–11/22');
  await weeks.expectWeek('2026年第47周 11/16–11/22');
  await expect(dashboard.kpi('netSalesFen')).toContainText('¥');
  await expect(dashboard.kpi('netSalesFen')).toContainText('较上周');

  // Every active store is counted once: the tiers and "no data" add up to the 16 demo stores.
  const counts = await dashboard.tierCounts(['A', 'B', 'C', 'D', 'none']);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(16);
  await expect(page.getByTestId('tier-moves').locator('li')).not.toHaveCount(0);
  await expect(page.getByTestId('pilot-comparison')).toContainText('试点门店（12）');
  await expect(page.getByTestId('store-ranking-top').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('guide-ranking-top').locator('li')).toHaveCount(5);
  await page.screenshot({ path: 'docs/screenshots/dashboard.png', fullPage: true });

  const week47Sales = await dashboard.kpi('netSalesFen').locator('.value').innerText();
  await weeks.previous();
  await weeks.expectWeek('2026年第46周 11/09–11/15');
  await expect(dashboard.root).toContainText('2026年第46周 11/09–11/15');
  await expect(dashboard.kpi('netSalesFen').locator('.value')).not.toHaveText(week47Sales);

  // Weeks before the demo's eight have no figures: the dashboard says so and points to imports.
  for (let step = 0; step < 8; step += 1) await weeks.previous();
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await expect(dashboard.tierCount('none')).toContainText('16');
});

test('clicking a store on the tier map opens its page with its tier, trend and playbook', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo);
  const dashboard = new DashboardPage(page);
  await expect(dashboard.tierMap.locator('svg')).toBeVisible();
  await dashboard.clickStoreOnMap('SH001');
  await expect(page.getByTestId('store-detail')).toContainText('上海静安嘉里店');
  await expect(page.getByTestId('store-tier')).toContainText('A 标杆');
  await expect(page.getByTestId('tier-history').locator('[data-testid^="tier-cell-"]')).toHaveCount(12);
  await expect(page.getByTestId('tier-cell-2026-W47')).toHaveText('A');
  await expect(page.getByTestId('store-playbook')).toContainText('分享');
  await expect(page.getByTestId('sales-trend').locator('svg')).toBeVisible();
});

test('a fixed-target tier rule is previewed, applied from the chosen week, and leaves earlier weeks alone', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  await openConsole(page, demo);
  const dashboard = new DashboardPage(page);
  const weeks = new WeekPicker(page);
  // Week 46's tiers under the median rule, before the rule changes.
  await weeks.previous();
  await weeks.expectWeek('第46周');
  const week46Counts = await dashboard.tierCounts(['A', 'B', 'C', 'D']);
  await weeks.next();
  await weeks.expectWeek('第47周');

  await page.getByTestId('sidebar').getByText('分层').click();
  await expect(page.getByTestId('week-rule')).toContainText('中位数');
  await page.getByTestId('tier-kind').getByText('固定目标').click();
  // ¥100,000 a week and 20 % online: only the strongest stores stay "high".
  await page.getByTestId('sales-target-0').locator('input').fill('100000');
  await page.getByTestId('share-target-0').locator('input').fill('20');
  await page.getByTestId('tier-preview').click();
  await expect(page.getByTestId('tier-preview-result')).toContainText('家门店分层变化');
  await page.getByTestId('tier-apply').click();
  await expect(page.getByTestId('week-rule')).toContainText('固定目标');
  await expect(page.getByTestId('tier-map')).toContainText('业绩线 ¥100,000.00');

  // The stores above both targets in the demo's week 47 are SH001 and HZ001 at most; the rest fall.
  await dashboard.goto();
  const counts = await dashboard.tierCounts(['A', 'B', 'C', 'D']);
  expect(counts[0]).toBeLessThanOrEqual(3);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(16);

  // Week 46 has figures and lies before the change's scope, so the change pinned it to the median rule.
  await weeks.previous();
  await weeks.expectWeek('第46周');
  await expect.poll(() => dashboard.tierCounts(['A', 'B', 'C', 'D'])).toEqual(week46Counts);
  await page.getByTestId('sidebar').getByText('分层').click();
  await expect(page.getByTestId('week-rule')).toContainText('中位数');
  await expect(page.getByTestId('week-rule')).toContainText('沿用旧规则');
});
