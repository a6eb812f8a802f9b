import type { Worksheet } from 'exceljs';
import type { Review, ReviewNote } from '../../../shared/review/review-schema';
import { appendTable, type Column } from '../export/workbook-style';
import { defineSection } from '../review-context';

/** 6. Notes: what the trainer wrote, overall and per store (only stores still in the review). */
export const notesSection = defineSection({
  key: 'notes',
  build({ notes, stores }) {
    const active = new Set(stores.stores.map((store) => store.storeId));
    return { overall: notes.overall, stores: notes.stores.filter((entry) => active.has(entry.storeId)) };
  },
  // The trainer's words are not figures: changing them alone is no reason for a new version.
  figures: () => undefined,
  sheet: { name: '备注', write: writeNotes },
});

interface NoteRow {
  scope: string;
  note: ReviewNote;
}

/** 备注: the trainer's highlights, problems and next actions, overall and per store. */
function writeNotes(sheet: Worksheet, review: Review): void {
  const names = new Map(review.stores.map((store) => [store.storeId, `${store.code} ${store.name}`]));
  const rows: NoteRow[] = [
    { scope: '整体', note: review.notes.overall },
    ...review.notes.stores.map((entry) => ({ scope: names.get(entry.storeId) ?? entry.storeId, note: entry.note })),
  ];
  const columns: Column<NoteRow>[] = [
    { header: '范围', kind: 'text', value: (row) => row.scope },
    { header: '亮点', kind: 'text', value: (row) => row.note.highlights },
    { header: '问题', kind: 'text', value: (row) => row.note.problems },
    { header: '下一步', kind: 'text', value: (row) => row.note.actions },
  ];
  appendTable(sheet, columns, rows, true);
  // Notes are paragraphs: wrap them in columns of a readable width.
  for (const index of [2, 3, 4]) {
    const column = sheet.getColumn(index);
    column.width = 48;
    column.alignment = { wrapText: true, vertical: 'top' };
  }
}
