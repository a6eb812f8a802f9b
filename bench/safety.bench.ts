// Data-safety timings at 200 MB, as the user waits for them: opening a workspace (identity,
// quick_check, markers, migrations check), the weekly full integrity_check, and a verified
// backup (backup API copy + integrity_check of the copy + row counts). `npm run bench:safety`.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeBackup } from '../src/core/backups/make-backup';
import { openWorkspaceDatabase } from '../src/core/db/open-workspace';
import { checkWorkspaceFile } from '../src/core/db/workspace-check';
import { populateDemo } from '../src/core/demo/populate-demo';
import { newId } from '../src/core/ids';
import { createWorkspaceFile } from '../src/core/workspace/create-workspace';
import { readWorkspaceInfo } from '../src/core/workspace/workspace-repository';
import { addDays } from '../src/shared/dates/local-date';
import { measure, ms } from './measure';
import { toIsoWeek } from '../src/shared/dates/iso-week';

const print = (line: string) => process.stdout.write(`${line}\n`);

const now = new Date('2026-11-23T02:00:00Z');
const targetBytes = 200 * 1024 * 1024;
const path = join(tmpdir(), 'pilotdesk-bench-safety-200mb.pilotdesk');

function build(): void {
  createWorkspaceFile(
    path,
    { name: '备份基准', region: '华东', timeZone: 'Asia/Shanghai' },
    {
      now: () => now,
      populate: (db) => {
        populateDemo(db, { now, lastWeek: toIsoWeek('2026-W47') });
        const guides = db.all<{ id: string; storeId: string }>('SELECT id, store_id AS storeId FROM guides');
        const importId = newId();
        db.run(
          "INSERT INTO import_batches (id, kind, source, file_name, created_at) VALUES (?, 'sales', 'bench', 'bench.xlsx', ?)",
          [importId, now.toISOString()],
        );
        // Older history, a guide × day × channel row at a time, until the file is 200 MB.
        let day = '2020-01-01';
        for (;;) {
          db.transaction(() => {
            for (let d = 0; d < 30; d += 1, day = addDays(day, 1)) {
              for (const guide of guides) {
                for (const channel of ['pos', 'mini_program']) {
                  db.run(
                    'INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, orders, gross_sales_fen, refunds_fen, new_members, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 3, 89900, 0, 1, ?, ?)',
                    [newId(), importId, guide.storeId, guide.id, day, channel, now.toISOString(), now.toISOString()],
                  );
                }
              }
            }
          });
          const size = (db.pragma<number>('page_count') ?? 0) * (db.pragma<number>('page_size') ?? 4096);
          if (size >= targetBytes || day >= '2026-06-01') break;
        }
      },
    },
  );
}

async function main(): Promise<void> {
  if (!existsSync(path)) {
    const start = performance.now();
    build();
    print(`built ${path} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const size = statSync(path).size;
  print(`workspace: ${(size / 1024 / 1024).toFixed(0)} MB`);

  const quick = await measure(5, () => checkWorkspaceFile(path, { full: false }));
  print(`quick_check alone: median ${ms(quick.median)}, p95 ${ms(quick.p95)} (target < 1000 ms)`);
  const open = await measure(5, () => openWorkspaceDatabase(path, { now: () => now }).close());
  print(`whole open (identity, quick_check, markers, migrations): median ${ms(open.median)}, p95 ${ms(open.p95)}`);
  const full = await measure(2, () => checkWorkspaceFile(path, { full: true }));
  print(`integrity_check (weekly, after an unclean shutdown): median ${ms(full.median)}`);
  const db = openWorkspaceDatabase(path, { now: () => now });
  const info = readWorkspaceInfo(db);
  const backup = await measure(2, async () => {
    await makeBackup(db, info, {
      kind: 'manual',
      at: new Date(),
      outPath: join(tmpdir(), `pilotdesk-bench-backup-${process.pid}.pilotdesk`),
    });
  });
  print(
    `verified backup (copy + integrity_check + row counts): median ${ms(backup.median)}, ratio to quick_check ${(backup.median / quick.median).toFixed(1)}`,
  );
  // What the console feels meanwhile: the longest the event loop went without a turn.
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
  }, 5);
  await makeBackup(db, info, {
    kind: 'manual',
    at: new Date(),
    outPath: join(tmpdir(), `pilotdesk-bench-backup-${process.pid}-stall.pilotdesk`),
  });
  clearInterval(ticker);
  print(`longest event-loop stall during a verified backup: ${ms(longest)}`);
  db.close();
}

await main();
