import { defineOperations, noInput, operation } from '../api/operation';
import { preferencesPatchSchema, preferencesSchema } from './preferences-schema';

export const preferencesOperations = defineOperations('preferences', {
  'preferences.get': operation(noInput, preferencesSchema),
  'preferences.update': operation(preferencesPatchSchema, preferencesSchema),
});
