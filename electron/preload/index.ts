import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  buildBridge,
  ipcChannels,
  type PilotDeskEventBridge,
  type PilotDeskShellBridge,
} from '../../src/shared/api/bridge';
import type { ServerEvent } from '../../src/shared/api/events';
import type { OperationName } from '../../src/shared/api/contract';
import type { ApiResult } from '../../src/shared/api/result';

/** The contract's operation names, written in by the build (electron.vite.config.ts). */
declare const __PILOTDESK_OPERATION_NAMES__: readonly OperationName[];

// Runs sandboxed and context-isolated: the page gets named functions, never ipcRenderer itself.
const pilotdesk = buildBridge(
  __PILOTDESK_OPERATION_NAMES__,
  (operation, input) => ipcRenderer.invoke(ipcChannels.call, operation, input) as Promise<ApiResult<unknown>>,
);

const pilotdeskEvents: PilotDeskEventBridge = {
  subscribe(listener) {
    // The IPC event (with its sender) stays here; the page receives only the payload.
    const forward = (_event: IpcRendererEvent, serverEvent: ServerEvent): void => listener(serverEvent);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
};

const pilotdeskShell: PilotDeskShellBridge = {
  printToPdf: (suggestedFileName) =>
    ipcRenderer.invoke(ipcChannels.printToPdf, String(suggestedFileName)) as Promise<{ saved: boolean; path?: string }>,
};

contextBridge.exposeInMainWorld('pilotdesk', pilotdesk);
contextBridge.exposeInMainWorld('pilotdeskShell', pilotdeskShell);
contextBridge.exposeInMainWorld('pilotdeskEvents', pilotdeskEvents);
