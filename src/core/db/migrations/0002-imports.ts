/** Imports: what each batch changed (for undo), users' header and channel mappings, group facts. */
export const migration0002 = {
  version: 2,
  name: 'imports',
  sql: `
-- Every row a batch inserted or changed, with the row as it was before (NULL when inserted), so
-- the batch can be undone exactly, and a later batch that touched the same row is noticed.
CREATE TABLE import_changes (
  seq INTEGER PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES import_batches (id),
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  previous TEXT
);
CREATE INDEX import_changes_import ON import_changes (import_id);
CREATE INDEX import_changes_row ON import_changes (table_name, row_id);

-- A header a user mapped once, per kind of file, reused on the next file with that header.
CREATE TABLE import_mappings (
  kind TEXT NOT NULL,
  header TEXT NOT NULL,
  field TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, header)
);

-- A channel name a user mapped once (e.g. 抖音小店 → otherOnline).
CREATE TABLE channel_mappings (
  name TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- WeCom customer-group statistics: group owner × day.
CREATE TABLE group_facts (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES import_batches (id),
  store_id TEXT NOT NULL REFERENCES stores (id),
  guide_id TEXT NOT NULL REFERENCES guides (id),
  date TEXT NOT NULL,
  groups INTEGER,
  group_members INTEGER,
  new_group_members INTEGER,
  lost_group_members INTEGER,
  group_messages INTEGER,
  active_group_members INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX group_facts_key ON group_facts (guide_id, date);
CREATE INDEX group_facts_date ON group_facts (date, store_id);
CREATE INDEX group_facts_import ON group_facts (import_id);

CREATE INDEX import_batches_hash ON import_batches (file_hash);
`,
} as const;
