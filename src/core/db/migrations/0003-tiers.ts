/**
 * Weekly figures and tiers. Figures are always computed from the facts (never stored), so they
 * cannot drift after an import or an undo; the covering indexes below make one week's figures a
 * range scan that never touches the tables. What is stored is the rule each week was tiered
 * with, so past weeks keep their rule until the user recomputes them.
 */
export const migration0003 = {
  version: 3,
  name: 'tiers',
  sql: `
DROP INDEX sales_facts_date;
CREATE INDEX sales_facts_week ON sales_facts
  (date, store_id, guide_id, channel, gross_sales_fen, refunds_fen, orders, new_members);
CREATE INDEX sales_facts_store_week ON sales_facts
  (store_id, date, channel, gross_sales_fen, refunds_fen, orders, new_members);

DROP INDEX contact_facts_period;
CREATE INDEX contact_facts_week ON contact_facts
  (period_from, period_to, guide_id, store_id, new_contacts, lost_contacts, contact_requests, chats, messages_sent);

DROP INDEX activity_facts_date;
CREATE INDEX activity_facts_week ON activity_facts (date, store_id, guide_id, moments_posts, group_messages);

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
