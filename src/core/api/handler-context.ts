import type { ServerEvent } from '../../shared/api/events';
import type { JobRegistry } from '../jobs/job-registry';
import type { PreferencesFile } from '../preferences/preferences-file';
import type { WorkspaceSession } from '../workspace/workspace-session';

/** What the core gives every handler. Time is passed in (`now()`), never read from a global. */
export interface CoreContext {
  session: WorkspaceSession;
  preferences: PreferencesFile;
  now: () => Date;
  emit: (event: ServerEvent) => void;
  /** Long work under way (file reads of imports); a restore waits for none. */
  jobs: JobRegistry;
}

/**
 * What a handler may use: the core's context and the parts domains add. A domain with state of
 * its own declares it beside its code (`declare module '../api/handler-context'`, see
 * core/imports/imports-context.ts) and lists its part in `contextParts` (core-services.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- widened by the domains' declarations
export interface HandlerContext extends CoreContext {}

/** State one domain keeps for the life of a core, made when the core starts and let go at its close. */
export interface ContextPart<T extends object> {
  create(core: CoreContext): T;
  close?(part: T): void;
}

export function defineContextPart<T extends object>(part: ContextPart<T>): ContextPart<T> {
  return part;
}
