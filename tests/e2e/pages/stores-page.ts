import { expect, type Locator, type Page } from '@playwright/test';

export class StoresPage {
  readonly table: Locator;
  readonly form: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('stores-table');
    this.form = page.getByTestId('store-form');
  }

  async goto(): Promise<void> {
    await this.page
      .getByTestId('sidebar')
      .getByText(/^(门店|Stores)$/)
      .click();
    await expect(this.page.getByTestId('store-count')).toBeVisible();
  }

  row(code: string): Locator {
    return this.page.getByTestId(`store-row-${code}`);
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('store-search').locator('input').fill(text);
  }

  async expectCount(count: number): Promise<void> {
    await expect(this.page.getByTestId('store-count')).toHaveText(new RegExp(`(共 ${count} 条|${count} rows)`));
  }

  async openNewStoreForm(): Promise<void> {
    await this.page.getByTestId('new-store').click();
    await expect(this.form).toBeVisible();
  }

  async fillStore(values: { code: string; name: string; region: string }): Promise<void> {
    await this.form.getByTestId('store-code').locator('input').fill(values.code);
    await this.form.getByTestId('store-name').locator('input').fill(values.name);
    const region = this.form.getByTestId('store-region');
    await region.click();
    await region.locator('input').fill(values.region);
    await this.page.keyboard.press('Enter');
  }

  async save(): Promise<void> {
    await this.form.getByTestId('store-save').click();
  }

  /** The message shown under a form field, found by the field's label. */
  fieldFeedback(label: string): Locator {
    return this.form.locator('.n-form-item').filter({ hasText: label }).locator('.n-form-item-feedback');
  }
}
