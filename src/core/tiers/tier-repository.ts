import type { IsoWeek } from '../../shared/dates/iso-week';
import { defaultProfilesFor, type TierProfile } from '../../shared/tiers/tier-profiles';
import { defaultTierRule, tierRuleSchema, type TierGrid, type TierRule } from '../../shared/tiers/tier-rule';
import type { Database } from '../db/database';
import { newId } from '../ids';

export interface StoredRule {
  id: string;
  rule: TierRule;
}

export interface WeekRule extends StoredRule {
  computedAt: string;
}

function parseRule(json: string): TierRule {
  return tierRuleSchema.parse(JSON.parse(json));
}

/** The rule new weeks are tiered with; the default until the user saves one. ULIDs sort by time. */
export function currentRule(db: Database): StoredRule | null {
  const row = db.get<{ id: string; rule: string }>('SELECT id, rule FROM tier_rules ORDER BY id DESC LIMIT 1');
  return row ? { id: row.id, rule: parseRule(row.rule) } : null;
}

export function insertRule(db: Database, rule: TierRule, at: string): StoredRule {
  const id = newId();
  db.run('INSERT INTO tier_rules (id, rule, created_at) VALUES (?, ?, ?)', [id, JSON.stringify(rule), at]);
  return { id, rule };
}

/** The id a week shows while no rule was ever saved: the default rule, which lives in code. */
export const defaultRuleId = 'default';

/** The id of the rule new weeks are tiered with, the default's while none was saved. */
export function currentRuleId(db: Database): string {
  return currentRule(db)?.id ?? defaultRuleId;
}

/**
 * The rule a week not pinned to one is tiered with: the current rule since it was set, or the
 * default (which reading never stores) as of `at`.
 */
export function ruleInForce(db: Database, at: string): WeekRule {
  const row = db.get<{ id: string; rule: string; createdAt: string }>(
    'SELECT id, rule, created_at AS createdAt FROM tier_rules ORDER BY id DESC LIMIT 1',
  );
  if (!row) return { id: defaultRuleId, rule: defaultTierRule, computedAt: at };
  return { id: row.id, rule: parseRule(row.rule), computedAt: row.createdAt };
}

/**
 * The rule each week was tiered with, read without writing: a week pinned by a rule change keeps
 * the rule it had then; every other week is tiered with the rule in force.
 */
export function rulesForWeeks(db: Database, weeks: readonly IsoWeek[], at: string): Map<IsoWeek, WeekRule> {
  const found = new Map<IsoWeek, WeekRule>();
  const rows = db.all<{ week: IsoWeek; ruleId: string; rule: string; computedAt: string }>(
    `SELECT w.week, w.rule_id AS ruleId, r.rule, w.computed_at AS computedAt
     FROM tier_weeks w JOIN tier_rules r ON r.id = w.rule_id
     WHERE w.week IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(weeks)],
  );
  for (const row of rows)
    found.set(row.week, { id: row.ruleId, rule: parseRule(row.rule), computedAt: row.computedAt });
  if (found.size < weeks.length) {
    const inForce = ruleInForce(db, at);
    for (const week of weeks) if (!found.has(week)) found.set(week, inForce);
  }
  return found;
}

/** Pins weeks to a stored rule as of `at`; a week already pinned keeps its pin. */
export function pinWeeks(db: Database, weeks: readonly IsoWeek[], ruleId: string, at: string): void {
  for (const week of weeks)
    db.run('INSERT OR IGNORE INTO tier_weeks (week, rule_id, computed_at) VALUES (?, ?, ?)', [week, ruleId, at]);
}

/** Puts pins back exactly as they were (undo of a rule change). */
export function restorePins(db: Database, pins: readonly WeekPin[]): void {
  for (const pin of pins)
    db.run('INSERT INTO tier_weeks (week, rule_id, computed_at) VALUES (?, ?, ?)', [
      pin.week,
      pin.ruleId,
      pin.computedAt,
    ]);
}

/** Forgets the pins of the given weeks that point at `ruleId`. */
export function unpinWeeksOfRule(db: Database, weeks: readonly IsoWeek[], ruleId: string): void {
  db.run('DELETE FROM tier_weeks WHERE rule_id = ? AND week IN (SELECT value FROM json_each(?))', [
    ruleId,
    JSON.stringify(weeks),
  ]);
}

export function ruleById(db: Database, id: string): TierRule | null {
  const row = db.get<{ rule: string }>('SELECT rule FROM tier_rules WHERE id = ?', [id]);
  return row ? parseRule(row.rule) : null;
}

/** The rule saved before `id`, or null when `id` was the first. */
export function ruleBefore(db: Database, id: string): TierRule | null {
  const row = db.get<{ rule: string }>('SELECT rule FROM tier_rules WHERE id < ? ORDER BY id DESC LIMIT 1', [id]);
  return row ? parseRule(row.rule) : null;
}

/** Removes a rule and every pin to it. */
export function deleteRule(db: Database, id: string): void {
  db.run('DELETE FROM tier_weeks WHERE rule_id = ?', [id]);
  db.run('DELETE FROM tier_rules WHERE id = ?', [id]);
}

/** The latest rule change as stored (tier_rule_undo keeps one row, slot 1); rule-undo.ts reads it. */
export interface StoredRuleChange {
  ruleId: string;
  scope: unknown;
  /** The `unpinned` column: the pins the change removed (and, since reads stopped pinning, what it pinned). */
  record: unknown;
  createdAt: string;
}

export function storedRuleChange(db: Database): StoredRuleChange | null {
  const row = db.get<{ ruleId: string; scope: string; record: string; createdAt: string }>(
    'SELECT rule_id AS ruleId, scope, unpinned AS record, created_at AS createdAt FROM tier_rule_undo WHERE slot = 1',
  );
  if (!row) return null;
  return {
    ruleId: row.ruleId,
    scope: JSON.parse(row.scope) as unknown,
    record: JSON.parse(row.record) as unknown,
    createdAt: row.createdAt,
  };
}

export function saveRuleChange(db: Database, change: StoredRuleChange): void {
  db.run('INSERT OR REPLACE INTO tier_rule_undo (slot, rule_id, scope, unpinned, created_at) VALUES (1, ?, ?, ?, ?)', [
    change.ruleId,
    JSON.stringify(change.scope),
    JSON.stringify(change.record),
    change.createdAt,
  ]);
}

export function clearRuleChange(db: Database): void {
  db.run('DELETE FROM tier_rule_undo WHERE slot = 1');
}

export function pinnedWeeks(db: Database): { week: IsoWeek; ruleId: string }[] {
  return db.all('SELECT week, rule_id AS ruleId FROM tier_weeks ORDER BY week');
}

export interface WeekPin {
  week: IsoWeek;
  ruleId: string;
  computedAt: string;
}

/** The pins `unpinWeeks(db, fromWeek)` would forget, whole, so they can be put back. */
export function pinsFrom(db: Database, fromWeek: string | null): WeekPin[] {
  return db.all<WeekPin>(
    'SELECT week, rule_id AS ruleId, computed_at AS computedAt FROM tier_weeks WHERE ? IS NULL OR week >= ? ORDER BY week',
    [fromWeek, fromWeek],
  );
}

/** Forgets the rule of the given weeks (all when `fromWeek` is null) so they are tiered again. */
export function unpinWeeks(db: Database, fromWeek: string | null): void {
  if (fromWeek === null) db.run('DELETE FROM tier_weeks');
  else db.run('DELETE FROM tier_weeks WHERE week >= ?', [fromWeek]);
}

export function tierProfiles(db: Database, grid: TierGrid): TierProfile[] {
  const edited = new Map(
    db
      .all<{ tier: string; name: string; playbook: string; checklist: string }>(
        'SELECT tier, name, playbook, checklist FROM tier_profiles WHERE grid = ?',
        [grid],
      )
      .map((row) => [row.tier, { ...row, checklist: JSON.parse(row.checklist) as string[] }]),
  );
  return defaultProfilesFor(grid).map((profile) => edited.get(profile.tier) ?? profile);
}

export function saveTierProfiles(db: Database, grid: TierGrid, profiles: readonly TierProfile[], at: string): void {
  db.transaction(() => {
    for (const profile of profiles) {
      db.run(
        `INSERT INTO tier_profiles (grid, tier, name, playbook, checklist, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (grid, tier) DO UPDATE SET name = excluded.name, playbook = excluded.playbook,
           checklist = excluded.checklist, updated_at = excluded.updated_at`,
        [grid, profile.tier, profile.name, profile.playbook, JSON.stringify(profile.checklist), at],
      );
    }
  });
}
