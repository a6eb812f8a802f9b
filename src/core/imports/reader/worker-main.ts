import { parentPort, workerData } from 'node:worker_threads';
import { PilotDeskError, type ApiError } from '../../../shared/api/result';
import type { GridRow } from '../../../shared/imports/grid';
import { readWorkbook, type ReadLimits, type WorkbookContents } from '../read-workbook';

/** What the worker is given: the file (its buffer transferred, not copied) and the limits. */
export interface WorkerInput {
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
}

/**
 * The result travels as the workbook's outline followed by its rows in chunks: the receiving
 * thread deserialises each message on its event loop, and a million rows in one message would
 * hold it for a second.
 */
export type WorkerMessage =
  | { type: 'progress'; stage: 'parsing' }
  | { type: 'outline'; contents: WorkbookContents }
  | { type: 'rows'; sheet: number; rows: GridRow[] }
  | { type: 'done' }
  | {
      type: 'failed';
      error: ApiError;
    };

export const ROWS_PER_MESSAGE = 10_000;

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

function send(contents: WorkbookContents): void {
  post({
    type: 'outline',
    contents: { ...contents, sheets: contents.sheets.map((sheet) => ({ ...sheet, rows: [] })) },
  });
  contents.sheets.forEach((sheet, index) => {
    for (let start = 0; start < sheet.rows.length; start += ROWS_PER_MESSAGE) {
      post({ type: 'rows', sheet: index, rows: sheet.rows.slice(start, start + ROWS_PER_MESSAGE) });
    }
  });
  post({ type: 'done' });
}

const input = workerData as WorkerInput;
post({ type: 'progress', stage: 'parsing' });
try {
  send(readWorkbook(input.bytes, input.fileName, input.limits));
} catch (error) {
  if (error instanceof PilotDeskError) {
    post({
      type: 'failed',
      error: error.toApiError(),
    });
  } else {
    // readWorkbook refuses bad input itself; anything else is a bug, reported as such.
    post({
      type: 'failed',
      error: {
        code: 'INTERNAL',
        key: 'imports.error.readFailed',
        params: { reason: error instanceof Error ? error.message : String(error) },
      },
    });
  }
}
