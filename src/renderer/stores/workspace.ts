import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { todayIn } from '../../shared/dates/local-date';
import type { RecentWorkspace, WorkspaceCreateInput, WorkspaceInfo } from '../../shared/workspace/workspace-schema';
import { api } from '../api';

export const useWorkspaceStore = defineStore('workspace', () => {
  const current = ref<WorkspaceInfo | null>(null);
  const recent = ref<RecentWorkspace[]>([]);
  const loaded = ref(false);
  /** Bumped whenever the workspace changes, so pages reload their data. */
  const revision = ref(0);

  const today = computed(() => todayIn(current.value?.timeZone ?? 'Asia/Shanghai'));

  function set(info: WorkspaceInfo | null): void {
    current.value = info;
    revision.value += 1;
  }

  async function load(): Promise<void> {
    const [info, list] = await Promise.all([api.workspace.current(), api.workspace.recent()]);
    current.value = info;
    recent.value = list;
    loaded.value = true;
  }

  async function openDemo(reset = false): Promise<void> {
    set(await api.workspace.openDemo({ reset }));
  }

  async function create(input: WorkspaceCreateInput): Promise<void> {
    set(await api.workspace.create(input));
  }

  async function open(path: string): Promise<void> {
    set(await api.workspace.open({ path }));
  }

  async function close(): Promise<void> {
    await api.workspace.close();
    set(null);
    recent.value = await api.workspace.recent();
  }

  return { current, recent, loaded, revision, today, load, openDemo, create, open, close };
});
