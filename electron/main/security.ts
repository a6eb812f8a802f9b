import { app, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../src/core/server/browser-server';
import { isAllowedExternalUrl, isAppUrl, type AppLocation } from './window-options';

// Writing to the clipboard from the console's own page (copy buttons) is the only permission granted.
const grantedPermissions = new Set<string>(['clipboard-sanitized-write']);

/**
 * App-wide rules for every web contents: no new windows (allowed https links go to the user's
 * browser), no navigation away from the console, no webviews, no permissions beyond the above.
 */
export function installSecurityPolicy(location: AppLocation, session: Session): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location));
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(grantedPermissions.has(permission) && isAppUrl(contents.getURL(), location));
  });
  session.setPermissionCheckHandler((contents, permission) => {
    return grantedPermissions.has(permission) && contents !== null && isAppUrl(contents.getURL(), location);
  });
  applyContentSecurityPolicy(location, session);
}

function guardWebContents(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.error(`PilotDesk: could not open ${url}:`, error));
    } else {
      console.warn(`PilotDesk: refused to open ${url}`);
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The same CSP as browser mode. Headers only exist for http(s) loads (the dev server); the built
 * file loaded over file: must carry the policy in its own <meta> tag.
 */
function applyContentSecurityPolicy(location: AppLocation, session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
