import { computed, reactive, ref } from 'vue';
import type { ImportKind } from '../../../shared/imports/import-kinds';
import type { ImportOptionsInput, ImportReport } from '../../../shared/imports/import-schema';
import { ApiCallError } from '../../../shared/api/client';
import { api } from '../../api';
import { useI18n } from '../../i18n/use-i18n';
import { fileToBase64, saveBase64File } from '../../components/files';
import { useFeedbackStore } from '../../state/feedback';

export type WizardStep = 'file' | 'mapping' | 'preview' | 'done';

interface UploadedFile {
  uploadId: string;
  fileName: string;
  sheets: { name: string; rows: number }[];
}

/**
 * The import wizard's state: a queue of files, the one being imported, the user's decisions
 * (kind, sheet, mapping, period, channels) and the core's preview of what would happen.
 */
export function useImportWizard(onCommitted: () => void) {
  const feedback = useFeedbackStore();
  const { t } = useI18n();
  const step = ref<WizardStep>('file');
  const queue = ref<File[]>([]);
  const upload = ref<UploadedFile | null>(null);
  const report = ref<ImportReport | null>(null);
  const committed = ref<ImportReport | null>(null);
  const reading = ref<{ fileName: string; jobId: string } | null>(null);
  const busy = ref(false);
  const options = reactive<ImportOptionsInput>({ createMissing: false });

  function resetOptions(): void {
    for (const key of Object.keys(options) as (keyof ImportOptionsInput)[]) delete options[key];
    options.createMissing = false;
  }

  async function refreshPreview(): Promise<void> {
    if (!upload.value) return;
    busy.value = true;
    try {
      report.value = await api.imports.preview({ uploadId: upload.value.uploadId, options: { ...options } });
    } catch (error) {
      feedback.showError(error);
    } finally {
      busy.value = false;
    }
  }

  /** Every header was recognised and nothing is missing: the mapping step has nothing to ask. */
  const mappingIsComplete = computed(
    () =>
      report.value !== null &&
      report.value.missingRequired.length === 0 &&
      report.value.unknownChannels.length === 0 &&
      Object.values(report.value.mapping).every((field) => field !== null),
  );

  async function readNext(): Promise<void> {
    const file = queue.value.shift();
    if (!file) {
      step.value = 'file';
      return;
    }
    resetOptions();
    report.value = null;
    committed.value = null;
    const jobId = `read-${Date.now()}`;
    reading.value = { fileName: file.name, jobId };
    try {
      const contentBase64 = await fileToBase64(file);
      upload.value = await api.imports.upload({ fileName: file.name, contentBase64, jobId });
    } catch (error) {
      upload.value = null;
      reading.value = null;
      const cancelled =
        error instanceof ApiCallError &&
        (error.error.details as { reason?: string } | undefined)?.reason === 'cancelled';
      if (cancelled) feedback.success(t('imports.cancelled'));
      else feedback.showError(error);
      step.value = 'file';
      return;
    }
    reading.value = null;
    await refreshPreview();
    step.value = report.value && mappingIsComplete.value ? 'preview' : 'mapping';
  }

  async function addFiles(files: File[]): Promise<void> {
    queue.value.push(...files);
    if (!reading.value && (step.value === 'file' || step.value === 'done')) await readNext();
  }

  async function cancelReading(): Promise<void> {
    if (!reading.value) return;
    await api.jobs.cancel({ jobId: reading.value.jobId });
  }

  async function setOption<K extends keyof ImportOptionsInput>(key: K, value: ImportOptionsInput[K]): Promise<void> {
    options[key] = value;
    if (key === 'kind' || key === 'headerRow') delete options.mapping;
    await refreshPreview();
  }

  async function mapColumn(header: string, field: string | null): Promise<void> {
    options.mapping = { ...(options.mapping ?? {}), [header]: field };
    await refreshPreview();
  }

  async function mapChannel(name: string, channel: NonNullable<ImportOptionsInput['defaultChannel']>): Promise<void> {
    options.channelMapping = { ...(options.channelMapping ?? {}), [name]: channel };
    await refreshPreview();
  }

  async function commit(): Promise<void> {
    if (!upload.value) return;
    busy.value = true;
    try {
      committed.value = await api.imports.commit({ uploadId: upload.value.uploadId, options: { ...options } });
      step.value = 'done';
      onCommitted();
    } catch (error) {
      feedback.showError(error);
    } finally {
      busy.value = false;
    }
  }

  function goTo(next: WizardStep): void {
    step.value = next;
  }

  async function exportRejected(): Promise<void> {
    if (!upload.value) return;
    try {
      const file = await api.imports.rejectedWorkbook({ uploadId: upload.value.uploadId, options: { ...options } });
      saveBase64File(file.fileName, file.contentBase64);
    } catch (error) {
      feedback.showError(error);
    }
  }

  async function downloadTemplate(kind: ImportKind): Promise<void> {
    try {
      const file = await api.imports.templateWorkbook({ kind });
      saveBase64File(file.fileName, file.contentBase64);
    } catch (error) {
      feedback.showError(error);
    }
  }

  return {
    step,
    queue,
    upload,
    report,
    committed,
    reading,
    busy,
    options,
    mappingIsComplete,
    addFiles,
    readNext,
    cancelReading,
    setOption,
    mapColumn,
    mapChannel,
    refreshPreview,
    commit,
    goTo,
    exportRejected,
    downloadTemplate,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
