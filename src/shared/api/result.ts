import type { MessageKey } from '../i18n/dictionary';
import type { MessageParams } from '../i18n/message-ref';

/** Error codes every transport understands; the renderer maps them to one presentation. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'NO_WORKSPACE',
  'WORKSPACE_INVALID',
  'UNAUTHORIZED',
  /** The disk or folder refused a write (full, read-only, missing); nothing was changed. */
  'STORAGE',
  'UNKNOWN_OPERATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of an input, named by its path (`hireDate`, `rows.3.name`). */
export interface FieldError {
  field: string;
  /** A rule key from the i18n dictionary's `rules` section, e.g. `required`, `duplicate`. */
  rule: string;
  params?: Record<string, string | number>;
}

/**
 * A failure as data: a code, and what went wrong as a dictionary key with its parameters. No
 * sentence crosses a boundary; the edges (renderer, CLI, workbook writer) render the key in the
 * user's language (`describeError`).
 */
export interface ApiError {
  code: ErrorCode;
  key: MessageKey;
  params?: MessageParams;
  fields?: FieldError[];
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside core and turned into an `ApiError` by the dispatcher. */
export class PilotDeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly fields?: FieldError[],
    readonly details?: unknown,
  ) {
    // The JavaScript message is for stack traces and logs only: the key and its parameters, in no language.
    super(Object.keys(params).length > 0 ? `${key} ${JSON.stringify(params)}` : key);
    this.name = 'PilotDeskError';
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, key: this.key };
    if (Object.keys(this.params).length > 0) error.params = this.params;
    if (this.fields) error.fields = this.fields;
    if (this.details !== undefined) error.details = this.details;
    return error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).key === 'string'
  );
}
