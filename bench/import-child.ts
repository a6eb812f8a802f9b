import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { Database } from '../src/core/db/database';
import { commitImport } from '../src/core/imports/commit-import';
import { fileHashOf, planImport } from '../src/core/imports/plan-import';
import { readWorkbook } from '../src/core/imports/read-workbook';
import { newId } from '../src/core/ids';
import { openWorkspaceDatabase } from '../src/core/db/open-workspace';

/**
 * One measured run in its own process, so peak memory (maxRSS) belongs to that run alone.
 * `pilotdesk`: the whole import (read, check every row, commit with undo records).
 * `floor`: SheetJS parsing the same file plus one bare transaction inserting the same rows.
 */
const [mode, file, workspace] = process.argv.slice(2) as ['pilotdesk' | 'floor', string, string];
const start = performance.now();
let rows = 0;
if (mode === 'pilotdesk') {
  const bytes = readFileSync(file);
  const db = openWorkspaceDatabase(workspace);
  const contents = readWorkbook(bytes, file);
  const now = new Date('2026-11-23T10:00:00+08:00');
  const plan = planImport(
    db,
    contents,
    fileHashOf(bytes),
    { createMissing: false },
    { today: '2026-11-23', workspaceRegion: '华东', now },
  );
  const report = commitImport(db, plan, 'bench', now);
  rows = report.rows.imported;
  db.close();
} else {
  const workbook = XLSX.read(readFileSync(file), { type: 'buffer', dense: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const data = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  const db = Database.open(workspace);
  const store = db.get<{ id: string }>('SELECT id FROM stores LIMIT 1')!.id;
  const guide = db.get<{ id: string }>('SELECT id FROM guides LIMIT 1')!.id;
  const batch = newId();
  const at = new Date().toISOString();
  db.transaction(() => {
    db.run(`INSERT INTO import_batches (id, kind, source, created_at) VALUES (?, 'sales', 'floor', ?)`, [batch, at]);
    for (let index = 2; index < data.length - 1; index += 1) {
      const row = data[index] ?? [];
      db.run(
        `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          newId(),
          batch,
          store,
          guide,
          String(index),
          String(row[5]),
          Number(row[6]) || 0,
          Math.round(Number(row[7]) * 100) || 0,
          0,
          0,
          at,
          at,
        ],
      );
      rows += 1;
    }
  });
  db.close();
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(JSON.stringify({ mode, rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
