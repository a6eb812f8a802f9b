import type { ServerEvent } from './events';
import type { Namespace, OperationName } from './contract';
import type { ApiResult } from './result';

/**
 * What the desktop preload exposes as `window.pilotdesk`: one named function per operation
 * (`window.pilotdesk.stores.list(input)`), each resolving to an ApiResult. There is no generic
 * `invoke(channel)` escape.
 */
export type PilotDeskBridge = {
  [N in Namespace]: {
    [K in OperationName as K extends `${N}.${infer M}` ? M : never]: (input?: unknown) => Promise<ApiResult<unknown>>;
  };
};

/** Exposed as `window.pilotdeskEvents`: progress and workspace events from the core. */
export interface PilotDeskEventBridge {
  subscribe(listener: (event: ServerEvent) => void): () => void;
}

/** The IPC channel names: one for calls, one for events. Used by main and preload only. */
export const ipcChannels = {
  call: 'pilotdesk:call',
  event: 'pilotdesk:event',
  printToPdf: 'pilotdesk:print-to-pdf',
} as const;

/** What only the desktop shell can do for the page (the core's contract stays transport-free). */
export interface PilotDeskShellBridge {
  /** Prints the current page to an A4 PDF and asks where to save it; false when the user cancels. */
  printToPdf(suggestedFileName: string): Promise<{ saved: boolean; path?: string }>;
}

/**
 * Builds the bridge object around one call function. The names come from the build (the
 * preload cannot bundle the contract's schemas), and the build takes them from the contract.
 */
export function buildBridge(
  operationNames: readonly OperationName[],
  call: (operation: OperationName, input: unknown) => Promise<ApiResult<unknown>>,
): PilotDeskBridge {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const name of operationNames) {
    const [namespace, method] = name.split('.') as [string, string];
    bridge[namespace] ??= {};
    bridge[namespace][method] = (input?: unknown) => call(name, input);
  }
  return bridge as PilotDeskBridge;
}
