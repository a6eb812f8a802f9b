import { expect, type Locator, type Page } from '@playwright/test';

export class GuidesPage {
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.form = page.getByTestId('guide-form');
  }

  async goto(): Promise<void> {
    await this.page
      .getByTestId('sidebar')
      .getByText(/^(导购|Guides)$/)
      .click();
    await expect(this.page.getByTestId('guide-count')).toBeVisible();
  }

  row(staffNo: string): Locator {
    return this.page.getByTestId(`guide-row-${staffNo}`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('guide-search').locator('input').fill(text);
  }

  count(): Locator {
    return this.page.getByTestId('guide-count');
  }

  async edit(staffNo: string): Promise<void> {
    await this.page.getByTestId(`edit-guide-${staffNo}`).click();
    await expect(this.form).toBeVisible();
  }

  field(testId: string): Locator {
    return this.form.getByTestId(testId).locator('input');
  }

  async save(): Promise<void> {
    await this.form.getByTestId('guide-save').click();
  }

  fieldFeedback(label: string): Locator {
    return this.form.locator('.n-form-item').filter({ hasText: label }).locator('.n-form-item-feedback');
  }
}
