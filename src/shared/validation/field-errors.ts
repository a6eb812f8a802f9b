import type { z } from 'zod';
import type { FieldError } from '../api/result';

/**
 * Turns a zod error into field errors with rule keys. Schemas attach rule keys as their
 * error text (`{ error: 'required' }`); anything else falls back to a rule named after the
 * kind of problem, so every message can be shown in the user's language.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(input)';
    if (/^[a-z][A-Za-z]*$/.test(issue.message)) return { field, rule: issue.message };
    return { field, rule: ruleForIssueCode(issue.code) };
  });
}

function ruleForIssueCode(code: string): string {
  switch (code) {
    case 'too_small':
      return 'required';
    case 'too_big':
      return 'tooLong';
    case 'invalid_value':
      return 'invalidOption';
    case 'invalid_format':
      return 'invalidFormat';
    case 'unrecognized_keys':
      return 'unknownField';
    default:
      return 'invalidValue';
  }
}
