import type { ReadLimits } from './limits';
import { formatCount, refusal, refusals } from './refusal';

/** Excel's last column (XFD). A row reaching past it did not come from a spreadsheet program. */
export const MAX_COLUMNS = 16_384;

/**
 * Counts what a workbook's grids hold while they are built, and refuses once it is too much:
 * cells with content against `maxCells`, and row slots (empty cells left of the last value
 * included) against a multiple of it, so a few values far to the right on many rows cannot
 * make the grids huge while the cell count stays small.
 */
export class ContentBudget {
  private cells = 0;
  private slots = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: ReadLimits,
  ) {}

  cell(): void {
    this.cells += 1;
    if (this.cells > this.limits.maxCells) throw refusals.tooManyCells(this.fileName, this.cells, this.limits.maxCells);
  }

  /** A finished row of `width` slots; `rowNumber` is Excel's, for the message. */
  row(width: number, sheetName: string, rowNumber: number): void {
    if (width > MAX_COLUMNS) {
      throw refusal(
        'tooManyCells',
        'imports.refusal.tooManyColumns',
        { sheet: sheetName, row: rowNumber, limit: formatCount(MAX_COLUMNS) },
        { sheetName, row: rowNumber, maxColumns: MAX_COLUMNS },
      );
    }
    this.slots += width;
    if (this.slots > this.limits.maxCells * 4) {
      throw refusal(
        'tooManyCells',
        'imports.refusal.tooSparse',
        { file: this.fileName },
        { slots: this.slots, maxSlots: this.limits.maxCells * 4 },
      );
    }
  }
}
