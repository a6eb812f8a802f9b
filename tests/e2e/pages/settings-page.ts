import { expect, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page
      .getByTestId('sidebar')
      .getByText(/^(设置|Settings)$/)
      .click();
    await expect(this.page.getByTestId('language')).toBeVisible();
  }

  async chooseEnglish(): Promise<void> {
    await this.page.getByTestId('language-en').click();
  }

  async chooseDark(): Promise<void> {
    await this.page.getByTestId('theme-dark').click();
  }
}
