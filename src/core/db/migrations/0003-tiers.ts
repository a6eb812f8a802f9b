/**
 * Weekly figures and tiers. Figures come from the facts: the covering indexes below make one
 * week's sums one ordered index scan, and a per-guide weekly rollup that every fact write marks
 * stale (triggers) keeps repeated reads of a week cheap without ever disagreeing with the facts.
 * What is stored for tiers is the rule each week was tiered with, so past weeks keep their rule
 * until the user recomputes them.
 */
export const migration0003 = {
  version: 3,
  name: 'tiers',
  sql: `
-- One week's facts, read without touching the tables and without sorting: each index leads with
-- the Sunday that ends the row's week, then the groups the figures are summed by (fact-sums.ts
-- asks for date(..., 'weekday 0') in exactly these words, or SQLite would not use them). The
-- plain date indexes of 0001 stay for "any fact on this date?" (imports) and the latest date;
-- the contacts' one also gives each guide's whole-week row (the WeCom export) at once.
DROP INDEX contact_facts_period;
CREATE INDEX contact_facts_period ON contact_facts (period_from, period_to, guide_id);
CREATE INDEX sales_facts_week ON sales_facts
  (date(date, 'weekday 0'), store_id, guide_id, date, channel, gross_sales_fen, refunds_fen, orders, new_members);
CREATE INDEX contact_facts_week ON contact_facts
  (date(period_from, 'weekday 0'), store_id, guide_id, period_from, period_to,
   contact_requests, new_contacts, lost_contacts, chats, messages_sent);
CREATE INDEX activity_facts_week ON activity_facts
  (date(date, 'weekday 0'), store_id, guide_id, date, moments_posts, group_messages);

-- Each guide's week, summed from the facts (week-rollup.ts): the dashboard reads a few thousand
-- rows instead of every fact of two weeks. A week's rows are only used while the week is listed
-- in week_rollup_state; every write to a fact table removes its week(s) from that list in the
-- same transaction (the triggers below), so the next read sums the week again from the facts.
-- The rollup therefore cannot disagree with the facts after an import, an undo or any other write.
CREATE TABLE week_rollup (
  week_end TEXT NOT NULL,
  store_id TEXT NOT NULL,
  guide_key TEXT NOT NULL,
  sales_days INTEGER NOT NULL,
  activity_days INTEGER NOT NULL,
  contacts_reported INTEGER NOT NULL,
  gross_sales_fen INTEGER,
  refunds_fen INTEGER,
  online_net_sales_fen INTEGER,
  orders INTEGER,
  new_members INTEGER,
  contact_requests INTEGER,
  new_contacts INTEGER,
  lost_contacts INTEGER,
  chats INTEGER,
  messages_sent INTEGER,
  moments_posts INTEGER,
  group_messages INTEGER,
  PRIMARY KEY (week_end, store_id, guide_key)
) WITHOUT ROWID;

CREATE TABLE week_rollup_state (
  week_end TEXT PRIMARY KEY
);

CREATE TRIGGER sales_facts_rollup_insert AFTER INSERT ON sales_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(NEW.date, 'weekday 0')); END;
CREATE TRIGGER sales_facts_rollup_update AFTER UPDATE ON sales_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.date, 'weekday 0'), date(NEW.date, 'weekday 0')); END;
CREATE TRIGGER sales_facts_rollup_delete AFTER DELETE ON sales_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.date, 'weekday 0')); END;
CREATE TRIGGER activity_facts_rollup_insert AFTER INSERT ON activity_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(NEW.date, 'weekday 0')); END;
CREATE TRIGGER activity_facts_rollup_update AFTER UPDATE ON activity_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.date, 'weekday 0'), date(NEW.date, 'weekday 0')); END;
CREATE TRIGGER activity_facts_rollup_delete AFTER DELETE ON activity_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.date, 'weekday 0')); END;
CREATE TRIGGER contact_facts_rollup_insert AFTER INSERT ON contact_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(NEW.period_from, 'weekday 0'), date(NEW.period_to, 'weekday 0')); END;
CREATE TRIGGER contact_facts_rollup_update AFTER UPDATE ON contact_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.period_from, 'weekday 0'), date(OLD.period_to, 'weekday 0'), date(NEW.period_from, 'weekday 0'), date(NEW.period_to, 'weekday 0')); END;
CREATE TRIGGER contact_facts_rollup_delete AFTER DELETE ON contact_facts
BEGIN DELETE FROM week_rollup_state WHERE week_end IN (date(OLD.period_from, 'weekday 0'), date(OLD.period_to, 'weekday 0')); END;

-- Every rule the user has set, kept so a week can point at the one it was tiered with.
CREATE TABLE tier_rules (
  id TEXT PRIMARY KEY,
  rule TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- The rule a week was tiered with, fixed the first time the week's tiers were computed.
CREATE TABLE tier_weeks (
  week TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL REFERENCES tier_rules (id),
  computed_at TEXT NOT NULL
);

-- A tier's name, playbook and checklist where the user changed the defaults.
CREATE TABLE tier_profiles (
  grid TEXT NOT NULL,
  tier TEXT NOT NULL,
  name TEXT NOT NULL,
  playbook TEXT NOT NULL,
  checklist TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (grid, tier)
);
`,
} as const;
