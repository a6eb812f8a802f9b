import { join } from 'node:path';
import { createCore } from '../../src/core/api/core-services';
import { startBrowserServer } from '../../src/core/server/browser-server';
import { fileURLToPath } from 'node:url';
import { clockFrom } from '../../src/core/clock/clock';
import { testNow } from '../support/test-clock';
import { largeWorkspace, tempDir } from '../support/workspaces';
import { expect, test } from './fixtures';
import { GuidesPage } from './pages/guides-page';

test('10,000 guides: the table renders only the visible rows and scrolls to the end', async ({ page, pageErrors }) => {
  void pageErrors;
  const dir = tempDir();
  const path = join(dir, 'large.pilotdesk');
  largeWorkspace(path, 300, 34);
  const core = createCore({ dataDir: dir, now: clockFrom(testNow) });
  core.session.open(path);
  const server = await startBrowserServer({
    core,
    staticDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
  });
  try {
    await page.goto(server.url);
    const guides = new GuidesPage(page);
    await guides.goto();
    await expect(guides.count()).toHaveText('共 10200 条');
    const renderedRows = await page.getByTestId('guides-table').locator('tbody tr').count();
    expect(renderedRows).toBeGreaterThan(5);
    expect(renderedRows).toBeLessThan(120);

    const body = page.getByTestId('guides-table').locator('.v-vl');
    await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(guides.row('0299034')).toBeVisible();
  } finally {
    await server.close();
    core.close();
  }
});
