import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PilotDeskError } from '../../shared/api/result';
// Not from read-workbook.ts, which would load SheetJS on this thread: files are parsed in the worker.
import type { WorkbookContents } from './read-workbook';
import { defaultReadLimits, type ReadLimits } from './reader/limits';
import { refusals } from './reader/refusal';
import type { WorkerInput, WorkerMessage } from './reader/worker-main';

export type ReadStage = 'reading' | 'parsing' | 'done';

export interface ReadInWorkerOptions {
  limits?: ReadLimits;
  signal?: AbortSignal;
  onProgress?: (stage: ReadStage) => void;
}

// Resolved from this file's path rather than with `new URL(…, import.meta.url)`, which bundlers
// rewrite into asset references.
const here = dirname(fileURLToPath(import.meta.url));

/** A build that bundles the core emits the worker as reader/worker-main.js beside it; from source, the .mjs entry loads the TypeScript. */
function workerScript(): string {
  const compiled = join(here, 'reader', 'worker-main.js');
  return existsSync(compiled) ? compiled : join(here, 'reader', 'worker-entry.mjs');
}

/**
 * The worker's heap ceiling. The reader bounds what it parses, but this is the backstop: a file
 * that still needs more memory ends the worker with a refusal instead of ending PilotDesk.
 */
function workerHeapMegabytes(): number {
  return Math.min(4096, Math.max(1024, Math.floor(totalmem() / 1024 / 1024 / 2)));
}

/**
 * Runs readWorkbook in a worker_threads Worker so a big file never blocks the caller's event
 * loop; reports progress ('reading' | 'parsing' | 'done') and can be cancelled with an
 * AbortSignal (terminates the worker, rejects with PilotDeskError('VALIDATION', 'imports.refusal.cancelled',
 * undefined, { reason: 'cancelled' })). Errors from the worker arrive as the same PilotDeskError.
 */
export function readWorkbookInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: ReadInWorkerOptions = {},
): Promise<WorkbookContents> {
  const { limits = defaultReadLimits, signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(refusals.cancelled());
  // Refused before a thread is started or the bytes are copied.
  if (bytes.length > limits.maxBytes) return Promise.reject(refusals.tooLarge(fileName, bytes.length, limits.maxBytes));

  return new Promise<WorkbookContents>((resolve, reject) => {
    onProgress?.('reading');
    // The worker gets its own copy, transferred rather than cloned a second time, so the caller's bytes stay usable.
    const copy = new Uint8Array(bytes);
    const input: WorkerInput = { bytes: copy, fileName, limits };
    const worker = new Worker(workerScript(), {
      workerData: input,
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMegabytes() },
    });

    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(refusals.cancelled()));
    signal?.addEventListener('abort', onAbort, { once: true });

    let contents: WorkbookContents | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.stage);
      } else if (message.type === 'outline') {
        contents = message.contents;
      } else if (message.type === 'rows') {
        const rows = contents?.sheets[message.sheet]?.rows;
        if (rows) for (const row of message.rows) rows.push(row);
      } else if (message.type === 'done') {
        const result = contents;
        settle(() => {
          if (!result) {
            reject(new PilotDeskError('INTERNAL', 'imports.error.workerNoResult'));
            return;
          }
          onProgress?.('done');
          resolve(result);
        });
      } else {
        const { code, key, params, fields, details } = message.error;
        settle(() => reject(new PilotDeskError(code, key, params, fields, details)));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? refusals.outOfMemory(fileName)
            : new PilotDeskError('INTERNAL', 'imports.error.readFailed', { reason: error.message }),
        ),
      );
    });
    worker.on('exit', (exitCode) => {
      settle(() => reject(new PilotDeskError('INTERNAL', 'imports.error.workerExited', { exitCode })));
    });
  });
}
