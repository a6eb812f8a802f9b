import type { MessageKey } from '../i18n/dictionary';
import { colon, isMessageKey, translate } from '../i18n/translate';
import type { Locale } from '../preferences/preferences-schema';
import type { ImportRowError } from './import-schema';

type RowCode<K> = K extends `imports.row.${infer C}` ? C : never;

/**
 * Every reason a row (or a file) is refused. A row error carries the code and its parameters;
 * the words are `imports.row.<code>` in the imports dictionary, written by the edge that shows them.
 */
export const importErrorCodes = [
  'missingValue',
  'notANumber',
  'negative',
  'notAWholeNumber',
  'notADate',
  'notARatio',
  'notADuration',
  'unknownChannel',
  'unknownRole',
  'unknownEmployment',
  'tooLong',
  'unknownGuide',
  'ambiguousGuide',
  'unknownStore',
  'archivedStore',
  'archivedGuide',
  'duplicateRow',
  'futureDate',
  'phoneFormat',
  'codeFormat',
  'missingColumn',
  'missingPeriod',
] as const satisfies readonly RowCode<MessageKey>[];

export type ImportErrorCode = (typeof importErrorCodes)[number];

export function isImportErrorCode(code: string): code is ImportErrorCode {
  return (importErrorCodes as readonly string[]).includes(code);
}

/** A field's name as a column label, for a column the file lacks (`staffNo` → 工号). */
export function importFieldLabel(locale: Locale, field: string): string {
  const key = `imports.field.${field}`;
  return isMessageKey(key) ? translate(locale, key) : field;
}

export function describeImportError(
  locale: Locale,
  code: ImportErrorCode,
  params: Record<string, string | number> = {},
): string {
  return translate(locale, `imports.row.${code}`, params);
}

/** The column a row error is about: the file's own header, else the field's label. */
export function rowErrorColumn(locale: Locale, error: ImportRowError): string | null {
  return error.column ?? (error.field ? importFieldLabel(locale, error.field) : null);
}

/** A row error's reason in the user's language. */
export function describeRowError(locale: Locale, error: ImportRowError): string {
  const params: Record<string, string | number> = { column: rowErrorColumn(locale, error) ?? '', ...error.params };
  // Missing columns travel as field names and are named in the reader's language here.
  if (Array.isArray(error.missing))
    params.columns = error.missing
      .map((field) => importFieldLabel(locale, field))
      .join(locale === 'zh-CN' ? '、' : ', ');
  if (isImportErrorCode(error.code)) return describeImportError(locale, error.code, params);
  // A roster row the guide or store form's schema refuses carries that schema's rule key.
  const rule = `rules.${error.code}`;
  return isMessageKey(rule) ? translate(locale, rule, params) : error.code;
}

/** "门店编码：找不到门店「…」" — the reason with its column, as the rejected-rows workbook and the CLI print it. */
export function describeRowErrorWithColumn(locale: Locale, error: ImportRowError): string {
  const column = error.column;
  const reason = describeRowError(locale, error);
  return column ? `${column}${colon(locale)}${reason}` : reason;
}
