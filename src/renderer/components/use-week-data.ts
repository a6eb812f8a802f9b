import { ref, shallowRef, watch, type Ref } from 'vue';
import { useFeedbackStore } from '../state/feedback';
import { useWeekStore } from '../state/week';

/**
 * Loads a page's data for the header's week and again whenever the week changes. An answer for a
 * week the user has already left never overwrites the newer one; a failure is shown, and the
 * page keeps what it had.
 */
export function useWeekData<T>(fetch: (week: string) => Promise<T>) {
  const weeks = useWeekStore();
  const feedback = useFeedbackStore();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  let request = 0;
  // The weeks with figures change only with imports, undo and restore, all of which a page
  // remounts after; read them once per page, not on every change of week.
  let figureWeeks: Promise<void> | null = null;

  async function load(): Promise<void> {
    const mine = ++request;
    loading.value = true;
    try {
      figureWeeks ??= weeks.refreshFigureWeeks().catch((error: unknown) => {
        figureWeeks = null;
        throw error;
      });
      const [result] = await Promise.all([fetch(weeks.week), figureWeeks]);
      if (mine === request) data.value = result;
    } catch (error) {
      feedback.showError(error);
    } finally {
      if (mine === request) loading.value = false;
    }
  }
  watch(() => weeks.week, load, { immediate: true });

  return { data, loading, load, weeks };
}
