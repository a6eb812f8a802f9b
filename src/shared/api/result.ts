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

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown inside core and turned into an `ApiError` by the dispatcher. */
export class PilotDeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'PilotDeskError';
  }

  toApiError(): ApiError {
    const error: ApiError = { code: this.code, message: this.message };
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
    typeof (value as ApiError).message === 'string'
  );
}
