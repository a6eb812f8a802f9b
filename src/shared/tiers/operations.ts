import { defineOperations, noInput, operation } from '../api/operation';
import { isoWeekSchema } from '../metrics/weekly-schema';
import {
  tierProfilesPatchSchema,
  tierRuleChangePreviewSchema,
  tierRuleChangeSchema,
  tierSettingsSchema,
  undoRuleChangeInputSchema,
} from './tier-settings-schema';

export const tiersOperations = defineOperations('tiers', {
  'tiers.settings': operation(noInput, tierSettingsSchema),
  'tiers.previewRuleChange': operation(
    tierRuleChangeSchema.extend({ week: isoWeekSchema }),
    tierRuleChangePreviewSchema,
  ),
  'tiers.changeRule': operation(tierRuleChangeSchema, tierSettingsSchema),
  'tiers.undoRuleChange': operation(undoRuleChangeInputSchema, tierSettingsSchema),
  'tiers.updateProfiles': operation(tierProfilesPatchSchema, tierSettingsSchema),
});
