import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Locale, Preferences, PreferencesPatch, Theme } from '../../shared/preferences/preferences-schema';
import { api } from '../api';

/** Language, theme and table columns: kept by the core so they survive restarts in both modes. */
export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>('zh-CN');
  const theme = ref<Theme>('light');
  const changeColors = ref<Preferences['changeColors']>('upGreen');
  const hiddenColumns = ref<Record<string, string[]>>({});

  function apply(preferences: Preferences): void {
    locale.value = preferences.locale;
    theme.value = preferences.theme;
    changeColors.value = preferences.changeColors;
    hiddenColumns.value = preferences.hiddenColumns;
    document.documentElement.lang = preferences.locale;
  }

  async function load(): Promise<void> {
    apply(await api.preferences.get());
  }

  async function update(patch: PreferencesPatch): Promise<void> {
    apply(await api.preferences.update(patch));
  }

  function hiddenColumnsOf(table: string): string[] {
    return hiddenColumns.value[table] ?? [];
  }

  async function setHiddenColumns(table: string, keys: string[]): Promise<void> {
    await update({ hiddenColumns: { ...hiddenColumns.value, [table]: keys } });
  }

  return { locale, theme, changeColors, hiddenColumns, load, update, hiddenColumnsOf, setHiddenColumns };
});
