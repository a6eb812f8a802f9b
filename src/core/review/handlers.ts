import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PilotDeskError } from '../../shared/api/result';
import { defineHandlers } from '../api/handlers';
import { reviewState } from './assemble-review';
import { paddingSettings, readSnapshot, reviewNotes, saveReviewNotes, savePaddingSettings } from './review-repository';
import { exportReview, snapshotWorkbook } from './review-service';

function writeReviewFile(path: string, content: Buffer): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PilotDeskError('STORAGE', 'review.error.cannotWrite', { path, reason });
  }
}

export const reviewHandlers = defineHandlers('review', {
  'review.get': ({ week }, { session, now }) =>
    reviewState(session.requireDb(), week, session.requireInfo().name, now()),
  'review.saveNotes': ({ week, notes }, { session, now }) => {
    const db = session.requireDb();
    saveReviewNotes(db, week, notes, now().toISOString());
    return reviewNotes(db, week);
  },
  'review.export': async ({ week, outPath }, { session, now }) => {
    const deliver = outPath ? (content: Buffer) => writeReviewFile(resolve(outPath), content) : undefined;
    const db = session.requireDb();
    const exported = await exportReview(db, week, session.requireInfo().name, now(), deliver);
    return {
      snapshot: exported.snapshot,
      fileName: exported.fileName,
      contentBase64: exported.content.toString('base64'),
    };
  },
  'review.snapshot': ({ id }, { session }) => readSnapshot(session.requireDb(), id),
  'review.snapshotWorkbook': async ({ id }, { session }) => {
    const { fileName, content } = await snapshotWorkbook(session.requireDb(), id);
    return { fileName, contentBase64: content.toString('base64') };
  },
  'review.paddingSettings': (_input, { session }) => paddingSettings(session.requireDb()),
  'review.updatePaddingSettings': (settings, { session, now }) => {
    const db = session.requireDb();
    savePaddingSettings(db, settings, now().toISOString());
    return paddingSettings(db);
  },
});
