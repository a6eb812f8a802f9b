import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  devServerUrlFrom,
  externalLinkHosts,
  isAllowedExternalUrl,
  isAppUrl,
  mainWindowOptions,
  shellPaths,
  windowTitle,
} from '../../../electron/main/window-options';

const mainDir = resolve('/opt/pilotdesk/out/main');
const rendererFile = join(mainDir, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererFile).href;

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/opt/pilotdesk/out/preload/index.cjs');

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/pilotdesk/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens hidden at a usable size with the Chinese title', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 640, show: false });
    expect(options.title).toBe('试验田工作台');
    expect(options.title).toBe(windowTitle);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('isAllowedExternalUrl', () => {
  const hosts = ['help.pilotdesk.example'];

  it('allows plain https links to an allowed host', () => {
    expect(isAllowedExternalUrl('https://help.pilotdesk.example/guide?x=1#top', hosts)).toBe(true);
    expect(isAllowedExternalUrl('https://HELP.pilotdesk.example/', hosts)).toBe(true);
  });

  it('refuses other schemes, hosts, ports and credentials', () => {
    for (const url of [
      'http://help.pilotdesk.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://help.pilotdesk.example/share',
      'https://evil.example/',
      'https://help.pilotdesk.example.evil.example/',
      'https://sub.help.pilotdesk.example/',
      'https://help.pilotdesk.example:8443/',
      'https://user:secret@help.pilotdesk.example/',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false);
    }
  });

  it('refuses everything with the shipped allow-list while it is empty', () => {
    expect(externalLinkHosts).toEqual([]);
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts exactly the built index file, with any route hash or query', () => {
    const location = { rendererFile };
    expect(isAppUrl(rendererUrl, location)).toBe(true);
    expect(isAppUrl(`${rendererUrl}#/stores`, location)).toBe(true);
    expect(isAppUrl(`${rendererUrl}?tab=1`, location)).toBe(true);
  });

  it('refuses other files, remote pages and junk when loading the built file', () => {
    const location = { rendererFile };
    expect(isAppUrl(pathToFileURL(join(mainDir, '..', 'renderer', 'other.html')).href, location)).toBe(false);
    expect(isAppUrl(pathToFileURL('/etc/passwd').href, location)).toBe(false);
    expect(isAppUrl('https://evil.example/index.html', location)).toBe(false);
    expect(isAppUrl(rendererUrl.replace(/^file:/, 'evil:'), location)).toBe(false);
    expect(isAppUrl('about:blank', location)).toBe(false);
    expect(isAppUrl('nonsense', location)).toBe(false);
  });

  it('accepts only the dev server origin while developing', () => {
    const location = { devServerUrl: 'http://localhost:5173/', rendererFile };
    expect(isAppUrl('http://localhost:5173/#/guides', location)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', location)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', location)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', location)).toBe(false);
    // The built file is not the app while the dev server is.
    expect(isAppUrl(rendererUrl, location)).toBe(false);
  });

  it('never treats file: URLs as the app because of a non-http dev URL', () => {
    const location = { devServerUrl: 'file:///tmp/index.html', rendererFile };
    expect(isAppUrl('file:///tmp/index.html', location)).toBe(false);
    expect(isAppUrl(rendererUrl, location)).toBe(false);
  });
});

describe('devServerUrlFrom', () => {
  it('uses a loopback http dev server in an unpackaged app', () => {
    expect(devServerUrlFrom('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFrom('http://[::1]:5173/', false)).toBe('http://[::1]:5173/');
  });

  it('ignores it when packaged, remote, not http or absent', () => {
    expect(devServerUrlFrom('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrlFrom('http://evil.example:5173', false)).toBeUndefined();
    expect(devServerUrlFrom('file:///tmp/index.html', false)).toBeUndefined();
    expect(devServerUrlFrom('not a url', false)).toBeUndefined();
    expect(devServerUrlFrom(undefined, false)).toBeUndefined();
    expect(devServerUrlFrom('', false)).toBeUndefined();
  });
});

describe('shellPaths', () => {
  it('finds the preload and renderer beside the bundled main script', () => {
    expect(shellPaths(mainDir, undefined)).toEqual({
      devServerUrl: undefined,
      rendererFile,
      preloadFile: join(mainDir, '..', 'preload', 'index.cjs'),
    });
  });
});
