import { PilotDeskError } from '../../shared/api/result';
import { defaultTierRule, tierRuleSchema, type TierRule } from '../../shared/tiers/tier-rule';
import { ruleScopeSchema, type RuleScope, type UndoableRuleChange } from '../../shared/tiers/tier-settings-schema';
import type { Database } from '../db/database';
import { currentRule, type WeekPin } from './tier-repository';

interface StoredChange {
  ruleId: string;
  scope: RuleScope;
  unpinned: WeekPin[];
  createdAt: string;
}

function storedChange(db: Database): StoredChange | null {
  const row = db.get<{ ruleId: string; scope: string; unpinned: string; createdAt: string }>(
    'SELECT rule_id AS ruleId, scope, unpinned, created_at AS createdAt FROM tier_rule_undo WHERE slot = 1',
  );
  if (!row) return null;
  return {
    ruleId: row.ruleId,
    scope: ruleScopeSchema.parse(JSON.parse(row.scope)),
    unpinned: JSON.parse(row.unpinned) as WeekPin[],
    createdAt: row.createdAt,
  };
}

/** Keeps what a rule change removed; it replaces the one before, since only the latest change can be undone. */
export function recordRuleChange(db: Database, change: StoredChange): void {
  db.run('INSERT OR REPLACE INTO tier_rule_undo (slot, rule_id, scope, unpinned, created_at) VALUES (1, ?, ?, ?, ?)', [
    change.ruleId,
    JSON.stringify(change.scope),
    JSON.stringify(change.unpinned),
    change.createdAt,
  ]);
}

function ruleById(db: Database, id: string): TierRule | null {
  const row = db.get<{ rule: string }>('SELECT rule FROM tier_rules WHERE id = ?', [id]);
  return row ? tierRuleSchema.parse(JSON.parse(row.rule)) : null;
}

/** The latest rule change, while it is still the one in force: what the tiers page offers to undo. */
export function undoableRuleChange(db: Database): UndoableRuleChange | null {
  const change = storedChange(db);
  const rule = change && ruleById(db, change.ruleId);
  if (!change || !rule || currentRule(db)?.id !== change.ruleId) return null;
  const previous = db.get<{ rule: string }>('SELECT rule FROM tier_rules WHERE id < ? ORDER BY id DESC LIMIT 1', [
    change.ruleId,
  ]);
  return {
    ruleId: change.ruleId,
    rule,
    previousRule: previous ? tierRuleSchema.parse(JSON.parse(previous.rule)) : defaultTierRule,
    scope: change.scope,
    createdAt: change.createdAt,
    restoredWeeks: change.unpinned.map((pin) => pin.week),
  };
}

/**
 * Takes the latest rule change back in one transaction: its rule goes (so the one before is
 * current again), weeks tiered with it since are unpinned, and the weeks it unpinned get their
 * pins back exactly as they were. Only that change, named by its rule, so a stale page cannot
 * undo a newer change it never showed.
 */
export function undoRuleChange(db: Database, ruleId: string): void {
  db.transaction(() => {
    const change = storedChange(db);
    if (!change || currentRule(db)?.id !== change.ruleId)
      throw new PilotDeskError('CONFLICT', '没有可以撤销的分层规则更改');
    if (change.ruleId !== ruleId)
      throw new PilotDeskError('CONFLICT', '之后又改过分层规则，只能撤销最近一次更改', undefined, {
        latestRuleId: change.ruleId,
      });
    db.run('DELETE FROM tier_rule_undo WHERE slot = 1');
    db.run('DELETE FROM tier_weeks WHERE rule_id = ?', [ruleId]);
    db.run('DELETE FROM tier_rules WHERE id = ?', [ruleId]);
    for (const pin of change.unpinned) {
      db.run('INSERT INTO tier_weeks (week, rule_id, computed_at) VALUES (?, ?, ?)', [
        pin.week,
        pin.ruleId,
        pin.computedAt,
      ]);
    }
  });
}
