import { z } from 'zod';
import { isValidLocalDate } from '../dates/local-date';

/** Ids are client-generated ULIDs so rows can be created offline and synced later. */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'invalidId' });

export const localDateSchema = z.string().refine(isValidLocalDate, { error: 'invalidDate' });

/** A required short text: trimmed, not empty, bounded. */
export function requiredText(max: number) {
  return z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
}

/** An optional text where an empty form field means "none". */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: 'tooLong' })
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));
}

export const optionalLocalDate = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isValidLocalDate(value), { error: 'invalidDate' });

/** Codes and staff numbers stay text so leading zeros survive. */
export const codeSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(32, { error: 'tooLong' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: 'codeFormat' });

/** Mainland mobile numbers; spaces, dashes and a +86 prefix are tolerated and removed. */
export function normalizePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export const phoneSchema = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((value) => (value ? normalizePhone(value) : null))
  .refine((value) => value === null || /^1[3-9]\d{9}$/.test(value), { error: 'phoneFormat' });
