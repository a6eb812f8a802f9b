import { BrowserWindow } from 'electron';
import { mainWindowOptions, type ShellPaths } from './window-options';

/** Creates the console window, shows it once painted and loads the dev server or the built file. */
export function createMainWindow(paths: ShellPaths): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(paths.preloadFile));
  win.once('ready-to-show', () => win.show());
  // A page that fails to load never becomes ready-to-show; show the window anyway so the user
  // sees something (and can open devtools in development) rather than an app with no window.
  win.webContents.once('did-fail-load', (_event, code, description, url) => {
    console.error(`PilotDesk: could not load ${url}: ${description} (${code})`);
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  });
  const loading = paths.devServerUrl ? win.loadURL(paths.devServerUrl) : win.loadFile(paths.rendererFile);
  // did-fail-load reports the failure; this only keeps the rejection from going unhandled.
  loading.catch(() => undefined);
  return win;
}

/** Brings the window to the front, e.g. when the user launches the app a second time. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
