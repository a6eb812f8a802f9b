import type { BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Pure decisions of the desktop shell — window settings and which URLs count as ours — kept free
 * of Electron at run time so they are tested in plain Node.
 */

/** Where the console is loaded from: electron-vite's dev server while developing, else the built file. */
export interface AppLocation {
  /** An http(s) loopback URL; set only in an unpackaged app. */
  devServerUrl?: string;
  /** Absolute path of the built `out/renderer/index.html`. */
  rendererFile: string;
}

export interface ShellPaths extends AppLocation {
  /** Absolute path of the sandboxed preload bundle (`out/preload/index.cjs`). */
  preloadFile: string;
}

export const windowTitle = '试验田工作台';

/** The console's page background (Naive UI's light body), so the window does not flash another colour while loading. */
export const windowBackgroundColor = '#ffffff';

/**
 * Hosts the console may hand to the user's browser. The one place to add one (a help site, say);
 * empty means every link the page tries to open is refused.
 */
export const externalLinkHosts: readonly string[] = [];

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The main window's settings: the renderer gets no Node, an isolated preload and a sandbox. */
export function mainWindowOptions(preloadFile: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: windowTitle,
    backgroundColor: windowBackgroundColor,
    // Shown on `ready-to-show`, so the user never sees a half-painted window.
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Only plain https links to an allowed host (default port, no credentials) may leave the app. */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = externalLinkHosts): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password || parsed.port) return false;
  return allowedHosts.includes(parsed.hostname);
}

/** True when `url` is the console itself: the dev server's origin, or exactly the built index file. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (location.devServerUrl !== undefined) {
    const dev = parseUrl(location.devServerUrl);
    // A non-http dev URL would have origin "null", which every file: URL shares.
    if (!dev || !isHttp(dev)) return false;
    return parsed.origin === dev.origin;
  }
  const file = pathToFileURL(location.rendererFile);
  return parsed.protocol === 'file:' && parsed.host === file.host && parsed.pathname === file.pathname;
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * The dev server URL electron-vite passes in ELECTRON_RENDERER_URL, if it may be used: never in a
 * packaged app (an environment variable must not redirect the installed console), and only on loopback.
 */
export function devServerUrlFrom(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined;
  const parsed = parseUrl(value);
  if (!parsed || !isHttp(parsed) || !loopbackHosts.has(parsed.hostname)) return undefined;
  return parsed.href;
}

/** The built files, relative to the folder of the bundled main script (`out/main`). */
export function shellPaths(mainDir: string, devServerUrl: string | undefined): ShellPaths {
  return {
    devServerUrl,
    rendererFile: join(mainDir, '..', 'renderer', 'index.html'),
    preloadFile: join(mainDir, '..', 'preload', 'index.cjs'),
  };
}
