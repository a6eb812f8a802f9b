import { expect, type Page } from '@playwright/test';

export class WelcomePage {
  constructor(private readonly page: Page) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByTestId('welcome')).toBeVisible();
    await expect(this.page.getByRole('heading', { name: '欢迎使用试验田工作台' })).toBeVisible();
  }

  async openDemo(): Promise<void> {
    await this.page.getByTestId('open-demo').click();
  }

  async createWorkspace(name: string, region: string): Promise<void> {
    await this.page.getByTestId('create-empty').click();
    await this.page.getByTestId('workspace-name-input').locator('input').fill(name);
    await this.page.getByTestId('workspace-region-input').locator('input').fill(region);
    await this.page.getByTestId('workspace-create-submit').click();
  }
}
