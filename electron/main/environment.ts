import { app } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Settings the shell takes from its environment. Must run before the app is ready, because
 * Chromium fixes its profile folders then.
 */
export function applyDataDirOverride(env: NodeJS.ProcessEnv = process.env): void {
  // PILOTDESK_HOME moves the data folder exactly as it does for the CLI (tests use a temporary one).
  if (env.PILOTDESK_HOME) app.setPath('userData', resolve(env.PILOTDESK_HOME));
  // Chromium's caches go to a subfolder so the data folder holds only preferences and workspaces.
  app.setPath('sessionData', join(app.getPath('userData'), 'chromium'));
}

/**
 * The better-sqlite3 addon built for Electron that `npm start` passes in PILOTDESK_SQLITE_BINDING.
 * An installed app has its own rebuilt copy and ignores the variable.
 */
export function sqliteBindingFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = app.isPackaged ? undefined : env.PILOTDESK_SQLITE_BINDING;
  if (!path) return undefined;
  if (existsSync(path)) return path;
  console.warn(`PilotDesk: PILOTDESK_SQLITE_BINDING names a missing file (${path}); using better-sqlite3's own build`);
  return undefined;
}
