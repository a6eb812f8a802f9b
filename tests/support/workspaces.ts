import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../src/core/db/database';
import { populateDemo } from '../../src/core/demo/populate-demo';
import { newId } from '../../src/core/ids';
import { createWorkspaceFile } from '../../src/core/workspace/create-workspace';
import { lastCompleteWeek, type IsoWeek } from '../../src/shared/dates/iso-week';
import { todayIn } from '../../src/shared/dates/local-date';
import { testNow } from './test-clock';

/** The tests' clock (test-clock.ts); at the default moment the demo's last week is 2026-W47. */
export const fixedNow = testNow;

export function tempDir(prefix = 'pilotdesk-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const templates = new Map<string, string>();

/**
 * A fresh copy of the demo workspace (built once per process, copied per test). Its figures end
 * with the last complete week at the tests' clock, or with `lastWeek`.
 */
export function demoWorkspaceCopy(dir: string, options: { lastWeek?: IsoWeek } = {}): string {
  const lastWeek = options.lastWeek ?? lastCompleteWeek(todayIn('Asia/Shanghai', fixedNow));
  let template = templates.get(lastWeek);
  if (!template || !existsSync(template)) {
    template = join(tempDir('pilotdesk-template-'), 'demo.pilotdesk');
    createWorkspaceFile(
      template,
      { name: '华东试验田（示例）', region: '华东', timeZone: 'Asia/Shanghai', isDemo: true },
      { now: () => fixedNow, populate: (db) => populateDemo(db, { now: fixedNow, lastWeek }) },
    );
    templates.set(lastWeek, template);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'demo.pilotdesk');
  copyFileSync(template, path);
  return path;
}

/**
 * A workspace at the scale of a whole brand: `storeCount` stores with `guidesPerStore` guides
 * each (300 × 34 ≈ 10,000 guides), for the table and listing benchmarks.
 */
export function largeWorkspace(path: string, storeCount: number, guidesPerStore: number): void {
  createWorkspaceFile(
    path,
    { name: '全国门店（规模测试）', region: '全国', timeZone: 'Asia/Shanghai' },
    {
      now: () => fixedNow,
      populate: (db: Database) => {
        const at = fixedNow.toISOString();
        db.transaction(() => {
          for (let store = 0; store < storeCount; store += 1) {
            const storeId = newId();
            const code = `S${String(store + 1).padStart(4, '0')}`;
            db.run(
              `INSERT INTO stores (id, code, name, region, city, store_type, pilot_wave, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'direct', ?, ?, ?)`,
              [
                storeId,
                code,
                `门店${code}`,
                `区域${(store % 8) + 1}`,
                `城市${(store % 20) + 1}`,
                store < 12 ? 'pilot' : 'none',
                at,
                at,
              ],
            );
            for (let guide = 0; guide < guidesPerStore; guide += 1) {
              const staffNo = String(store * 1000 + guide + 1).padStart(7, '0');
              db.run(
                `INSERT INTO guides (id, staff_no, name, store_id, role, hire_date, phone, wecom_account, employment, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, '2024-03-01', ?, ?, 'active', ?, ?)`,
                [
                  newId(),
                  staffNo,
                  `导购${staffNo}`,
                  storeId,
                  guide === 0 ? 'manager' : 'guide',
                  `138${staffNo.padStart(8, '0')}`,
                  `wx${staffNo}`,
                  at,
                  at,
                ],
              );
            }
          }
        });
      },
    },
  );
}
