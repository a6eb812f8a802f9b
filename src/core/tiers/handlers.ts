import { defineHandlers } from '../api/handlers';
import { changeRule, previewRuleChange, tierSettings, undoLatestRuleChange, updateTierProfiles } from './tier-service';

export const tierHandlers = defineHandlers('tiers', {
  'tiers.settings': (_input, { session }) => tierSettings(session.requireDb()),
  'tiers.previewRuleChange': ({ rule, scope, week }, { session, now }) =>
    previewRuleChange(session.requireDb(), rule, scope, week, now()),
  'tiers.changeRule': ({ rule, scope }, { session, now }) => changeRule(session.requireDb(), rule, scope, now()),
  'tiers.undoRuleChange': ({ ruleId }, { session }) => undoLatestRuleChange(session.requireDb(), ruleId),
  'tiers.updateProfiles': ({ grid, profiles }, { session, now }) =>
    updateTierProfiles(session.requireDb(), grid, profiles, now()),
});
