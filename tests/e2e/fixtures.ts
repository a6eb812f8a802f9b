import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../src/core/api/core-services';
import { startBrowserServer, type BrowserServer } from '../../src/core/server/browser-server';
import { openInitialWorkspace } from '../../src/core/workspace/initial-workspace';
import { clockFrom } from '../../src/core/clock/clock';
import { testNow } from '../support/test-clock';
import { demoWorkspaceCopy, tempDir } from '../support/workspaces';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface ConsoleServer {
  url: string;
  dataDir: string;
  core: Core;
  server: BrowserServer;
}

export async function startConsole(workspacePath: string | undefined, dataDir: string): Promise<ConsoleServer> {
  const core = createCore({ dataDir, validateOutputs: true, now: clockFrom(testNow) });
  openInitialWorkspace(core, workspacePath, { strict: true });
  const server = await startBrowserServer({ core, staticDir: rendererDir });
  return { url: server.url, dataDir, core, server };
}

interface Fixtures {
  /** Browser mode on the demo workspace (a fresh copy per test). */
  demo: ConsoleServer;
  /** Browser mode with no workspace: the first run. */
  firstRun: ConsoleServer;
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // The page's clock is the server's: same moment, so nothing in a test depends on today's date.
  page: async ({ page }, use) => {
    await page.clock.setFixedTime(testNow);
    await use(page);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    // Every test asserts that the page threw nothing while it ran.
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from a destructured first argument
  demo: async ({}, use) => {
    const dataDir = tempDir();
    const console = await startConsole(demoWorkspaceCopy(join(dataDir, 'workspaces')), dataDir);
    await use(console);
    await console.server.close();
    console.core.close();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  firstRun: async ({}, use) => {
    const console = await startConsole(undefined, tempDir());
    await use(console);
    await console.server.close();
    console.core.close();
  },
});

export { expect };

export async function openConsole(page: Page, server: ConsoleServer, hash = ''): Promise<void> {
  await page.goto(server.url + hash);
}
