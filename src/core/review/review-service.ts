import type { IsoWeek } from '../../shared/dates/iso-week';
import type { Review, ReviewSnapshotInfo } from '../../shared/review/review-schema';
import type { Database } from '../db/database';
import { assembleReview } from './assemble-review';
import { reviewFileName, reviewWorkbook } from './export/review-workbook';
import { insertSnapshot, readSnapshot } from './review-repository';

export interface ExportedReview {
  review: Review;
  snapshot: ReviewSnapshotInfo;
  fileName: string;
  content: Buffer;
}

/**
 * Exports the week's review as it is now and keeps it as a new snapshot version, so what was
 * sent can be reopened unchanged. The workbook is built and delivered before the snapshot is
 * stored: a failed export leaves no version behind.
 */
export async function exportReview(
  db: Database,
  week: IsoWeek,
  workspaceName: string,
  at: Date,
  /** Delivers the file (the CLI writes it); when it throws, no version is recorded. */
  deliver?: (content: Buffer) => void,
): Promise<ExportedReview> {
  const review = assembleReview(db, week, workspaceName, at);
  const content = await reviewWorkbook(review);
  deliver?.(content);
  const snapshot = insertSnapshot(db, review, (version) => reviewFileName(review, version), at.toISOString());
  return { review, snapshot, fileName: snapshot.fileName, content };
}

/** The workbook of a stored snapshot, byte for byte the review that was sent. */
export async function snapshotWorkbook(db: Database, id: string): Promise<{ fileName: string; content: Buffer }> {
  const { info, review } = readSnapshot(db, id);
  return { fileName: info.fileName, content: await reviewWorkbook(review) };
}
