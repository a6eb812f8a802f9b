import type { ImportErrorCode } from '../../shared/imports/import-messages';
import type { ImportRowError } from '../../shared/imports/import-schema';
import type { GuideMatch } from './identity';
import type { CoercedRow } from './planned-write';

/** A row error as a code and its parameters, naming the spreadsheet row and column; the edges write the sentence. */
export function rowError(
  row: CoercedRow,
  field: string | null,
  code: ImportErrorCode,
  params: Record<string, string | number> = {},
): ImportRowError {
  const value = field ? row.values[field] : null;
  return {
    row: row.rowNumber,
    column: field ? (row.headers[field] ?? null) : null,
    field,
    value: value === null || value === undefined ? null : String(value),
    code,
    params,
  };
}

/** The error for a guide that could not be matched, on the column that named them. */
export function guideMatchError(row: CoercedRow, match: Exclude<GuideMatch, { kind: 'found' }>) {
  const field =
    ['staffNo', 'wecomAccount', 'guideName'].find(
      (name) => row.values[name] !== null && row.values[name] !== undefined,
    ) ?? 'guideName';
  switch (match.kind) {
    case 'unknownStore':
      return {
        error: rowError(
          row,
          row.values.storeCode ? 'storeCode' : row.values.storeName ? 'storeName' : 'department',
          'unknownStore',
          { label: match.label },
        ),
        store: match.label,
      };
    case 'ambiguousGuide':
      return {
        error: rowError(row, field, 'ambiguousGuide', { label: match.label, count: match.candidates }),
        guide: match.label,
      };
    default:
      return { error: rowError(row, field, 'unknownGuide', { label: match.label }), guide: match.label };
  }
}
