import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * The same folder Electron's `app.getPath('userData')` gives for "PilotDesk", so browser mode and
 * the desktop app share preferences and workspaces. PILOTDESK_HOME overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PILOTDESK_HOME) return env.PILOTDESK_HOME;
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'PilotDesk');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'PilotDesk');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'PilotDesk');
  }
}
