import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WelcomePage } from '../e2e/pages/welcome-page';

const root = fileURLToPath(new URL('../../', import.meta.url));
const electronDir = join(root, 'node_modules', 'electron');
const mainEntry = join(root, 'out', 'main', 'index.js');
const rendererFile = join(root, 'out', 'renderer', 'index.html');

/** The same check as scripts/start.mjs; unlike `require('electron')` it never starts a download. */
function findElectronBinary(): { path: string } | { missing: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: `${pathFile} does not exist (the binary was never downloaded)` };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

/** As in scripts/start.mjs: the installed binary's version, else the npm package's. */
function electronVersion(): string {
  const versionFile = join(electronDir, 'dist', 'version');
  if (existsSync(versionFile)) return readFileSync(versionFile, 'utf8').trim().replace(/^v/, '');
  return (JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
}

const binary = findElectronBinary();
const skipReason = 'missing' in binary ? `Electron binary not available on this machine: ${binary.missing}` : '';
if (skipReason) {
  // Reporters print only "skipped"; say why where people look.
  console.warn(`Electron e2e tests skipped: ${skipReason}`);
}

/** Launches the built app on a fresh data folder, as `npm start` would (minus the build). */
async function launchApp(dataDir: string): Promise<ElectronApplication> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PILOTDESK_HOME: dataDir };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  // The addon `npm start` builds for Electron; without it only screens that open no workspace work.
  const sqlite = join(root, '.electron-native', electronVersion(), 'better_sqlite3.node');
  if (existsSync(sqlite)) env.PILOTDESK_SQLITE_BINDING = sqlite;
  // The project folder, so package.json's main (out/main/index.js) and productName apply.
  return electron.launch({ args: [root], cwd: root, env });
}

type Bridge = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== '', skipReason);

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];

  test.beforeAll(() => {
    if (process.env.PILOTDESK_SKIP_BUILD !== '1') execSync('npx electron-vite build', { cwd: root, stdio: 'inherit' });
    expect(existsSync(mainEntry), `${mainEntry} is missing: run npm run build`).toBe(true);
  });

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pilotdesk-electron-'));
    app = await launchApp(dataDir);
    page = await app.firstWindow();
    pageErrors.length = 0;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  test.afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  // One launch, several checks: starting Electron is the slow part.
  test('shows the console in a locked-down window', async () => {
    await test.step('the welcome screen, in a titled window, on the given data folder', async () => {
      await new WelcomePage(page).expectShown();
      expect(await page.title()).toContain('试验田工作台');
      expect(page.url().startsWith(pathToFileURL(rendererFile).href)).toBe(true);
      expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(dataDir);
    });

    await test.step('the page has the named bridge and nothing of Node or IPC', async () => {
      const exposed = await page.evaluate(() => {
        const globals = window as unknown as Record<string, unknown>;
        const bridge = globals.pilotdesk as Bridge;
        return {
          require: typeof globals.require,
          process: typeof globals.process,
          module: typeof globals.module,
          ipcRenderer: typeof globals.ipcRenderer,
          // contextBridge copies and freezes what it exposes, and works only with isolation on.
          frozen: Object.isFrozen(bridge),
          namespaces: Object.keys(bridge).sort(),
          workspaceMethods: Object.keys(bridge.workspace ?? {}).sort(),
          invoke: typeof (bridge as Record<string, unknown>).invoke,
          events: Object.keys(globals.pilotdeskEvents as object),
        };
      });
      expect(exposed).toEqual({
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
        ipcRenderer: 'undefined',
        frozen: true,
        namespaces: ['dealers', 'guides', 'preferences', 'stores', 'workspace'],
        workspaceMethods: ['close', 'create', 'current', 'open', 'openDemo', 'recent'],
        invoke: 'undefined',
        events: ['subscribe'],
      });
    });

    await test.step('calls reach the core, and bad input comes back as data', async () => {
      const results = await page.evaluate(async () => {
        const bridge = (window as unknown as { pilotdesk: Bridge }).pilotdesk;
        return { current: await bridge.workspace!.current!(), invalid: await bridge.stores!.get!({ id: 42 }) };
      });
      expect(results.current).toMatchObject({ ok: true });
      expect(results.invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    });

    await test.step('a page that is not the console cannot call the core', async () => {
      const preload = join(root, 'out', 'preload', 'index.cjs');
      const answer = await app.evaluate(async ({ BrowserWindow }, preloadFile) => {
        const stranger = new BrowserWindow({
          show: false,
          webPreferences: { preload: preloadFile, sandbox: true, contextIsolation: true },
        });
        await stranger.loadURL('data:text/html,<p>not the console</p>');
        const result: unknown = await stranger.webContents.executeJavaScript('window.pilotdesk.workspace.current()');
        stranger.destroy();
        return result;
      }, preload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    });

    await test.step('no new windows, no navigation away, no permissions', async () => {
      const before = page.url();
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      // A navigation that will-navigate lets through would have changed the URL by now.
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      expect(app.windows()).toHaveLength(1);
      const geolocation = await page.evaluate(
        async () => (await navigator.permissions.query({ name: 'geolocation' })).state,
      );
      expect(geolocation).not.toBe('granted');
      await new WelcomePage(page).expectShown();
    });
  });
});
