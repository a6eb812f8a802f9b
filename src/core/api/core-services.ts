import type { ServerEvent } from '../../shared/api/events';
import { scheduleDailyBackups } from '../backups/daily-backups';
import { backupHandlers } from '../backups/handlers';
import { dealerHandlers } from '../dealers/handlers';
import { importHandlers } from '../imports/handlers';
import { UploadCache } from '../imports/upload-cache';
import { jobHandlers } from '../jobs/handlers';
import { JobRegistry } from '../jobs/job-registry';
import { guideHandlers } from '../guides/handlers';
import { preferenceHandlers } from '../preferences/handlers';
import { PreferencesFile } from '../preferences/preferences-file';
import { storeHandlers } from '../stores/handlers';
import { tierHandlers } from '../tiers/handlers';
import { reviewHandlers } from '../review/handlers';
import { metricsHandlers } from '../metrics/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import { WorkspaceSession } from '../workspace/workspace-session';
import { systemClock } from '../clock/clock';
import { combineHandlers, createDispatcher, type Dispatcher } from './dispatcher';
import type { HandlerContext } from './handler-context';

export const handlers = combineHandlers({
  workspace: workspaceHandlers,
  preferences: preferenceHandlers,
  backups: backupHandlers,
  dealers: dealerHandlers,
  stores: storeHandlers,
  guides: guideHandlers,
  imports: importHandlers,
  jobs: jobHandlers,
  metrics: metricsHandlers,
  tiers: tierHandlers,
  review: reviewHandlers,
});

export interface CoreOptions {
  dataDir: string;
  nativeBinding?: string;
  now?: () => Date;
  validateOutputs?: boolean;
  /**
   * Back the workspace up the first time it is used each day, and check again every half hour
   * while it stays open (the app, browser mode). Off for one-shot uses such as tests.
   */
  dailyBackups?: boolean;
  onInternalError?: (operation: string, error: unknown) => void;
}

export interface Core {
  dispatcher: Dispatcher;
  session: WorkspaceSession;
  preferences: PreferencesFile;
  /** Long work under way (file reads of imports); a restore waits for none. */
  jobs: JobRegistry;
  subscribe(listener: (event: ServerEvent) => void): () => void;
  close(): void;
}

/** Everything a transport needs (Electron's IPC, the HTTP server, tests), wired once. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? systemClock();
  const listeners = new Set<(event: ServerEvent) => void>();
  const session = new WorkspaceSession({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, now });
  const preferences = PreferencesFile.inDataDir(options.dataDir);
  const context: HandlerContext = {
    session,
    preferences,
    now,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    uploads: new UploadCache(),
    jobs: new JobRegistry(),
  };
  const stopDailyBackups = options.dailyBackups
    ? scheduleDailyBackups(session, now, options.onInternalError)
    : () => {};
  const dispatcher = createDispatcher(handlers, context, {
    validateOutputs: options.validateOutputs,
    onInternalError: options.onInternalError,
  });
  return {
    dispatcher,
    session,
    preferences,
    jobs: context.jobs,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      stopDailyBackups();
      context.uploads.clear();
      session.close();
    },
  };
}
