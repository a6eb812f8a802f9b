import type { Database } from '../../../src/core/db/database';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { newId } from '../../../src/core/ids';
import { planImport, type ImportPlan } from '../../../src/core/imports/plan-import';
import type { WorkbookContents } from '../../../src/core/imports/read-workbook';
import { createWorkspaceFile } from '../../../src/core/workspace/create-workspace';
import { toIsoWeek } from '../../../src/shared/dates/iso-week';
import type { Grid, GridRow } from '../../../src/shared/imports/grid';
import { importOptionsSchema } from '../../../src/shared/imports/import-schema';
import { defaultTierRule } from '../../../src/shared/tiers/tier-rule';

/**
 * The workspaces the crash test kills writers on: 250 stores and 5,000 guides, the 100,000 sales
 * rows of one week for them (as the reader would hand them over, so nothing parses a spreadsheet),
 * and many tiered weeks for the rule change.
 */

export const crashNow = new Date('2026-11-23T10:00:00+08:00');
export const crashRows = 100_000;
const storeCount = 250;
const guideCount = 5_000;
const channels = ['门店', '小程序', '直播'];
/**
 * A real workspace pins a few hundred weeks; this many stretches the rule change (one insert
 * and one delete) to a window a kill can land in, without changing what it does.
 */
export const pinnedWeekCount = 60_000;

const staffNo = (guide: number) => String(guide + 1).padStart(6, '0');
const storeCode = (store: number) => `S${String(store + 1).padStart(3, '0')}`;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A POS export as the reader would hand it over: a header and one row per guide × day × channel of the week starting `monday`. */
export function salesContents(monday: string, rowCount = crashRows): WorkbookContents {
  const rows: GridRow[] = [
    ['日期', '门店编码', '导购工号', '导购姓名', '渠道', '订单数', '成交金额', '退款金额', '新增会员数'],
  ];
  for (let i = 0; i < rowCount; i += 1) {
    const guide = i % guideCount;
    const slot = Math.floor(i / guideCount);
    rows.push([
      addDays(monday, slot % 7),
      storeCode(guide % storeCount),
      staffNo(guide),
      `导购${guide}`,
      channels[Math.floor(slot / 7)]!,
      (i * 31) % 17,
      ((i * 7919) % 100_000) / 100,
      i % 9 === 0 ? 12.5 : 0,
      i % 4,
    ]);
  }
  const grid: Grid = { sheetName: '销售明细', rows, firstRowNumber: 1 };
  return { fileName: `销售${monday}.xlsx`, format: 'xlsx', sheets: [grid] };
}

export function planSales(db: Database, monday: string): ImportPlan {
  const plan = planImport(db, salesContents(monday), `hash-${monday}`, importOptionsSchema.parse({}), {
    today: '2026-11-23',
    workspaceRegion: '华东',
    now: crashNow,
  });
  if (plan.writes.length !== crashRows) throw new Error(`the plan writes ${plan.writes.length} rows, not ${crashRows}`);
  return plan;
}

/** The stores and guides the sales rows name, at `path`, closed so it can be copied file by file. */
export function buildRosterWorkspace(path: string): void {
  const at = crashNow.toISOString();
  createWorkspaceFile(
    path,
    { name: '崩溃测试', region: '华东', timeZone: 'Asia/Shanghai' },
    {
      now: () => crashNow,
      populate: (db) => {
        db.transaction(() => {
          const storeIds: string[] = [];
          for (let store = 0; store < storeCount; store += 1) {
            const id = newId();
            storeIds.push(id);
            db.run(
              `INSERT INTO stores (id, code, name, region, store_type, pilot_wave, created_at, updated_at) VALUES (?, ?, ?, '华东区', 'direct', 'none', ?, ?)`,
              [id, storeCode(store), `门店${store + 1}`, at, at],
            );
          }
          for (let guide = 0; guide < guideCount; guide += 1) {
            db.run(
              `INSERT INTO guides (id, staff_no, name, store_id, role, employment, created_at, updated_at) VALUES (?, ?, ?, ?, 'guide', 'active', ?, ?)`,
              [newId(), staffNo(guide), `导购${guide}`, storeIds[guide % storeCount], at, at],
            );
          }
        });
      },
    },
  );
}

/** Pins `pinnedWeekCount` weeks to one rule, the state the rule-change child starts from. */
export function pinManyWeeks(path: string): void {
  const at = crashNow.toISOString();
  const db = openWorkspaceDatabase(path, { now: () => crashNow });
  try {
    db.transaction(() => {
      const ruleId = newId();
      db.run('INSERT INTO tier_rules (id, rule, created_at) VALUES (?, ?, ?)', [
        ruleId,
        JSON.stringify(defaultTierRule),
        at,
      ]);
      for (let week = 0; week < pinnedWeekCount; week += 1) {
        // Weeks long past, so nothing but the rule change reads them.
        const name = `${1000 + Math.floor(week / 52)}-W${String((week % 52) + 1).padStart(2, '0')}`;
        db.run('INSERT INTO tier_weeks (week, rule_id, computed_at) VALUES (?, ?, ?)', [name, ruleId, at]);
      }
    });
  } finally {
    db.close();
  }
}

/** The first of the pinned weeks: a rule change from it unpins them all, row by row (DELETE with a WHERE). */
export const firstPinnedWeek = toIsoWeek('1000-W01');
