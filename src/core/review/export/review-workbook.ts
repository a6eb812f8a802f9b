import ExcelJS from 'exceljs';
import type { Review } from '../../../shared/review/review-schema';
import { gapsSheet } from './sheets/gaps';
import { guidesSheet } from './sheets/guides';
import { moversSheet } from './sheets/movers';
import { notesSheet } from './sheets/notes';
import { overviewSheet } from './sheets/overview';
import { storesSheet } from './sheets/stores';

/** One sheet per section, in the order of the review; a new section adds its sheet here. */
const sheets = [overviewSheet, storesSheet, guidesSheet, moversSheet, gapsSheet, notesSheet];

export async function reviewWorkbook(review: Review): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PilotDesk 试验田工作台';
  workbook.title = `周复盘 ${review.week}`;
  workbook.created = new Date(review.generatedAt);
  for (const sheet of sheets) sheet(workbook, review);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reviewFileName(review: Review, version: number): string {
  const safeName = review.workspaceName.replace(/[\\/:*?"<>|]/g, '_');
  return `${safeName}-周复盘-${review.week}-v${version}.xlsx`;
}
