import { useI18n } from '../i18n/use-i18n';
import { useFeedbackStore } from '../state/feedback';
import { useFormSubmit } from './use-form-submit';

/** Archive with a confirmation that says nothing is deleted; restore at once. Stores and guides share it. */
export function useRecordArchiving(calls: {
  archive: (id: string) => Promise<unknown>;
  restore: (id: string) => Promise<unknown>;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const feedback = useFeedbackStore();
  const { submit } = useFormSubmit();

  async function archive(id: string, name: string): Promise<void> {
    const confirmed = await feedback.confirm({
      title: t('common.archive'),
      content: t('common.confirmArchive', { name }),
      positiveText: t('common.archive'),
      negativeText: t('common.cancel'),
    });
    if (!confirmed) return;
    await submit(() => calls.archive(id), { success: t('common.archived'), fieldErrors: false, done: calls.reload });
  }

  async function restore(id: string): Promise<void> {
    await submit(() => calls.restore(id), { success: t('common.restored'), fieldErrors: false, done: calls.reload });
  }

  return { archive, restore };
}
