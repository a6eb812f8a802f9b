import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { lastFullCheckKey } from '../../../src/core/db/workspace-check';
import { readSqlite } from '../helpers/sqlite-file';

/**
 * Says what a killed write left on disk. Reads requests on stdin, one a line:
 *   <workspace> <batch id> <reopen at, ISO, or ->
 * and answers each with one line of JSON. It runs beside the parent so the parent's timers (the
 * next kill) are not held up by integrity_check on a large file, and stays up between requests
 * because starting tsx costs more than many of the checks. The file is first read exactly as the
 * crash left it, read-only and without PilotDesk; with a time given, it is then opened as the app
 * would open it.
 */
function inspect(path: string, batchId: string, reopenAt: string) {
  const found = readSqlite(path, (db) => {
    const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
    const batch = db.prepare('SELECT undone_at AS undoneAt FROM import_batches WHERE id = ?').get(batchId) as
      { undoneAt: string | null } | undefined;
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
      lastFullCheck =
        db.get<{ value: string }>('SELECT value FROM workspace_settings WHERE key = ?', [lastFullCheckKey])?.value ??
        null;
    } finally {
      db.close();
    }
  }
  return { ...found, lastFullCheck };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [path, batchId, reopenAt] = line.split(' ') as [string, string, string];
  let answer: unknown;
  try {
    answer = inspect(path, batchId, reopenAt);
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  writeSync(1, `${JSON.stringify(answer)}\n`);
});
