/** Money for `--json`: yuan with two decimals (fen are whole, so this is exact). */
export const yuan = (fen: number | null): number | null => (fen === null ? null : Math.round(fen) / 100);

/** Ratios for `--json`: 0–1 with four decimals. */
export const ratio = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10_000) / 10_000;
