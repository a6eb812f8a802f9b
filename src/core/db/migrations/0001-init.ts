/**
 * The first schema. Landed migrations are never edited: a checksum of this text is stored in
 * the workspace, and a workspace whose applied migrations drifted from the files is refused.
 */
export const migration0001 = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE workspace (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE dealers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT
);
CREATE UNIQUE INDEX dealers_name ON dealers (name);

CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  city TEXT,
  store_type TEXT NOT NULL CHECK (store_type IN ('direct', 'franchise')),
  dealer_id TEXT REFERENCES dealers (id),
  pilot_wave TEXT NOT NULL DEFAULT 'none' CHECK (pilot_wave IN ('pilot', 'wave1', 'wave2', 'none')),
  opened_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT
);
CREATE UNIQUE INDEX stores_code ON stores (code);
CREATE INDEX stores_dealer ON stores (dealer_id);

CREATE TABLE guides (
  id TEXT PRIMARY KEY,
  staff_no TEXT NOT NULL,
  name TEXT NOT NULL,
  store_id TEXT NOT NULL REFERENCES stores (id),
  role TEXT NOT NULL CHECK (role IN ('manager', 'guide')),
  hire_date TEXT,
  phone TEXT,
  wecom_account TEXT,
  employment TEXT NOT NULL DEFAULT 'active' CHECK (employment IN ('active', 'left')),
  left_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT
);
CREATE UNIQUE INDEX guides_staff_no ON guides (staff_no);
CREATE INDEX guides_store ON guides (store_id);
CREATE INDEX guides_wecom_account ON guides (wecom_account);

-- Every fact keeps the batch it came from, so a batch can be listed and undone.
CREATE TABLE import_batches (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  file_name TEXT,
  file_hash TEXT,
  summary TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  undone_at TEXT
);

-- Metric columns are NULL when a source did not report them: missing is not zero.
CREATE TABLE sales_facts (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES import_batches (id),
  store_id TEXT NOT NULL REFERENCES stores (id),
  guide_id TEXT REFERENCES guides (id),
  date TEXT NOT NULL,
  channel TEXT NOT NULL,
  orders INTEGER,
  gross_sales_fen INTEGER,
  refunds_fen INTEGER,
  new_members INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX sales_facts_key ON sales_facts (store_id, ifnull(guide_id, ''), date, channel);
CREATE INDEX sales_facts_date ON sales_facts (date, store_id);
CREATE INDEX sales_facts_guide ON sales_facts (guide_id, date);
CREATE INDEX sales_facts_import ON sales_facts (import_id);

CREATE TABLE contact_facts (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES import_batches (id),
  store_id TEXT NOT NULL REFERENCES stores (id),
  guide_id TEXT NOT NULL REFERENCES guides (id),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  contact_requests INTEGER,
  new_contacts INTEGER,
  lost_contacts INTEGER,
  chats INTEGER,
  messages_sent INTEGER,
  reply_rate REAL,
  avg_first_reply_minutes REAL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX contact_facts_key ON contact_facts (guide_id, period_from, period_to);
CREATE INDEX contact_facts_period ON contact_facts (period_from, store_id);
CREATE INDEX contact_facts_import ON contact_facts (import_id);

CREATE TABLE activity_facts (
  id TEXT PRIMARY KEY,
  import_id TEXT NOT NULL REFERENCES import_batches (id),
  store_id TEXT NOT NULL REFERENCES stores (id),
  guide_id TEXT NOT NULL REFERENCES guides (id),
  date TEXT NOT NULL,
  moments_posts INTEGER,
  group_messages INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX activity_facts_key ON activity_facts (guide_id, date);
CREATE INDEX activity_facts_date ON activity_facts (date, store_id);
CREATE INDEX activity_facts_import ON activity_facts (import_id);
`,
} as const;
