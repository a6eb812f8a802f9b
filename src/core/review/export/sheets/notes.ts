import type { Workbook } from 'exceljs';
import type { Review, ReviewNote } from '../../../../shared/review/review-schema';
import { addTableSheet, type Column } from '../workbook-style';

interface NoteRow {
  scope: string;
  note: ReviewNote;
}

/** 备注: the trainer's highlights, problems and next actions, overall and per store. */
export function notesSheet(workbook: Workbook, review: Review): void {
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
  const sheet = addTableSheet(workbook, '备注', columns, rows);
  // Notes are paragraphs: wrap them in columns of a readable width.
  for (const index of [2, 3, 4]) {
    const column = sheet.getColumn(index);
    column.width = 48;
    column.alignment = { wrapText: true, vertical: 'top' };
  }
}
