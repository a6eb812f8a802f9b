import { reactive } from 'vue';
import type { z } from 'zod';
import { ApiCallError } from '../../shared/api/client';
import type { FieldError } from '../../shared/api/result';
import { toFieldErrors } from '../../shared/validation/field-errors';
import { useI18n } from '../i18n/use-i18n';

/**
 * Field errors for one form, from the shared schema before sending and from the core after:
 * both speak the same `{ field, rule }` language, so a duplicate 工号 shows under 工号.
 */
export function useFieldErrors() {
  const errors = reactive<Record<string, FieldError>>({});
  const { fieldError } = useI18n();

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function set(list: FieldError[]): void {
    clear();
    for (const error of list) errors[error.field] ??= error;
  }

  /** Validates with the shared schema (plus extra rules); returns the parsed values or null. */
  function check<S extends z.ZodType>(
    schema: S,
    values: unknown,
    extra: (parsed: z.output<S>) => FieldError[] = () => [],
  ): z.output<S> | null {
    const parsed = schema.safeParse(values);
    const list = parsed.success ? extra(parsed.data) : toFieldErrors(parsed.error);
    set(list);
    return list.length === 0 && parsed.success ? parsed.data : null;
  }

  /** Takes field errors from a failed call; returns false when the failure was not about fields. */
  function takeFromCall(error: unknown): boolean {
    if (error instanceof ApiCallError && error.error.fields?.length) {
      set(error.error.fields);
      return true;
    }
    return false;
  }

  /** A form item's status and message for a field, in the user's language (undefined: no error). */
  const status = (field: string) => (errors[field] ? ('error' as const) : undefined);
  const message = (field: string) => (errors[field] ? fieldError(errors[field] as FieldError) : undefined);
  /** Both at once, for `v-bind` on a Naive UI form item. */
  const itemProps = (field: string) => ({ validationStatus: status(field), feedback: message(field) });

  return { errors, clear, set, check, takeFromCall, status, message, itemProps };
}
