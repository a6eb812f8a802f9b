import type { IsoWeek } from '../../shared/dates/iso-week';
import { PilotDeskError } from '../../shared/api/result';
import {
  defaultPaddingSettings,
  paddingSettingsSchema,
  type PaddingSettings,
} from '../../shared/review/padding-signals';
import {
  reviewSchema,
  type Review,
  type ReviewNote,
  type ReviewNotes,
  type ReviewSnapshotInfo,
} from '../../shared/review/review-schema';
import type { Database } from '../db/database';
import { newId } from '../ids';
import { findStore } from '../stores/store-repository';
import { readWorkspaceSetting, writeWorkspaceSetting } from '../workspace/workspace-settings';

interface NoteRow extends ReviewNote {
  storeId: string;
}

export function reviewNotes(db: Database, week: IsoWeek): ReviewNotes {
  const rows = db.all<NoteRow>(
    'SELECT store_id AS storeId, highlights, problems, actions FROM review_notes WHERE week = ? ORDER BY store_id',
    [week],
  );
  const empty: ReviewNote = { highlights: '', problems: '', actions: '' };
  const strip = ({ highlights, problems, actions }: NoteRow): ReviewNote => ({ highlights, problems, actions });
  const overall = rows.find((row) => row.storeId === '');
  return {
    overall: overall ? strip(overall) : empty,
    stores: rows.filter((row) => row.storeId !== '').map((row) => ({ storeId: row.storeId, note: strip(row) })),
  };
}

/** Replaces the week's notes; a store whose notes are all empty is dropped. */
export function saveReviewNotes(db: Database, week: IsoWeek, notes: ReviewNotes, at: string): void {
  const unknown = notes.stores.findIndex((entry) => !findStore(db, entry.storeId));
  if (unknown >= 0) {
    throw new PilotDeskError('VALIDATION', 'review.error.noteStoreMissing', {}, [
      { field: `notes.stores.${unknown}.storeId`, rule: 'notFound' },
    ]);
  }
  db.transaction(() => {
    db.run('DELETE FROM review_notes WHERE week = ?', [week]);
    const entries = [{ storeId: '', note: notes.overall }, ...notes.stores];
    for (const { storeId, note } of entries) {
      if (!note.highlights && !note.problems && !note.actions) continue;
      db.run(
        `INSERT INTO review_notes (week, store_id, highlights, problems, actions, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (week, store_id) DO UPDATE SET highlights = excluded.highlights, problems = excluded.problems,
           actions = excluded.actions, updated_at = excluded.updated_at`,
        [week, storeId, note.highlights, note.problems, note.actions, at],
      );
    }
  });
}

export function listSnapshots(db: Database, week: IsoWeek): ReviewSnapshotInfo[] {
  return db.all<ReviewSnapshotInfo>(
    `SELECT id, week, version, created_at AS createdAt, file_name AS fileName
     FROM review_snapshots WHERE week = ? ORDER BY version DESC`,
    [week],
  );
}

export function readSnapshot(db: Database, id: string): { info: ReviewSnapshotInfo; review: Review } {
  const row = db.get<ReviewSnapshotInfo & { content: string }>(
    `SELECT id, week, version, created_at AS createdAt, file_name AS fileName, content FROM review_snapshots WHERE id = ?`,
    [id],
  );
  if (!row)
    throw new PilotDeskError('NOT_FOUND', 'review.error.versionNotFound', { id }, [{ field: 'id', rule: 'notFound' }]);
  const { content, ...info } = row;
  return { info, review: reviewSchema.parse(JSON.parse(content)) };
}

export function insertSnapshot(
  db: Database,
  review: Review,
  fileName: (version: number) => string,
  at: string,
): ReviewSnapshotInfo {
  return db.transaction(() => {
    const version =
      (db.get<{ last: number | null }>('SELECT max(version) AS last FROM review_snapshots WHERE week = ?', [
        review.week,
      ])?.last ?? 0) + 1;
    const info: ReviewSnapshotInfo = {
      id: newId(),
      week: review.week,
      version,
      createdAt: at,
      fileName: fileName(version),
    };
    db.run(
      'INSERT INTO review_snapshots (id, week, version, content, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [info.id, info.week, info.version, JSON.stringify(review), info.fileName, at],
    );
    return info;
  });
}

export function paddingSettings(db: Database): PaddingSettings {
  const value = readWorkspaceSetting(db, 'padding');
  return value === undefined ? defaultPaddingSettings : paddingSettingsSchema.parse(value);
}

export function savePaddingSettings(db: Database, settings: PaddingSettings, at: string): void {
  writeWorkspaceSetting(db, 'padding', settings, at);
}
