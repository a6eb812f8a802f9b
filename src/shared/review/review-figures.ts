import type { FigureName } from '../metrics/weekly-figures';

/** A guide's figures in the review, on screen and in the workbook: sales, contacts, activity. */
export const reviewGuideFigures: readonly FigureName[] = [
  'netSalesFen',
  'newContacts',
  'lostContacts',
  'netNewContacts',
  'lossRate',
  'newMembers',
  'orders',
  'messagesSent',
  'momentsPosts',
];
