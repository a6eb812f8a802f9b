import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import type { WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import type { Database } from '../db/database';
import { openWorkspaceDatabase } from '../db/open-workspace';
import { readWorkspaceInfo } from './workspace-repository';

export interface SessionOptions {
  /** The app's data folder: preferences, the demo and new workspaces live here. */
  dataDir: string;
  nativeBinding?: string;
  now: () => Date;
}

/** The workspace currently open in this process (at most one). */
export class WorkspaceSession {
  private db: Database | null = null;
  private info: WorkspaceInfo | null = null;
  /** The last workspace that failed to open because its file is damaged (the console offers a restore). */
  damaged: { path: string; problems: string[] } | null = null;

  private readonly openedListeners = new Set<(info: WorkspaceInfo) => void>();

  constructor(readonly options: SessionOptions) {}

  /** Called after every successful open (the daily backup hangs off this). */
  onOpened(listener: (info: WorkspaceInfo) => void): () => void {
    this.openedListeners.add(listener);
    return () => this.openedListeners.delete(listener);
  }

  get workspacesDir(): string {
    return join(this.options.dataDir, 'workspaces');
  }

  current(): WorkspaceInfo | null {
    return this.info;
  }

  open(path: string): WorkspaceInfo {
    let db: Database;
    try {
      db = openWorkspaceDatabase(path, { nativeBinding: this.options.nativeBinding, now: this.options.now });
    } catch (error) {
      const details =
        error instanceof PilotDeskError
          ? (error.details as { reason?: string; problems?: string[] } | undefined)
          : undefined;
      if (details?.reason === 'damaged') this.damaged = { path, problems: details.problems ?? [] };
      throw error;
    }
    let info: WorkspaceInfo;
    try {
      info = readWorkspaceInfo(db);
    } catch {
      db.close();
      throw new PilotDeskError('WORKSPACE_INVALID', 'workspace.error.incomplete', { path }, undefined, {
        reason: 'corrupt',
        path,
      });
    }
    this.close();
    this.db = db;
    this.info = info;
    if (this.damaged?.path === path) this.damaged = null;
    this.openedListeners.forEach((listener) => listener(info));
    return info;
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.info = null;
  }

  /** The open database; handlers that need one fail with NO_WORKSPACE when there is none. */
  requireDb(): Database {
    if (!this.db) throw new PilotDeskError('NO_WORKSPACE', 'workspace.error.notOpen');
    return this.db;
  }

  requireInfo(): WorkspaceInfo {
    this.requireDb();
    return this.info as WorkspaceInfo;
  }

  ensureWorkspacesDir(): string {
    mkdirSync(this.workspacesDir, { recursive: true });
    return this.workspacesDir;
  }

  static fileNameFor(name: string, id: string): string {
    const safe = name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 40) || 'workspace';
    return `${safe}-${id.slice(-6).toLowerCase()}.pilotdesk`;
  }
}
