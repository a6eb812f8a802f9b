import type { Review } from '../../../shared/review/review-schema';
import { coreReviewSections } from '../review-sections';
import { addFrozenSheet } from './workbook-style';

/** One sheet per section, named and ordered by the section descriptors. */
export async function reviewWorkbook(review: Review): Promise<Buffer> {
  // Loaded when a workbook is made, not at start-up: ExcelJS is the largest module the core uses.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PilotDesk 试验田工作台';
  workbook.title = `周复盘 ${review.week}`;
  workbook.created = new Date(review.generatedAt);
  for (const section of coreReviewSections) section.sheet.write(addFrozenSheet(workbook, section.sheet.name), review);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reviewFileName(review: Review, version: number): string {
  const safeName = review.workspaceName.replace(/[\\/:*?"<>|]/g, '_');
  return `${safeName}-周复盘-${review.week}-v${version}.xlsx`;
}
