import { PilotDeskError } from '../../shared/api/result';
import type { Core } from '../api/core-services';

/**
 * At launch: open the workspace named on the command line, else the one used last. A last
 * workspace that has gone or broken is forgotten quietly so the welcome screen shows instead;
 * a workspace the user named explicitly fails loudly (`strict`).
 */
export function openInitialWorkspace(core: Core, explicitPath: string | undefined, options: { strict: boolean }): void {
  const path = explicitPath ?? core.preferences.read().lastWorkspacePath;
  if (!path) return;
  try {
    const info = core.session.open(path);
    core.preferences.rememberWorkspace(
      { path: info.path, name: info.name, isDemo: info.isDemo },
      core.session.options.now(),
    );
  } catch (error) {
    // A damaged workspace is kept: the console opens on its damaged page (restore or export).
    if (core.session.damaged?.path === path) return;
    if (options.strict) throw error;
    // Forget it only when the file itself is gone or not a workspace; a fault of this machine
    // (say, a native module built for the wrong runtime) must not lose the user's last workspace.
    if (error instanceof PilotDeskError && error.code === 'WORKSPACE_INVALID') core.preferences.forgetLastWorkspace();
    else throw error;
  }
}
