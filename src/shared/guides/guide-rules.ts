import type { FieldError } from '../api/result';
import type { GuideValues } from './guide-schema';

/** Rules that need "today": the clock is an argument so the rule stays pure and testable. */
export function checkGuideDates(
  values: Pick<GuideValues, 'hireDate' | 'leftOn' | 'employment'>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (values.hireDate && values.hireDate > today) {
    errors.push({ field: 'hireDate', rule: 'futureDate', params: { today } });
  }
  if (values.leftOn && values.leftOn > today) {
    errors.push({ field: 'leftOn', rule: 'futureDate', params: { today } });
  }
  if (values.leftOn && values.hireDate && values.leftOn < values.hireDate) {
    errors.push({ field: 'leftOn', rule: 'beforeHireDate' });
  }
  if (values.employment === 'left' && !values.leftOn) {
    errors.push({ field: 'leftOn', rule: 'required' });
  }
  return errors;
}
