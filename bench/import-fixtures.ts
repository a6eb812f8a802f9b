import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../src/core/ids';
import { createWorkspaceFile } from '../src/core/workspace/create-workspace';
import { largeSalesExport, largeSalesRows, salesExport } from '../tests/support/spreadsheets';
import { tempDir } from '../tests/support/workspaces';

/**
 * A workspace with the 300 stores and 10,000 guides the generated sales files name, and the files:
 * 100,000 rows (the brand-scale benchmark) and ~1,500 rows (a week of 12 pilot stores).
 */
export function importBenchFixtures(): {
  dir: string;
  workspace: string;
  largeFile: string;
  weeklyFile: string;
  copy: (name: string) => string;
} {
  const dir = tempDir('pilotdesk-bench-import-');
  const workspace = join(dir, 'template.pilotdesk');
  createWorkspaceFile(
    workspace,
    { name: '导入基准', region: '华东', timeZone: 'Asia/Shanghai' },
    {
      populate: (db) => {
        const at = new Date().toISOString();
        db.transaction(() => {
          const storeIds: string[] = [];
          for (let store = 1; store <= 300; store += 1) {
            const id = newId();
            storeIds.push(id);
            db.run(
              `INSERT INTO stores (id, code, name, region, store_type, pilot_wave, created_at, updated_at) VALUES (?, ?, ?, '上海区', 'direct', 'none', ?, ?)`,
              [id, `SH${String(store).padStart(3, '0')}`, `上海${store}号店`, at, at],
            );
          }
          // The generated files use 企微 as a channel; here the user has mapped it once before.
          db.run(`INSERT INTO channel_mappings (name, channel, updated_at) VALUES ('企微', 'otherOnline', ?)`, [at]);
          for (let guide = 0; guide < 10_000; guide += 1) {
            db.run(
              `INSERT INTO guides (id, staff_no, name, store_id, role, employment, created_at, updated_at) VALUES (?, ?, ?, ?, 'guide', 'active', ?, ?)`,
              [
                newId(),
                String((guide * 7919) % 1_000_000).padStart(6, '0'),
                `导购${guide}`,
                storeIds[guide % 300],
                at,
                at,
              ],
            );
          }
        });
      },
    },
  );
  const largeFile = join(dir, 'sales-100000.xlsx');
  writeFileSync(largeFile, largeSalesExport(100_000));
  const weeklyFile = join(dir, 'sales-week.xlsx');
  const week = largeSalesRows(1_512).map((row, index) => ({
    ...row,
    storeCode: `SH${String((index % 12) + 1).padStart(3, '0')}`,
  }));
  writeFileSync(weeklyFile, salesExport({ rows: week, dateAsSerial: true, title: '试验田门店销售（一周）' }));
  let copies = 0;
  return {
    dir,
    workspace,
    largeFile,
    weeklyFile,
    copy: (name) => {
      copies += 1;
      const path = join(dir, `${name}-${copies}.pilotdesk`);
      copyFileSync(workspace, path);
      return path;
    },
  };
}
