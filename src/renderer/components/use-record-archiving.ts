import { useI18n } from '../i18n/use-i18n';
import { useFeedbackStore } from '../state/feedback';

/** Archive with a confirmation that says nothing is deleted; restore at once. Stores and guides share it. */
export function useRecordArchiving(calls: {
  archive: (id: string) => Promise<unknown>;
  restore: (id: string) => Promise<unknown>;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const feedback = useFeedbackStore();

  async function archive(id: string, name: string): Promise<void> {
    const confirmed = await feedback.confirm({
      title: t('common.archive'),
      content: t('common.confirmArchive', { name }),
      positiveText: t('common.archive'),
      negativeText: t('common.cancel'),
    });
    if (!confirmed) return;
    try {
      await calls.archive(id);
      feedback.success(t('common.archived'));
      await calls.reload();
    } catch (error) {
      feedback.showError(error);
    }
  }

  async function restore(id: string): Promise<void> {
    try {
      await calls.restore(id);
      feedback.success(t('common.restored'));
      await calls.reload();
    } catch (error) {
      feedback.showError(error);
    }
  }

  return { archive, restore };
}
