import type { Database } from '../db/database';

/*
 * workspace_settings: one value per key, for settings that belong to the workspace rather than
 * the person (the review's padding thresholds). Other domains read and write them here, by key,
 * as JSON. (db/workspace-check.ts keeps its last full check there as plain text, before any
 * domain module is loaded.)
 */

export function readWorkspaceSetting(db: Database, key: string): unknown {
  const row = db.get<{ value: string }>('SELECT value FROM workspace_settings WHERE key = ?', [key]);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writeWorkspaceSetting(db: Database, key: string, value: unknown, at: string): void {
  db.run(
    `INSERT INTO workspace_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [key, JSON.stringify(value), at],
  );
}
