import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  RecentWorkspace,
  WorkspaceClock,
  WorkspaceCreateInput,
  WorkspaceInfo,
} from '../../shared/workspace/workspace-schema';
import { api } from '../api';

export const useWorkspaceStore = defineStore('workspace', () => {
  const current = ref<WorkspaceInfo | null>(null);
  const recent = ref<RecentWorkspace[]>([]);
  const loaded = ref(false);
  /** Bumped whenever the workspace changes, so pages reload their data. */
  const revision = ref(0);

  /**
   * The core's clock: "today" in the workspace's time zone. The browser's own clock is never
   * asked, so a laptop set to UTC or Berlin shows the same week as one in Shanghai, and a test
   * that pins the core's clock pins the page too.
   */
  const clock = ref<WorkspaceClock | null>(null);
  const today = computed(() => clock.value?.today ?? '');

  async function refreshClock(): Promise<void> {
    clock.value = await api.workspace.clock();
  }

  function set(info: WorkspaceInfo | null): void {
    current.value = info;
    revision.value += 1;
    void refreshClock();
  }

  async function load(): Promise<void> {
    const [info, list, time] = await Promise.all([
      api.workspace.current(),
      api.workspace.recent(),
      api.workspace.clock(),
    ]);
    current.value = info;
    recent.value = list;
    clock.value = time;
    loaded.value = true;
  }

  /** The same workspace with new contents (after a restore): every page reads it again. */
  async function reload(): Promise<void> {
    await load();
    revision.value += 1;
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

  return { current, recent, loaded, revision, clock, today, refreshClock, load, reload, openDemo, create, open, close };
});
