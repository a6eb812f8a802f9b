import { app, dialog, session, type BrowserWindow } from 'electron';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/api/core-services';
import { PilotDeskError } from '../../src/shared/api/result';
import { describeError } from '../../src/shared/i18n/translate';
import { openInitialWorkspace } from '../../src/core/workspace/initial-workspace';
import { applyDataDirOverride, sqliteBindingFromEnv } from './environment';
import { connectCoreToWindow } from './ipc';
import { installApplicationMenu } from './menu';
import { installSecurityPolicy } from './security';
import { createMainWindow, focusWindow } from './window';
import { devServerUrlFrom, shellPaths } from './window-options';

applyDataDirOverride();
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

// A second instance would open the same workspace file twice; hand over to the first one instead.
if (app.requestSingleInstanceLock()) {
  start().catch(failToStart);
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  const mainDir = fileURLToPath(new URL('.', import.meta.url));
  const paths = shellPaths(mainDir, devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged));
  installSecurityPolicy(paths, session.defaultSession);
  installApplicationMenu(app.isPackaged);

  const core = createCore({
    dataDir: app.getPath('userData'),
    nativeBinding: sqliteBindingFromEnv(),
    dailyBackups: true,
    onInternalError: (operation, error) => console.error(`PilotDesk: internal error in ${operation}:`, error),
  });
  openInitialWorkspace(core, undefined, { strict: false });

  let mainWindow: BrowserWindow | null = null;
  const openMainWindow = (): void => {
    const win = createMainWindow(paths);
    win.on('closed', () => {
      mainWindow = null;
    });
    mainWindow = win;
  };
  const disconnect = connectCoreToWindow(core, () => mainWindow, paths);
  openMainWindow();

  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
    else openMainWindow();
  });
  app.on('activate', () => {
    if (!mainWindow) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    disconnect();
    core.close();
  });
}

function failToStart(error: unknown): void {
  // The core's refusals read as sentences (in the default language: preferences may be what failed).
  const message =
    error instanceof PilotDeskError
      ? describeError('zh-CN', error)
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  console.error('PilotDesk could not start:', message);
  dialog.showErrorBox('试验田工作台无法启动', message);
  app.exit(1);
}
