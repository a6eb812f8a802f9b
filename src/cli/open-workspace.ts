import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkspaceInfo } from '../shared/workspace/workspace-schema';
import { WorkspaceSession } from '../core/workspace/workspace-session';
import { CommandFailure } from './cli-io';

/** Opens the workspace a command names; a missing or unreadable file is a failure that says why. */
export function openWorkspaceForCli(workspacePath: string): { session: WorkspaceSession; info: WorkspaceInfo } {
  const path = resolve(workspacePath);
  if (!existsSync(path)) throw new CommandFailure(`workspace not found / 找不到工作区文件: ${path}`);
  const session = new WorkspaceSession({ dataDir: resolve(path, '..'), now: () => new Date() });
  try {
    return { session, info: session.open(path) };
  } catch (error) {
    throw new CommandFailure(error instanceof Error ? error.message : String(error));
  }
}
