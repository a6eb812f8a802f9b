import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { isoWeekOf, lastCompleteWeek, shiftWeek, type IsoWeek } from '../../shared/dates/iso-week';
import { useWorkspaceStore } from './workspace';

/** The week every page shows (UX.md): the last complete week until the user picks another. */
export const useWeekStore = defineStore('week', () => {
  const workspace = useWorkspaceStore();
  const chosen = ref<IsoWeek | null>(null);
  const defaultWeek = computed(() => lastCompleteWeek(workspace.today));
  /** The week under way; the latest a user can pick. */
  const currentWeek = computed(() => isoWeekOf(workspace.today));
  const week = computed<IsoWeek>({
    get: () => chosen.value ?? defaultWeek.value,
    set: (value) => {
      chosen.value = value === defaultWeek.value ? null : value;
    },
  });
  const canGoForward = computed(() => week.value < currentWeek.value);

  function shift(weeks: number): void {
    const next = shiftWeek(week.value, weeks);
    if (next <= currentWeek.value) week.value = next;
  }

  /** The weeks offered in the picker: this one and the 104 before it. */
  const choices = computed(() => Array.from({ length: 105 }, (_, index) => shiftWeek(currentWeek.value, -index)));

  // Another workspace starts again at its last complete week.
  watch(
    () => workspace.current?.path,
    () => (chosen.value = null),
  );

  return { week, defaultWeek, currentWeek, canGoForward, choices, shift };
});
