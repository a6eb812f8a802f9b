import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  readonly root: Locator;
  readonly tierMap: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('dashboard');
    this.tierMap = page.getByTestId('tier-map').first();
  }

  async goto(): Promise<void> {
    await this.page
      .getByTestId('sidebar')
      .getByText(/^(首页|Dashboard)$/)
      .click();
    await expect(this.root.getByTestId('kpi-cards')).toBeVisible();
  }

  kpi(figure: string): Locator {
    return this.page.getByTestId(`kpi-${figure}`);
  }

  tierCount(tier: string): Locator {
    return this.page.getByTestId(`tier-count-${tier}`);
  }

  async tierCounts(tiers: readonly string[]): Promise<number[]> {
    const counts: number[] = [];
    for (const tier of tiers) {
      const text = await this.tierCount(tier).locator('.count-value').innerText();
      counts.push(Number(text.split(/\s/)[0]));
    }
    return counts;
  }

  /** Clicks a store's point on the tier map through its code label (the label belongs to the point). */
  async clickStoreOnMap(code: string): Promise<void> {
    const label = this.tierMap.locator('svg text').filter({ hasText: new RegExp(`^${code}$`) });
    await expect(label).toHaveCount(1);
    await label.click();
  }
}

export class WeekPicker {
  constructor(private readonly page: Page) {}

  async previous(): Promise<void> {
    await this.page.getByTestId('week-prev').click();
  }

  async next(): Promise<void> {
    await this.page.getByTestId('week-next').click();
  }

  async expectWeek(text: string | RegExp): Promise<void> {
    await expect(this.page.getByTestId('week-select')).toContainText(text);
  }
}
