import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { BackupInfo, BackupList } from '../../../shared/backups/backup-schema';
import type { OperationOutput } from '../../../shared/api/contract';
import { api } from '../../api';
import { useWorkspaceStore } from '../../state/workspace';

export type RestoreResult = OperationOutput<'backups.restore'>;

/**
 * The backup list of the open workspace. A store rather than component state because a restore
 * reloads every page (the router view is keyed on the workspace's revision): the outcome of the
 * restore has to outlive the card that asked for it.
 */
export const useBackupsStore = defineStore('backups', () => {
  const workspace = useWorkspaceStore();
  const list = ref<BackupList | null>(null);
  const loading = ref(false);
  const creating = ref(false);
  const restoring = ref(false);
  /** The last restore, with the workspace it was made in, so another workspace does not show it. */
  const lastRestore = ref<{ path: string; result: RestoreResult } | null>(null);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      list.value = await api.backups.list();
    } finally {
      loading.value = false;
    }
  }

  async function create(): Promise<BackupInfo> {
    creating.value = true;
    try {
      const info = await api.backups.create();
      await refresh();
      return info;
    } finally {
      creating.value = false;
    }
  }

  async function restore(id: string): Promise<RestoreResult> {
    restoring.value = true;
    try {
      const result = await api.backups.restore({ id });
      lastRestore.value = { path: workspace.current?.path ?? '', result };
      await workspace.reload();
      return result;
    } finally {
      restoring.value = false;
    }
  }

  // Another workspace's list must not show, even for the moment before the card reads its own.
  watch(
    () => workspace.current?.path,
    () => (list.value = null),
  );

  function dismissLastRestore(): void {
    lastRestore.value = null;
  }

  return { list, loading, creating, restoring, lastRestore, refresh, create, restore, dismissLastRestore };
});
