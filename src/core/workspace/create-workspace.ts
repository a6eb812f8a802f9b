import { systemClock } from '../clock/clock';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { PilotDeskError } from '../../shared/api/result';
import type { WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import type { Database } from '../db/database';
import { openWorkspaceDatabase } from '../db/open-workspace';
import { newId } from '../ids';
import { insertWorkspaceRow, readWorkspaceInfo } from './workspace-repository';

export interface NewWorkspace {
  name: string;
  region: string;
  timeZone: string;
  isDemo?: boolean;
}

export interface CreateOptions {
  nativeBinding?: string;
  now?: () => Date;
  /** Fills the new workspace before it appears at its final path (the demo uses this). */
  populate?: (db: Database, info: WorkspaceInfo) => void;
  /** Replace a file already at `path` (resetting the demo); otherwise an existing file is refused. */
  replace?: boolean;
}

/**
 * Creates a workspace file. It is built under a temporary name and renamed into place only
 * when complete, so a crash never leaves a half-made workspace where the user expects one.
 */
export function createWorkspaceFile(path: string, fields: NewWorkspace, options: CreateOptions = {}): void {
  const now = options.now ?? systemClock();
  if (!options.replace && existsSync(path)) {
    throw new PilotDeskError('WORKSPACE_INVALID', 'workspace.error.exists', { path }, undefined, {
      reason: 'exists',
      path,
    });
  }
  const temporary = `${path}.creating`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true });
  const db = openWorkspaceDatabase(temporary, { create: true, nativeBinding: options.nativeBinding, now });
  try {
    db.transaction(() => {
      insertWorkspaceRow(db, {
        id: newId(),
        name: fields.name,
        region: fields.region,
        timeZone: fields.timeZone,
        isDemo: fields.isDemo ?? false,
        at: now().toISOString(),
      });
    });
    options.populate?.(db, readWorkspaceInfo(db));
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temporary}${suffix}`, { force: true });
    throw error;
  }
  db.close();
  if (existsSync(path)) rmSync(path);
  renameSync(temporary, path);
}
