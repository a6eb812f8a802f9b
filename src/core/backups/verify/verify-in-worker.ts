import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { VerifyInput, VerifyResult } from './verify-main';

const here = dirname(fileURLToPath(import.meta.url));

/** A build that bundles the core emits the verifier as backups/verify-main.js beside it; from source, the .mjs entry loads the TypeScript. */
function workerScript(): string {
  const compiled = join(here, 'backups', 'verify-main.js');
  return existsSync(compiled) ? compiled : join(here, 'verify-entry.mjs');
}

/**
 * Verifies a backup copy in a worker thread: the integrity_check of a 200 MB copy takes seconds,
 * and the console must keep answering while the day's backup is checked.
 */
export function verifyInWorker(input: VerifyInput): Promise<VerifyResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: input });
    worker.once('message', (message: { ok: true; result: VerifyResult } | { ok: false; message: string }) => {
      if (message.ok) resolve(message.result);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`backup verifier stopped (exit ${code})`));
    });
  });
}
