import { describeImportError, fieldLabels, type ImportErrorCode } from '../../shared/imports/import-messages';
import type { ImportRowError } from '../../shared/imports/import-schema';
import type { GuideMatch } from './identity';
import type { CoercedRow } from './planned-write';

/** A row error in the workspace's language (Chinese first), naming the spreadsheet row and column. */
export function rowError(
  row: CoercedRow,
  field: string | null,
  code: ImportErrorCode,
  params: Record<string, string | number> = {},
): ImportRowError {
  const column = field ? (row.headers[field] ?? fieldLabels[field]?.['zh-CN'] ?? field) : null;
  const value = field ? row.values[field] : null;
  return {
    row: row.rowNumber,
    column,
    value: value === null || value === undefined ? null : String(value),
    code,
    message: describeImportError('zh-CN', code, { column: column ?? '', ...params }),
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
