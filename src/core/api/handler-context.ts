import type { ServerEvent } from '../../shared/api/events';
import type { PreferencesFile } from '../preferences/preferences-file';
import type { WorkspaceSession } from '../workspace/workspace-session';

/** What every handler may use. Time is passed in, never read from a global. */
export interface HandlerContext {
  session: WorkspaceSession;
  preferences: PreferencesFile;
  now: () => Date;
  emit: (event: ServerEvent) => void;
}
