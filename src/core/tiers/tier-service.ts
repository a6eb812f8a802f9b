import type { IsoWeek } from '../../shared/dates/iso-week';
import { PilotDeskError } from '../../shared/api/result';
import type { TierProfile } from '../../shared/tiers/tier-profiles';
import { defaultTierRule, tierKeysByGrid, tierGrids, type TierGrid, type TierRule } from '../../shared/tiers/tier-rule';
import type { RuleScope, TierSettings } from '../../shared/tiers/tier-settings-schema';
import type { Database } from '../db/database';
import { weekStoreSums } from '../metrics/week-rollup';
import { weeksWithFigures } from '../metrics/weeks-with-figures';
import { activeStores } from '../stores/store-repository';
import { tiersForWeek } from './tiers-for-week';
import {
  currentRule,
  insertRule,
  pinnedWeeks,
  pinWeeks,
  rulesForWeeks,
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

function inScope(week: IsoWeek, scope: RuleScope): boolean {
  return scope.mode === 'all' || week >= scope.week;
}

/** What a rule change would do, before it is made: which weeks are tiered again, which stores move. */
export function previewRuleChange(db: Database, rule: TierRule, scope: RuleScope, week: IsoWeek, at: Date) {
  // Every week tiered so far: those pinned, and those with figures tiered with the rule in force.
  const weeks = [...new Set([...pinnedWeeks(db).map((pin) => pin.week), ...weeksWithFigures(db)])].sort();
  const stores = activeStores(db);
  const sums = weekStoreSums(db, week);
  const stamp = at.toISOString();
  const before = tiersForWeek(stores, sums, rulesForWeeks(db, [week], stamp).get(week)!, null).tiers;
  const after = inScope(week, scope)
    ? tiersForWeek(stores, sums, { id: 'preview', rule, computedAt: stamp }, null).tiers
    : before;
  return {
    recomputedWeeks: weeks.filter((each) => inScope(each, scope)),
    keptWeeks: weeks.filter((each) => !inScope(each, scope)),
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
 * Saves a new rule; weeks in scope are tiered again with it, the others keep theirs. Reading a
 * week never pins it, so this is where the weeks before the scope that hold figures are pinned to
 * the rule they were tiered with until now. What it pins and unpins is kept so the change can be
 * undone (the settings it returns say what can be).
 */
export function changeRule(db: Database, rule: TierRule, scope: RuleScope, at: Date): TierSettings {
  const stamp = at.toISOString();
  db.transaction(() => {
    const fromWeek = scope.mode === 'all' ? null : scope.week;
    const unpinned = pinsFrom(db, fromWeek);
    const pinnedAlready = new Set(pinnedWeeks(db).map((pin) => pin.week));
    const toPin =
      fromWeek === null
        ? []
        : weeksWithFigures(db)
            .filter((week) => week < fromWeek && !pinnedAlready.has(week))
            .reverse();
    let pinnedTo: string | null = null;
    let savedPreviousRuleId: string | null = null;
    if (toPin.length > 0) {
      // Pins need a stored rule: the default is saved the first time a week keeps it.
      const stored = currentRule(db);
      const previous = stored ?? insertRule(db, defaultTierRule, stamp);
      if (!stored) savedPreviousRuleId = previous.id;
      pinnedTo = previous.id;
      pinWeeks(db, toPin, previous.id, stamp);
    }
    const added = insertRule(db, rule, stamp);
    unpinWeeks(db, fromWeek);
    recordRuleChange(db, {
      ruleId: added.id,
      scope,
      unpinned,
      pinned: toPin,
      pinnedTo,
      savedPreviousRuleId,
      createdAt: stamp,
    });
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
  at: Date,
): TierSettings {
  const allowed: readonly string[] = tierKeysByGrid[grid];
  const errors = profiles
    .map((profile, index) => ({ profile, index }))
    .filter(({ profile }) => !allowed.includes(profile.tier))
    .map(({ index }) => ({ field: `profiles.${index}.tier`, rule: 'unknownTier' }));
  if (errors.length > 0) throw new PilotDeskError('VALIDATION', 'tier.error.noSuchTier', { grid }, errors);
  saveTierProfiles(db, grid, profiles, at.toISOString());
  return tierSettings(db);
}
