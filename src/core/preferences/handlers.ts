import { defineHandlers } from '../api/handlers';

export const preferenceHandlers = defineHandlers('preferences', {
  'preferences.get': (_input, { preferences }) => preferences.read(),
  'preferences.update': (patch, { preferences }) => preferences.update(patch),
});
