import { PilotDeskError } from '../../../shared/api/result';
import type { MessageKey } from '../../../shared/i18n/dictionary';
import { messageRef, type MessageRef } from '../../../shared/i18n/message-ref';

/** Why a file could not be read; carried in `details.reason` so callers can branch without parsing text. */
export type ReadRefusal =
  'empty' | 'tooLarge' | 'notASpreadsheet' | 'corrupt' | 'encrypted' | 'tooManyRows' | 'tooManyCells' | 'cancelled';

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return megabytes >= 10 ? megabytes.toFixed(0) : megabytes.toFixed(1);
}

/** The refusal as the one error type the dispatcher understands, with a sentence the user can act on. */
export function refusal(
  reason: ReadRefusal,
  key: MessageKey,
  params: Record<string, string | number | MessageRef> = {},
  extra: Record<string, string | number> = {},
): PilotDeskError {
  return new PilotDeskError('VALIDATION', key, params, undefined, { reason, ...extra });
}

export const refusals = {
  empty: (file: string) => refusal('empty', 'imports.refusal.empty', { file }),
  tooLarge: (file: string, bytes: number, maxBytes: number) =>
    refusal(
      'tooLarge',
      'imports.refusal.tooLarge',
      { file, size: formatMegabytes(bytes), limit: formatMegabytes(maxBytes) },
      { bytes, maxBytes },
    ),
  unpacksTooLarge: (file: string, budget: number) =>
    refusal(
      'tooLarge',
      'imports.refusal.unpacksTooLarge',
      { file, limit: formatMegabytes(budget) },
      { unpackedLimit: budget },
    ),
  outOfMemory: (file: string) => refusal('tooLarge', 'imports.refusal.outOfMemory', { file }),
  /** `what` names what the file looks like instead (`imports.fileType.*`). */
  notASpreadsheet: (file: string, what?: MessageKey) =>
    what
      ? refusal('notASpreadsheet', 'imports.refusal.notASpreadsheetLike', { file, what: messageRef(what) })
      : refusal('notASpreadsheet', 'imports.refusal.notASpreadsheet', { file }),
  unsupported: (file: string, what: MessageRef, advice: MessageKey) =>
    refusal('notASpreadsheet', 'imports.refusal.unsupported', { file, what, advice: messageRef(advice) }),
  corrupt: (file: string) => refusal('corrupt', 'imports.refusal.corrupt', { file }),
  encrypted: (file: string) => refusal('encrypted', 'imports.refusal.encrypted', { file }),
  tooManyRows: (sheet: string, rows: number, maxRows: number) =>
    refusal(
      'tooManyRows',
      'imports.refusal.tooManyRows',
      { sheet, rows: formatCount(rows), limit: formatCount(maxRows) },
      { sheetName: sheet, rows, maxRows },
    ),
  tooManyCells: (file: string, cells: number, maxCells: number) =>
    refusal(
      'tooManyCells',
      'imports.refusal.tooManyCells',
      { file, cells: formatCount(cells), limit: formatCount(maxCells) },
      { cells, maxCells },
    ),
  cancelled: () => refusal('cancelled', 'imports.refusal.cancelled'),
};
