import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiCallError } from '../../shared/api/client';
import type { DamagedWorkspace, SalvageResult } from '../../shared/backups/backup-schema';
import type { WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import { api } from '../api';
import { useWorkspaceStore } from './workspace';

interface DamagedDetails {
  reason?: unknown;
  path?: unknown;
  problems?: unknown;
}

function damagedDetails(error: unknown): DamagedDetails | null {
  if (!(error instanceof ApiCallError) || error.error.code !== 'WORKSPACE_INVALID') return null;
  const details = error.error.details as DamagedDetails | undefined;
  return details?.reason === 'damaged' ? details : null;
}

/**
 * The workspace the core refused to open because its file is damaged. While it is set (and no
 * workspace is open) App.vue shows the damaged page in place of the welcome screen.
 */
export const useDamagedWorkspaceStore = defineStore('damagedWorkspace', () => {
  const workspace = useWorkspaceStore();
  const report = ref<DamagedWorkspace | null>(null);

  /** At launch. Start-up must not fail on this question, so a core that cannot answer counts as "nothing damaged". */
  async function check(): Promise<void> {
    try {
      report.value = await api.backups.damaged();
    } catch (error) {
      console.warn('backups.damaged failed', error);
      report.value = null;
    }
  }

  /**
   * After opening a workspace failed: when the file is damaged, shows the damaged page rather
   * than a toast and returns true. The core's report carries the backups; if it has none to give,
   * the error's own details still name the file and its problems.
   */
  async function takeOpenError(error: unknown): Promise<boolean> {
    const details = damagedDetails(error);
    if (!details) return false;
    let found: DamagedWorkspace | null = null;
    try {
      found = await api.backups.damaged();
    } catch (reportError) {
      console.warn('backups.damaged failed', reportError);
    }
    report.value = found ?? {
      path: typeof details.path === 'string' ? details.path : '',
      problems: Array.isArray(details.problems) ? details.problems.map(String) : [],
      backups: [],
    };
    return true;
  }

  async function restore(id: string): Promise<WorkspaceInfo> {
    const info = await api.backups.restoreDamaged({ id });
    await workspace.reload();
    report.value = null;
    return info;
  }

  function salvage(): Promise<SalvageResult> {
    return api.backups.salvageDamaged();
  }

  async function openSalvaged(path: string): Promise<void> {
    await workspace.open(path);
    report.value = null;
  }

  function dismiss(): void {
    report.value = null;
  }

  return { report, check, takeOpenError, restore, salvage, openSalvaged, dismiss };
});
