import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { isoWeekOf, lastCompleteWeek, shiftWeek, weekChoices, type IsoWeek } from '../../shared/dates/iso-week';
import { api } from '../api';
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

  /** Weeks that hold any imported figures, newest first: marked in the picker. */
  const weeksWithFigures = ref<IsoWeek[]>([]);
  /** Whether the list above has been read for this workspace (so nothing says "no figures" too early). */
  const figureWeeksKnown = ref(false);
  const latestWithFigures = computed(() => weeksWithFigures.value[0] ?? null);
  const figureWeekSet = computed(() => new Set(weeksWithFigures.value));
  const hasFigures = (value: IsoWeek): boolean => figureWeekSet.value.has(value);

  async function refreshFigureWeeks(): Promise<void> {
    if (!workspace.current) {
      weeksWithFigures.value = [];
      figureWeeksKnown.value = false;
      return;
    }
    weeksWithFigures.value = (await api.metrics.weeksWithFigures()).weeks;
    figureWeeksKnown.value = true;
  }

  function shift(weeks: number): void {
    const next = shiftWeek(week.value, weeks);
    if (next <= currentWeek.value) week.value = next;
  }

  /** The weeks offered in the picker: this one and the 104 before it. */
  const choices = computed(() => weekChoices(currentWeek.value, 105));

  // Another workspace starts again at its last complete week.
  watch(
    () => workspace.current?.path,
    () => {
      chosen.value = null;
      figureWeeksKnown.value = false;
      void refreshFigureWeeks().catch(() => undefined);
    },
    { immediate: true },
  );

  return {
    week,
    defaultWeek,
    currentWeek,
    canGoForward,
    choices,
    shift,
    weeksWithFigures,
    figureWeeksKnown,
    latestWithFigures,
    hasFigures,
    refreshFigureWeeks,
  };
});
