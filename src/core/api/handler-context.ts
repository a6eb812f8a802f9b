import type { ServerEvent } from '../../shared/api/events';
import type { UploadCache } from '../imports/upload-cache';
import type { JobRegistry } from '../jobs/job-registry';
import type { PreferencesFile } from '../preferences/preferences-file';
import type { WorkspaceSession } from '../workspace/workspace-session';

/** What every handler may use. Time is passed in, never read from a global. */
export interface HandlerContext {
  session: WorkspaceSession;
  preferences: PreferencesFile;
  now: () => Date;
  emit: (event: ServerEvent) => void;
  uploads: UploadCache;
  jobs: JobRegistry;
}
