import { parentPort, workerData } from 'node:worker_threads';
import type { WorkspaceContents } from '../../../shared/backups/backup-schema';
import { Database } from '../../db/database';
import { checkWorkspaceFile, type CheckResult } from '../../db/workspace-check';
import { tableRowCounts, workspaceContents } from '../workspace-contents';

export interface VerifyInput {
  path: string;
  nativeBinding?: string;
}

/** What a copy holds and whether SQLite finds it whole; counts are read only from a whole copy. */
export type VerifyResult =
  | { check: CheckResult; counts: null }
  | { check: CheckResult; counts: Record<string, number>; contents: WorkspaceContents; schemaVersion: number };

/** Reads a backup copy: integrity_check, the row count of every table, and what it holds. */
export function verifyFile({ path, nativeBinding }: VerifyInput): VerifyResult {
  const check = checkWorkspaceFile(path, { full: true, nativeBinding });
  if (!check.ok) return { check, counts: null };
  const copy = Database.open(path, { readonly: true, nativeBinding });
  try {
    return {
      check,
      counts: tableRowCounts(copy),
      contents: workspaceContents(copy),
      schemaVersion: copy.pragma<number>('user_version'),
    };
  } finally {
    copy.close();
  }
}

// As a worker thread: verify the file named in workerData and post the result.
if (parentPort && workerData) {
  try {
    parentPort.postMessage({ ok: true, result: verifyFile(workerData as VerifyInput) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
}
