/** The weekly review: the trainer's notes, exported snapshots, and workspace-wide settings. */
export const migration0004 = {
  version: 4,
  name: 'review',
  sql: `
-- Notes per week: store_id '' holds the week's overall notes.
CREATE TABLE review_notes (
  week TEXT NOT NULL,
  store_id TEXT NOT NULL,
  highlights TEXT NOT NULL DEFAULT '',
  problems TEXT NOT NULL DEFAULT '',
  actions TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (week, store_id)
);

-- A review as it was exported: the whole document, so a later import cannot change what was sent.
CREATE TABLE review_snapshots (
  id TEXT PRIMARY KEY,
  week TEXT NOT NULL,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,
  file_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (week, version)
);

-- Settings that belong to the workspace rather than the person (padding-signal thresholds).
CREATE TABLE workspace_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
} as const;
