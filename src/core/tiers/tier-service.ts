import { PilotDeskError } from '../../shared/api/result';
import type { TierProfile } from '../../shared/tiers/tier-profiles';
import { defaultTierRule, tierKeysByGrid, tierGrids, type TierGrid, type TierRule } from '../../shared/tiers/tier-rule';
import type { RuleScope, TierSettings } from '../../shared/tiers/tier-settings-schema';
import type { Database } from '../db/database';
import { weekStoreSums } from '../metrics/week-rollup';
import { activeStores } from '../stores/store-repository';
import { tiersForWeek } from './tiers-for-week';
import {
  currentRule,
  insertRule,
  peekRuleForWeek,
  pinnedWeeks,
  pinsFrom,
  saveTierProfiles,
  tierProfiles,
  unpinWeeks,
} from './tier-repository';
import { recordRuleChange, undoableRuleChange, undoRuleChange } from './rule-undo';

export function tierSettings(db: Database): TierSettings {
  const current = currentRule(db);
  return {
    ruleId: current?.id ?? null,
    rule: current?.rule ?? defaultTierRule,
    profiles: Object.fromEntries(tierGrids.map((grid) => [grid, tierProfiles(db, grid)])) as Record<
      TierGrid,
      TierProfile[]
    >,
    pinnedWeeks: pinnedWeeks(db).map((pin) => ({ ...pin, isCurrentRule: pin.ruleId === current?.id })),
    undoableChange: undoableRuleChange(db),
  };
}

function inScope(week: string, scope: RuleScope): boolean {
  return scope.mode === 'all' || week >= scope.week;
}

/** What a rule change would do, before it is made: which weeks are tiered again, which stores move. */
export function previewRuleChange(db: Database, rule: TierRule, scope: RuleScope, week: string, at: string) {
  const pins = pinnedWeeks(db);
  const stores = activeStores(db);
  const sums = weekStoreSums(db, week);
  // Read the week's rule without pinning it: a preview changes nothing.
  const before = tiersForWeek(stores, sums, peekRuleForWeek(db, week, at), null).tiers;
  const after = inScope(week, scope)
    ? tiersForWeek(stores, sums, { id: 'preview', rule, computedAt: at }, null).tiers
    : before;
  return {
    recomputedWeeks: pins.filter((pin) => inScope(pin.week, scope)).map((pin) => pin.week),
    keptWeeks: pins.filter((pin) => !inScope(pin.week, scope)).map((pin) => pin.week),
    week,
    changes: stores
      .filter((store) => before.get(store.id) !== after.get(store.id))
      .map((store) => ({
        storeId: store.id,
        code: store.code,
        name: store.name,
        from: before.get(store.id) ?? null,
        to: after.get(store.id) ?? null,
      })),
  };
}

/**
 * Saves a new rule; weeks in scope are tiered again with it, the others keep theirs. The pins it
 * removes are kept so the change can be undone (the settings it returns say what can be).
 */
export function changeRule(db: Database, rule: TierRule, scope: RuleScope, at: string): TierSettings {
  db.transaction(() => {
    const fromWeek = scope.mode === 'all' ? null : scope.week;
    const unpinned = pinsFrom(db, fromWeek);
    const added = insertRule(db, rule, at);
    unpinWeeks(db, fromWeek);
    recordRuleChange(db, { ruleId: added.id, scope, unpinned, createdAt: at });
  });
  return tierSettings(db);
}

/** Takes the latest rule change back: the rule before it is current again, the weeks' pins as they were. */
export function undoLatestRuleChange(db: Database, ruleId: string): TierSettings {
  undoRuleChange(db, ruleId);
  return tierSettings(db);
}

export function updateTierProfiles(
  db: Database,
  grid: TierGrid,
  profiles: readonly TierProfile[],
  at: string,
): TierSettings {
  const allowed: readonly string[] = tierKeysByGrid[grid];
  const errors = profiles
    .map((profile, index) => ({ profile, index }))
    .filter(({ profile }) => !allowed.includes(profile.tier))
    .map(({ index }) => ({ field: `profiles.${index}.tier`, rule: 'unknownTier' }));
  if (errors.length > 0) throw new PilotDeskError('VALIDATION', `${grid} 没有这个分层`, errors);
  saveTierProfiles(db, grid, profiles, at);
  return tierSettings(db);
}
