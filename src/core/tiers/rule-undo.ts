import type { IsoWeek } from '../../shared/dates/iso-week';
import { PilotDeskError } from '../../shared/api/result';
import { defaultTierRule } from '../../shared/tiers/tier-rule';
import { ruleScopeSchema, type RuleScope, type UndoableRuleChange } from '../../shared/tiers/tier-settings-schema';
import type { Database } from '../db/database';
import {
  clearRuleChange,
  currentRule,
  deleteRule,
  restorePins,
  ruleBefore,
  ruleById,
  saveRuleChange,
  storedRuleChange,
  unpinWeeksOfRule,
  type WeekPin,
} from './tier-repository';

export interface RuleChange {
  ruleId: string;
  scope: RuleScope;
  /** Pins the change removed (the weeks in its scope). */
  unpinned: WeekPin[];
  /** Weeks with figures before its scope that it pinned to the rule before it, so they keep that rule. */
  pinned: IsoWeek[];
  /** The rule those weeks were pinned to, when the change had to save it (the default, never saved before). */
  savedPreviousRuleId: string | null;
  createdAt: string;
}

interface ChangeRecord {
  unpinned: WeekPin[];
  pinned?: IsoWeek[];
  pinnedTo?: string | null;
  savedPreviousRuleId?: string | null;
}

function latestChange(db: Database): (RuleChange & { pinnedTo: string | null }) | null {
  const stored = storedRuleChange(db);
  if (!stored) return null;
  // Changes recorded before reads stopped pinning kept a bare list of the pins they removed.
  const record: ChangeRecord = Array.isArray(stored.record)
    ? { unpinned: stored.record as WeekPin[] }
    : (stored.record as ChangeRecord);
  return {
    ruleId: stored.ruleId,
    scope: ruleScopeSchema.parse(stored.scope),
    unpinned: record.unpinned,
    pinned: record.pinned ?? [],
    pinnedTo: record.pinnedTo ?? null,
    savedPreviousRuleId: record.savedPreviousRuleId ?? null,
    createdAt: stored.createdAt,
  };
}

/** Keeps what a rule change did; it replaces the one before, since only the latest change can be undone. */
export function recordRuleChange(db: Database, change: RuleChange & { pinnedTo: string | null }): void {
  const record: ChangeRecord = {
    unpinned: change.unpinned,
    pinned: change.pinned,
    pinnedTo: change.pinnedTo,
    savedPreviousRuleId: change.savedPreviousRuleId,
  };
  saveRuleChange(db, { ruleId: change.ruleId, scope: change.scope, record, createdAt: change.createdAt });
}

/** The latest rule change, while it is still the one in force: what the tiers page offers to undo. */
export function undoableRuleChange(db: Database): UndoableRuleChange | null {
  const change = latestChange(db);
  const rule = change && ruleById(db, change.ruleId);
  if (!change || !rule || currentRule(db)?.id !== change.ruleId) return null;
  const previous = ruleBefore(db, change.ruleId);
  return {
    ruleId: change.ruleId,
    rule,
    previousRule: previous ?? defaultTierRule,
    scope: change.scope,
    createdAt: change.createdAt,
    restoredWeeks: change.unpinned.map((pin) => pin.week),
  };
}

/**
 * Takes the latest rule change back in one transaction: its rule goes (so the one before is
 * current again, and pins to it with it), the weeks it pinned are unpinned, and the weeks it
 * unpinned get their pins back exactly as they were. Only that change, named by its rule, so a
 * stale page cannot undo a newer change it never showed.
 */
export function undoRuleChange(db: Database, ruleId: string): void {
  db.transaction(() => {
    const change = latestChange(db);
    if (!change || currentRule(db)?.id !== change.ruleId)
      throw new PilotDeskError('CONFLICT', 'tier.error.nothingToUndo');
    if (change.ruleId !== ruleId)
      throw new PilotDeskError('CONFLICT', 'tier.error.notLatest', {}, undefined, {
        latestRuleId: change.ruleId,
      });
    clearRuleChange(db);
    deleteRule(db, ruleId);
    if (change.pinnedTo) unpinWeeksOfRule(db, change.pinned, change.pinnedTo);
    if (change.savedPreviousRuleId) deleteRule(db, change.savedPreviousRuleId);
    restorePins(db, change.unpinned);
  });
}
