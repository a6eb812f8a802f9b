import { writeSync } from 'node:fs';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { lastFullCheckKey } from '../../../src/core/db/workspace-check';
import { readSqlite } from '../helpers/sqlite-file';

/**
 * What a killed write left on disk, as JSON on stdout:
 *   node --import tsx crash-verify.ts <workspace> <batch id> <reopen at, ISO, or ->
 * It runs in a process of its own so the parent's timers (the next kill) are not held up by
 * integrity_check on a large file. The file is first read exactly as the crash left it, read-only
 * and without PilotDesk; with a time given, it is then opened as the app would open it.
 */
const [path, batchId, reopenAt] = process.argv.slice(2) as [string, string, string];

const found = readSqlite(path, (db) => {
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  const batch = db.prepare('SELECT undone_at AS undoneAt FROM import_batches WHERE id = ?').get(batchId) as { undoneAt: string | null } | undefined;
  return {
    integrity: (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check),
    facts: count('SELECT count(*) AS n FROM sales_facts WHERE import_id = ?', batchId),
    batch: batch !== undefined,
    undone: batch?.undoneAt != null,
    rules: count('SELECT count(*) AS n FROM tier_rules'),
    pinnedWeeks: count('SELECT count(*) AS n FROM tier_weeks'),
  };
});

let lastFullCheck: string | null = null;
if (reopenAt !== '-') {
  const db = openWorkspaceDatabase(path, { now: () => new Date(reopenAt) });
  try {
    lastFullCheck = db.get<{ value: string }>('SELECT value FROM workspace_settings WHERE key = ?', [lastFullCheckKey])?.value ?? null;
  } finally {
    db.close();
  }
}
writeSync(1, JSON.stringify({ ...found, lastFullCheck }));
