import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createCore, type Core } from '../../src/core/api/core-services';
import { clockFrom } from '../../src/core/clock/clock';
import { startBrowserServer } from '../../src/core/server/browser-server';
import { openInitialWorkspace } from '../../src/core/workspace/initial-workspace';
import { damageTableRoot } from '../support/damage';
import { testNow } from '../support/test-clock';
import { demoWorkspaceCopy, tempDir } from '../support/workspaces';
import { expect, openConsole, test, type ConsoleServer } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { StoresPage } from './pages/stores-page';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

function backupRows(page: Page) {
  return page.getByTestId('backups').getByTestId('backup-row');
}

async function openBackups(page: Page): Promise<void> {
  await new SettingsPage(page).goto();
  await expect(page.getByTestId('backup-folder')).toBeVisible();
}

test('back up, change a store, restore: the change is undone and the restore can be undone too', async ({
  page,
  demo,
  pageErrors,
}) => {
  void pageErrors;
  // Four copies of a 16 MB workspace, each verified, plus two page reloads: slow on a busy machine.
  test.slow();
  await openConsole(page, demo, '#/settings');
  await expect(page.getByTestId('backup-folder')).toContainText('demo.backups');
  const before = await backupRows(page).count();

  await page.getByTestId('backup-now').click();
  await expect(backupRows(page)).toHaveCount(before + 1);
  const manual = backupRows(page).first();
  await expect(manual.getByTestId('backup-kind')).toHaveText('手动');
  await expect(manual.getByTestId('backup-contents')).toContainText('门店 16 · 导购');
  await expect(manual.getByTestId('backup-contents')).toContainText('最新数据 2026年第47周');
  const manualId = await manual.getAttribute('data-backup-id');

  // The change a restore should take away: a seventeenth store.
  const stores = new StoresPage(page);
  await stores.goto();
  await stores.openNewStoreForm();
  await stores.fillStore({ code: 'SH010', name: '上海新天地店', region: '上海区' });
  await stores.save();
  await expect(stores.form).toBeHidden();
  await stores.expectCount(17);

  await openBackups(page);
  await page.locator(`[data-backup-id="${manualId}"]`).getByTestId('restore-backup').click();
  const preview = page.getByTestId('restore-preview');
  await expect(preview.getByTestId('restore-comparison')).toBeVisible();
  await expect(preview.getByTestId('compare-stores').getByTestId('compare-now')).toHaveText('17');
  await expect(preview.getByTestId('compare-stores').getByTestId('compare-backup')).toHaveText('16');
  await expect(preview.getByTestId('compare-stores')).toHaveClass(/changed/);
  await expect(preview.getByTestId('compare-guides')).not.toHaveClass(/changed/);
  await expect(preview.getByTestId('restore-safety-note')).toContainText('可以撤销');
  await expect(preview.getByTestId('restore-other-workspace')).toHaveCount(0);
  await expect(page.locator('.n-message')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/restore-preview.png' });
  await preview.getByTestId('restore-confirm').click();

  await expect(preview).toBeHidden();
  await expect(page.getByTestId('restore-outcome')).toContainText('已恢复到');
  const safety = backupRows(page).filter({ has: page.locator('[data-testid="backup-kind"]', { hasText: '恢复前' }) });
  await expect(safety).toHaveCount(1);
  await expect(safety.getByTestId('backup-contents')).toContainText('门店 17');
  await expect(backupRows(page)).toHaveCount(before + 2);
  await expect(page.locator('.n-message')).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/backups.png', fullPage: true });

  await stores.goto();
  await stores.expectCount(16);
  await expect(stores.row('SH010')).toHaveCount(0);

  // Restoring the safety backup undoes the restore.
  await openBackups(page);
  await safety.getByTestId('restore-backup').click();
  await expect(preview.getByTestId('compare-stores').getByTestId('compare-backup')).toHaveText('17');
  await preview.getByTestId('restore-confirm').click();
  await expect(preview).toBeHidden();
  await stores.goto();
  await stores.expectCount(17);
  await expect(stores.row('SH010')).toContainText('上海新天地店');
});

/** A demo workspace with verified backups made through the core, then damaged in the guides table. */
async function damagedDemo(dataDir: string, backups = 1): Promise<string> {
  const path = demoWorkspaceCopy(join(dataDir, 'workspaces'));
  const maker = createCore({ dataDir, validateOutputs: true, now: clockFrom(testNow) });
  try {
    openInitialWorkspace(maker, path, { strict: true });
    for (let made = 0; made < backups; made += 1) {
      const result = await maker.dispatcher.call('backups.create', {});
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  } finally {
    maker.close();
  }
  damageTableRoot(path, 'guides', 2000);
  return path;
}

/** As the fixtures' console, but a workspace that fails to open is left to the console to report (the launch of a real user). */
async function startLenientConsole(path: string | undefined, dataDir: string): Promise<ConsoleServer> {
  const core: Core = createCore({ dataDir, validateOutputs: true, now: clockFrom(testNow) });
  if (path) openInitialWorkspace(core, path, { strict: false });
  const server = await startBrowserServer({ core, staticDir: rendererDir });
  return { url: server.url, dataDir, core, server };
}

async function stop(console: ConsoleServer): Promise<void> {
  await console.server.close();
  console.core.close();
}

test('a damaged workspace is not opened at launch, and a verified backup of it brings it back', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  const dataDir = tempDir();
  const path = await damagedDemo(dataDir, 2);
  const console = await startLenientConsole(path, dataDir);
  try {
    await openConsole(page, console);
    const damaged = page.getByTestId('damaged-workspace');
    await expect(damaged).toContainText('工作区文件已损坏，没有打开');
    await expect(damaged.getByTestId('damaged-path')).toContainText('demo.pilotdesk');
    await expect(damaged.getByTestId('damaged-problems').locator('li').first()).toBeVisible();
    const chosen = damaged.getByTestId('damaged-chosen-backup');
    await expect(chosen).toContainText('手动');
    await expect(chosen).toContainText('门店 16');
    await expect(chosen.getByTestId('backup-newest')).toBeVisible();
    await expect(page.getByTestId('sidebar')).toHaveCount(0);
    await page.screenshot({ path: 'docs/screenshots/damaged-workspace.png', fullPage: true });

    await damaged.getByTestId('damaged-choose-other').click();
    const choices = damaged.getByTestId('damaged-backup-choices').locator('.n-radio');
    await expect(choices).toHaveCount(2);
    await choices.nth(1).click();
    await expect(choices.nth(1)).toHaveClass(/n-radio--checked/);
    await expect(choices.nth(0).getByTestId('backup-newest')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('damaged-choose.png'), fullPage: true });
    await damaged.getByTestId('damaged-restore-button').click();
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('workspace-name')).toContainText('华东试验田');
    await new StoresPage(page).goto();
    await new StoresPage(page).expectCount(16);
  } finally {
    await stop(console);
  }
});

test('opening a damaged workspace from the welcome screen shows the damaged page; what can be read is exported and opened', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  const dataDir = tempDir();
  // The maker core remembers the workspace, so it is listed under 最近打开.
  const path = await damagedDemo(dataDir);
  const console = await startLenientConsole(undefined, dataDir);
  try {
    await openConsole(page, console);
    await expect(page.getByTestId('welcome')).toBeVisible();
    await page.getByTestId('welcome').getByText(path, { exact: true }).click();
    const damaged = page.getByTestId('damaged-workspace');
    await expect(damaged).toBeVisible();
    // The page replaces the error toast.
    await expect(page.locator('.n-message--error-type')).toHaveCount(0);

    await damaged.getByTestId('salvage-button').click();
    const tables = damaged.getByTestId('salvage-tables');
    await expect(tables.getByTestId('salvage-stores')).toContainText('16');
    await expect(damaged.getByTestId('salvage-path')).toContainText('.pilotdesk');
    await page.screenshot({ path: test.info().outputPath('damaged-salvaged.png'), fullPage: true });
    await damaged.getByTestId('open-salvaged').click();
    await expect(page.getByTestId('sidebar')).toBeVisible();
    await new StoresPage(page).goto();
    await new StoresPage(page).expectCount(16);

    // Back to the welcome screen from the damaged page, with nothing opened.
    await page
      .getByTestId('sidebar')
      .getByText(/^(设置|Settings)$/)
      .click();
    await page.getByTestId('close-workspace').click();
    await page.getByTestId('welcome').getByText(path, { exact: true }).click();
    await expect(damaged).toBeVisible();
    await damaged.getByTestId('damaged-back').click();
    await expect(page.getByTestId('welcome')).toBeVisible();
  } finally {
    await stop(console);
  }
});
