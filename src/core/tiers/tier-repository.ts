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

function currentOrDefaultRule(db: Database, at: string): StoredRule {
  return currentRule(db) ?? insertRule(db, defaultTierRule, at);
}

/**
 * The rule each week was tiered with. A week seen for the first time is tiered now, with the
 * current rule, and keeps that rule until the user recomputes it.
 */
export function rulesForWeeks(db: Database, weeks: readonly string[], at: string): Map<string, WeekRule> {
  const found = new Map<string, WeekRule>();
  const rows = db.all<{ week: string; ruleId: string; rule: string; computedAt: string }>(
    `SELECT w.week, w.rule_id AS ruleId, r.rule, w.computed_at AS computedAt
     FROM tier_weeks w JOIN tier_rules r ON r.id = w.rule_id
     WHERE w.week IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(weeks)],
  );
  for (const row of rows)
    found.set(row.week, { id: row.ruleId, rule: parseRule(row.rule), computedAt: row.computedAt });
  const missing = weeks.filter((week) => !found.has(week));
  if (missing.length > 0) {
    db.transaction(() => {
      const current = currentOrDefaultRule(db, at);
      for (const week of missing) {
        db.run('INSERT OR IGNORE INTO tier_weeks (week, rule_id, computed_at) VALUES (?, ?, ?)', [
          week,
          current.id,
          at,
        ]);
        found.set(week, { ...current, computedAt: at });
      }
    });
  }
  return found;
}

/**
 * The rule a week is pinned to, or the one it would be pinned to when first computed (the
 * current rule, or the default), without pinning it or saving a rule: for previews.
 */
export function peekRuleForWeek(db: Database, week: string, at: string): WeekRule {
  const row = db.get<{ ruleId: string; rule: string; computedAt: string }>(
    `SELECT w.rule_id AS ruleId, r.rule, w.computed_at AS computedAt
     FROM tier_weeks w JOIN tier_rules r ON r.id = w.rule_id WHERE w.week = ?`,
    [week],
  );
  if (row) return { id: row.ruleId, rule: parseRule(row.rule), computedAt: row.computedAt };
  const current = currentRule(db);
  return { id: current?.id ?? 'default', rule: current?.rule ?? defaultTierRule, computedAt: at };
}

export function pinnedWeeks(db: Database): { week: string; ruleId: string }[] {
  return db.all('SELECT week, rule_id AS ruleId FROM tier_weeks ORDER BY week');
}

export interface WeekPin {
  week: string;
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
