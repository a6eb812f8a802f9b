import { expect, type Locator, type Page } from '@playwright/test';

export class ImportsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByTestId('sidebar')
      .getByText(/^(数据导入|Import)$/)
      .click();
    await expect(this.page.getByTestId('imports-page')).toBeVisible();
  }

  async chooseFiles(paths: string[]): Promise<void> {
    await this.page.getByTestId('import-file-input').setInputFiles(paths);
  }

  /** Maps a column of the file (by its header) to a field (by its label in the list). */
  async mapColumn(header: string, fieldLabel: string): Promise<void> {
    await this.page.getByTestId(`map-${header}`).click();
    await this.page.locator('.n-base-select-option').filter({ hasText: fieldLabel }).first().click();
  }

  count(name: 'read' | 'new' | 'updated' | 'unchanged' | 'rejected'): Locator {
    return this.page.getByTestId(`count-${name}`).locator('.n-statistic-value__content');
  }

  rejectedTable(): Locator {
    return this.page.getByTestId('rejected-table');
  }

  async commit(): Promise<void> {
    await this.page.getByTestId('import-commit').click();
    await expect(this.page.getByTestId('import-done')).toBeVisible();
  }

  async openHistory(): Promise<void> {
    await this.page
      .locator('.n-tabs-tab')
      .filter({ hasText: /^(导入历史|Import history)$/ })
      .click();
    await expect(this.page.getByTestId('import-history')).toBeVisible();
  }
}
