import { computed } from 'vue';
import type { FieldError } from '../../shared/api/result';
import {
  colon,
  describeFieldError,
  fieldLabel,
  translate,
  type FieldOwner,
  type MessageKey,
} from '../../shared/i18n/translate';
import { usePreferencesStore } from '../state/preferences';

/** `t('store.name')` in the current language; re-renders when the language changes. */
export function useI18n() {
  const preferences = usePreferencesStore();
  const locale = computed(() => preferences.locale);
  return {
    locale,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(locale.value, key, params),
    fieldError: (error: FieldError) => describeFieldError(locale.value, error),
    fieldLabel: (field: string, owner?: FieldOwner) => fieldLabel(locale.value, field, owner),
    /** '：' in Chinese, ': ' in English, between a label and what follows it. */
    colon: () => colon(locale.value),
  };
}
