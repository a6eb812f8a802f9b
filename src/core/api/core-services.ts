import type { ServerEvent } from '../../shared/api/events';
import { scheduleDailyBackups } from '../backups/daily-backups';
import { backupHandlers } from '../backups/handlers';
import { dealerHandlers } from '../dealers/handlers';
import { importHandlers } from '../imports/handlers';
import { importsContext } from '../imports/imports-context';
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
import type { ContextPart, CoreContext, HandlerContext } from './handler-context';

/** Every domain's handlers: a domain joins the core by adding its group here. */
export const handlers = combineHandlers([
  workspaceHandlers,
  preferenceHandlers,
  backupHandlers,
  dealerHandlers,
  storeHandlers,
  guideHandlers,
  importHandlers,
  jobHandlers,
  metricsHandlers,
  tierHandlers,
  reviewHandlers,
]);

/** The state domains keep beside the core's own (see HandlerContext). */
const contextParts = [importsContext] as const;

type PartOf<P> = P extends ContextPart<infer T> ? T : never;
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : unknown;
type Provided = CoreContext & Intersection<PartOf<(typeof contextParts)[number]>>;
// A domain that adds to HandlerContext without listing its part above does not compile.
const everyPartListed: (provided: Provided) => HandlerContext = (provided) => provided;

function withContextParts(core: CoreContext): { context: HandlerContext; close(): void } {
  const made = contextParts.map((part) => ({ part: part as ContextPart<object>, value: part.create(core) }));
  const context = everyPartListed(Object.assign({}, core, ...made.map(({ value }) => value)) as Provided);
  return { context, close: () => made.forEach(({ part, value }) => part.close?.(value)) };
}

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
  const { context, close: closeContextParts } = withContextParts({
    session,
    preferences,
    now,
    emit: (event) => listeners.forEach((listener) => listener(event)),
    jobs: new JobRegistry(),
  });
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
      closeContextParts();
      session.close();
    },
  };
}
