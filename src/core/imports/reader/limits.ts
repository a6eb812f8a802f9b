/** How much of a file the reader will take on; past these it refuses instead of slowing to a crawl. */
export interface ReadLimits {
  /** The file's size on disk. */
  maxBytes: number;
  /** Cells with content, over all sheets. */
  maxCells: number;
  /** Rows of one sheet, from its first row with content to its last. */
  maxRows: number;
}

export const defaultReadLimits: ReadLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxCells: 5_000_000,
  maxRows: 1_000_000,
};

/**
 * How many bytes a zipped workbook may unpack to. Real sheets take 30–80 bytes of XML per cell,
 * so 100 per allowed cell leaves room for long text and shared strings while keeping a zip bomb
 * (a few KB that inflate to gigabytes) from ever being expanded.
 */
export function unpackedBudget(limits: ReadLimits): number {
  return Math.max(256 * 1024 * 1024, limits.maxCells * 100);
}
