/**
 * Undo that does not overwrite later work. An import's undo needs to know what the import wrote
 * to tell a hand edit made since from the import's own value, and a tier-rule change's undo needs
 * the pins the change removed, since nothing else remembers them.
 */
export const migration0005 = {
  version: 5,
  name: 'import-written',
  sql: `
-- The whole guide or store row as the import left it (NULL for facts, and for batches imported
-- before this column existed). A field that differs from it now was changed by something else.
ALTER TABLE import_changes ADD COLUMN written TEXT;

-- The latest tier-rule change, while it can still be undone: the rule it added and the weeks'
-- pins it removed (JSON [{week, ruleId, computedAt}]). One row at most: only the latest change
-- is undoable, and undoing it removes the row.
CREATE TABLE tier_rule_undo (
  slot INTEGER PRIMARY KEY CHECK (slot = 1),
  rule_id TEXT NOT NULL REFERENCES tier_rules (id),
  scope TEXT NOT NULL,
  unpinned TEXT NOT NULL,
  created_at TEXT NOT NULL
);
`,
} as const;
