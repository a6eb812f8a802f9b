import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../../src/core/api/core-services';
import { ipcChannels } from '../../src/shared/api/bridge';
import { isOperationName } from '../../src/shared/api/contract';
import type { ApiResult } from '../../src/shared/api/result';
import { isAppUrl, type AppLocation } from './window-options';

/** The window allowed to call the core; null while it does not exist. */
export type MainWindowRef = () => BrowserWindow | null;

/**
 * The one IPC handler: a call from the main window's top frame showing the console is forwarded
 * to the core's dispatcher (which validates the input); core events go back to that window.
 * Returns a function that removes both.
 */
export function connectCoreToWindow(core: Core, mainWindow: MainWindowRef, location: AppLocation): () => void {
  ipcMain.handle(
    ipcChannels.call,
    (event, operation: unknown, input: unknown): Promise<ApiResult<unknown>> | ApiResult<unknown> => {
      if (!isTrustedSender(event, mainWindow(), location)) {
        console.warn(`PilotDesk: refused a core call from ${event.senderFrame?.url ?? 'a closed frame'}`);
        return { ok: false, error: { code: 'UNAUTHORIZED', key: 'errors.untrustedSender' } };
      }
      if (typeof operation !== 'string' || !isOperationName(operation)) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_OPERATION',
            key: 'errors.unknownOperation',
            params: { operation: String(operation) },
          },
        };
      }
      return core.dispatcher.call(operation, input);
    },
  );
  const unsubscribe = core.subscribe((serverEvent) => {
    const win = mainWindow();
    if (win && !win.isDestroyed()) win.webContents.send(ipcChannels.event, serverEvent);
  });
  // The weekly review's PDF: Chromium prints the page (its print CSS shows the print layout) to A4.
  ipcMain.handle(ipcChannels.printToPdf, async (event, suggestedFileName: unknown) => {
    const win = mainWindow();
    if (!win || !isTrustedSender(event, win, location)) return { saved: false };
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', landscape: true, printBackground: true });
    const safeName = basename(String(suggestedFileName || 'PilotDesk.pdf')).replace(/[\\/:*?"<>|]/g, '_');
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: safeName,
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, pdf);
    return { saved: true, path: choice.filePath };
  });
  return () => {
    ipcMain.removeHandler(ipcChannels.call);
    ipcMain.removeHandler(ipcChannels.printToPdf);
    unsubscribe();
  };
}

// Any frame that manages to run script (an iframe, a page navigated elsewhere) could reach
// ipcRenderer through a preload; only the console's own top frame may call the core.
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, location: AppLocation): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  return event.sender === win.webContents && frame.parent === null && isAppUrl(frame.url, location);
}
