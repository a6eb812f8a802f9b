import { todayIn } from '../../shared/dates/local-date';
import { importTemplates, importKinds } from '../../shared/imports/import-kinds';
import type { ImportOptions } from '../../shared/imports/import-schema';
import { defineHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/handler-context';
import { commitImport } from './commit-import';
import { listImportBatches } from './import-history';
import { fileHashOf, planImport } from './plan-import';
import { readWorkbookInWorker } from './parse-in-worker';
import { describeUndo, undoImport } from './undo-import';

function plan(context: HandlerContext, uploadId: string, options: ImportOptions) {
  const db = context.session.requireDb();
  const info = context.session.requireInfo();
  const upload = context.uploads.get(uploadId);
  const now = context.now();
  const planned = planImport(db, upload.contents, upload.fileHash, options, {
    today: todayIn(info.timeZone, now),
    workspaceRegion: info.region,
    now,
  });
  return { db, upload, planned, now };
}

export const importHandlers = defineHandlers('imports', {
  'imports.templates': () =>
    importKinds.map((kind) => {
      const template = importTemplates[kind];
      return {
        kind,
        needsPeriod: template.needsPeriod,
        fields: template.fields.map((field) => ({
          field: field.field,
          type: field.type,
          required: field.required ?? false,
          header: field.synonyms[0] ?? field.field,
        })),
      };
    }),
  // SheetJS is loaded when a workbook is written, not at start-up (files are read in the worker).
  'imports.templateWorkbook': async ({ kind }) => (await import('./workbooks')).templateWorkbook(kind),
  'imports.upload': async ({ fileName, contentBase64, jobId }, context) => {
    context.session.requireDb();
    const bytes = Buffer.from(contentBase64, 'base64');
    const id = jobId ?? `upload-${Date.now()}`;
    const signal = context.jobs.start(id);
    try {
      const contents = await readWorkbookInWorker(bytes, fileName, {
        signal,
        onProgress: (stage) =>
          context.emit({ type: 'job.progress', jobId: id, label: stage, done: stage === 'done' ? 1 : 0, total: 1 }),
      });
      const upload = context.uploads.put(contents, fileHashOf(bytes));
      return {
        uploadId: upload.id,
        fileName,
        format: contents.format,
        encoding: contents.encoding ?? null,
        sheets: contents.sheets.map((sheet) => ({ name: sheet.sheetName, rows: sheet.rows.length })),
      };
    } finally {
      context.jobs.finish(id);
    }
  },
  'imports.preview': ({ uploadId, options }, context) => plan(context, uploadId, options).planned.report,
  'imports.commit': ({ uploadId, options, source }, context) => {
    const { db, planned, now } = plan(context, uploadId, options);
    return commitImport(db, planned, source, now);
  },
  'imports.rejectedWorkbook': async ({ uploadId, options }, context) => {
    const { rejectedRowsWorkbook } = await import('./workbooks');
    const { upload, planned } = plan(context, uploadId, options);
    // Written in the user's language, like the screen they downloaded it from.
    return rejectedRowsWorkbook(upload.contents, planned.report, context.preferences.read().locale);
  },
  'imports.list': (_input, { session }) => listImportBatches(session.requireDb()),
  'imports.describeUndo': ({ id }, { session }) => describeUndo(session.requireDb(), id),
  'imports.undo': ({ id, overwriteLaterEdits }, { session, now }) => {
    const db = session.requireDb();
    undoImport(db, id, now(), { overwriteLaterEdits });
    return listImportBatches(db).find((batch) => batch.id === id)!;
  },
});
