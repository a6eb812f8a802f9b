import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { DialogApi, MessageApi } from 'naive-ui';
import { ApiCallError } from '../../shared/api/client';
import { colon, describeError, describeFieldErrors, fieldOwnerOf, translate } from '../../shared/i18n/translate';
import { usePreferencesStore } from './preferences';

/**
 * The one place errors and notices are shown. Naive UI's message and dialog APIs exist only
 * inside their providers, so `FeedbackBridge.vue` hands them over at start-up.
 */
export const useFeedbackStore = defineStore('feedback', () => {
  const message = shallowRef<MessageApi | null>(null);
  const dialog = shallowRef<DialogApi | null>(null);

  function connect(messageApi: MessageApi, dialogApi: DialogApi): void {
    message.value = messageApi;
    dialog.value = dialogApi;
  }

  /** A sentence in the user's language for any failure: the code, then the fields and reasons. */
  function describe(error: unknown): string {
    const locale = usePreferencesStore().locale;
    if (error instanceof ApiCallError) {
      const { code, fields, details } = error.error;
      if ((details as { network?: boolean } | undefined)?.network) return translate(locale, 'errors.network');
      const headline = translate(locale, `errors.${code}`);
      if (fields?.length)
        return `${headline}${colon(locale)}${describeFieldErrors(locale, fields, fieldOwnerOf(error.operation))}`;
      // The core's key names the file, row or reason (an unreadable spreadsheet, a missing
      // workspace): its sentence follows the headline rather than the headline alone.
      const sentence = describeError(locale, error.error);
      return sentence && sentence !== headline ? `${headline}${colon(locale)}${sentence}` : headline;
    }
    return error instanceof Error ? error.message : String(error);
  }

  function showError(error: unknown): void {
    message.value?.error(describe(error), { duration: 6000, closable: true });
  }

  function success(text: string): void {
    message.value?.success(text);
  }

  function confirm(options: {
    title: string;
    content: string;
    positiveText: string;
    negativeText: string;
  }): Promise<boolean> {
    return new Promise((resolve) => {
      if (!dialog.value) return resolve(false);
      dialog.value.warning({
        ...options,
        onPositiveClick: () => resolve(true),
        onNegativeClick: () => resolve(false),
        onClose: () => resolve(false),
        onMaskClick: () => resolve(false),
      });
    });
  }

  return { connect, describe, showError, success, confirm };
});
