import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../src/shared/workspace/workspace-schema';
import { queryFile } from './helpers/sqlite-file';
import { buildTestCore, callOk, createTestCore, type TestCore } from './helpers/test-core';
import { makeTempDir, removeDir } from './helpers/temp-dir';

// fixedNow (Monday 23 November 2026) makes 2026-W47 the last complete week; eight weeks back
// from it starts on Monday 28 September (2026-W40).
const firstDay = '2026-09-28';
const lastDay = '2026-11-22';

const factTables = ['sales_facts', 'contact_facts', 'activity_facts'] as const;
const factDate: Record<(typeof factTables)[number], string> = {
  sales_facts: 'date',
  contact_facts: 'period_from',
  activity_facts: 'date',
};

/** What a user would compare between two demo files: figures by store, channel and day, not ids. */
function figures(path: string) {
  return {
    stores: queryFile(
      path,
      'SELECT code, name, region, city, store_type, pilot_wave, opened_on FROM stores ORDER BY code',
    ),
    guides: queryFile(
      path,
      `SELECT s.code, g.staff_no, g.name, g.role, g.hire_date, g.phone, g.wecom_account, g.employment, g.left_on
       FROM guides g JOIN stores s ON s.id = g.store_id ORDER BY g.staff_no`,
    ),
    sales: queryFile(
      path,
      `SELECT s.code, f.channel, f.date, sum(f.orders) AS orders, sum(f.gross_sales_fen) AS gross,
         sum(f.refunds_fen) AS refunds, sum(f.new_members) AS members
       FROM sales_facts f JOIN stores s ON s.id = f.store_id GROUP BY s.code, f.channel, f.date ORDER BY 1, 2, 3`,
    ),
    contacts: queryFile(
      path,
      `SELECT g.staff_no, sum(new_contacts) AS added, sum(lost_contacts) AS lost, sum(chats) AS chats,
         sum(messages_sent) AS messages, round(sum(reply_rate), 4) AS replies
       FROM contact_facts f JOIN guides g ON g.id = f.guide_id GROUP BY g.staff_no ORDER BY 1`,
    ),
    activity: queryFile(
      path,
      `SELECT g.staff_no, sum(moments_posts) AS posts, sum(group_messages) AS groups
       FROM activity_facts f JOIN guides g ON g.id = f.guide_id GROUP BY g.staff_no ORDER BY 1`,
    ),
  };
}

describe('the demo workspace', () => {
  let dataDir: string;
  let core: TestCore;
  let demo: WorkspaceInfo;

  beforeAll(async () => {
    dataDir = makeTempDir();
    core = buildTestCore({ dataDir });
    demo = await callOk(core, 'workspace.openDemo');
  });

  afterAll(() => {
    core.close();
    removeDir(dataDir);
  });

  it('opens as a demo workspace in Shanghai time', () => {
    expect(demo).toMatchObject({ isDemo: true, timeZone: 'Asia/Shanghai', region: '华东' });
  });

  it('has 16 stores, 12 of them in the pilot, franchise stores with their dealer', async () => {
    const stores = await callOk(core, 'stores.list');
    expect(stores).toHaveLength(16);
    expect(stores.filter((store) => store.pilotWave === 'pilot')).toHaveLength(12);
    expect(stores.filter((store) => store.storeType === 'franchise' && !store.dealerId)).toEqual([]);
    expect(stores.every((store) => store.status === 'active')).toBe(true);
  });

  it('has about eight guides per store, each store led by exactly one manager', async () => {
    const guides = await callOk(core, 'guides.list');
    const stores = await callOk(core, 'stores.list');
    for (const store of stores) {
      const staff = guides.filter((guide) => guide.storeId === store.id);
      expect(staff.length, store.code).toBeGreaterThanOrEqual(6);
      expect(staff.length, store.code).toBeLessThanOrEqual(10);
      expect(
        staff.filter((guide) => guide.role === 'manager'),
        store.code,
      ).toHaveLength(1);
    }
    expect(guides.length / stores.length).toBeGreaterThan(7);
    expect(guides.length / stores.length).toBeLessThan(9);
  });

  it('has a few guides who left, each with a departure date after hiring and not after today', async () => {
    const left = (await callOk(core, 'guides.list')).filter((guide) => guide.employment === 'left');
    expect(left.length).toBeGreaterThanOrEqual(2);
    expect(left.length).toBeLessThanOrEqual(12);
    for (const guide of left) {
      expect(guide.leftOn).not.toBeNull();
      expect(guide.leftOn! >= guide.hireDate!).toBe(true);
      expect(guide.leftOn! <= '2026-11-23').toBe(true);
    }
  });

  it('has exactly one guide name shared by guides in two different stores', () => {
    const shared = queryFile(
      demo.path,
      'SELECT name, count(DISTINCT store_id) AS stores FROM guides GROUP BY name HAVING count(*) > 1',
    );
    expect(shared).toEqual([{ name: expect.any(String), stores: 2 }]);
  });

  it('keeps staff numbers as six-character text with leading zeros, unique in the workspace', async () => {
    const staffNumbers = (await callOk(core, 'guides.list')).map((guide) => guide.staffNo);
    expect(staffNumbers.every((no) => /^\d{6}$/.test(no))).toBe(true);
    expect(staffNumbers.filter((no) => no.startsWith('0')).length).toBeGreaterThan(0);
    expect(new Set(staffNumbers).size).toBe(staffNumbers.length);
  });

  it('has figures for eight complete ISO weeks ending with the last complete week before now', () => {
    for (const table of factTables) {
      const column = factDate[table];
      const [range] = queryFile<{ first: string; last: string; days: number }>(
        demo.path,
        `SELECT min(${column}) AS first, max(${column}) AS last, count(DISTINCT ${column}) AS days FROM ${table}`,
      );
      expect(range, table).toEqual({ first: firstDay, last: lastDay, days: 56 });
    }
  });

  it('ties every fact to an existing guide working in the store it is booked to', () => {
    for (const table of factTables) {
      const [orphans] = queryFile<{ n: number }>(
        demo.path,
        `SELECT count(*) AS n FROM ${table} f
         LEFT JOIN guides g ON g.id = f.guide_id LEFT JOIN stores s ON s.id = f.store_id
         WHERE g.id IS NULL OR s.id IS NULL OR g.store_id <> f.store_id`,
      );
      expect(orphans, table).toEqual({ n: 0 });
    }
  });

  it('has no figures for a guide before they were hired or from the day they left', () => {
    for (const table of factTables) {
      const column = factDate[table];
      const [outside] = queryFile<{ n: number }>(
        demo.path,
        `SELECT count(*) AS n FROM ${table} f JOIN guides g ON g.id = f.guide_id
         WHERE f.${column} < g.hire_date OR (g.left_on IS NOT NULL AND f.${column} >= g.left_on)`,
      );
      expect(outside, table).toEqual({ n: 0 });
    }
  });

  it('has no refund larger than the sale it belongs to', () => {
    expect(queryFile(demo.path, 'SELECT count(*) AS n FROM sales_facts WHERE refunds_fen > gross_sales_fen')).toEqual([
      { n: 0 },
    ]);
  });

  it('shows stores that sell very differently online: SH001 above 25 %, SH005 below 10 % of net sales', () => {
    const share = (code: string) => {
      const [row] = queryFile<{ online: number; total: number }>(
        demo.path,
        `SELECT sum(CASE WHEN f.channel <> 'pos' THEN f.gross_sales_fen - f.refunds_fen ELSE 0 END) AS online,
                sum(f.gross_sales_fen - f.refunds_fen) AS total
         FROM sales_facts f JOIN stores s ON s.id = f.store_id WHERE s.code = ?`,
        [code],
      );
      return row!.online / row!.total;
    };
    expect(share('SH001')).toBeGreaterThan(0.25);
    expect(share('SH005')).toBeLessThan(0.1);
  });

  it('comes out with identical figures when built again with the same clock', async () => {
    const other = createTestCore();
    const again = await callOk(other, 'workspace.openDemo');
    expect(again.path).not.toBe(demo.path);
    expect(again.id).not.toBe(demo.id);
    expect(figures(again.path)).toEqual(figures(demo.path));
  });
});

describe('reopening and resetting the demo', () => {
  it("reopens the same file with the user's changes when opened again without reset", async () => {
    const core = createTestCore();
    const first = await callOk(core, 'workspace.openDemo');
    await callOk(core, 'stores.create', {
      code: 'NB001',
      name: '宁波天一广场店',
      region: '浙江区',
      storeType: 'direct',
    });
    const second = await callOk(core, 'workspace.openDemo', { reset: false });
    expect(second).toEqual(first);
    expect((await callOk(core, 'stores.list')).map((store) => store.code)).toContain('NB001');
  });

  it("rebuilds the demo from scratch with reset: true, dropping the user's changes", async () => {
    const core = createTestCore();
    const first = await callOk(core, 'workspace.openDemo');
    await callOk(core, 'stores.create', {
      code: 'NB001',
      name: '宁波天一广场店',
      region: '浙江区',
      storeType: 'direct',
    });
    const rebuilt = await callOk(core, 'workspace.openDemo', { reset: true });
    expect(rebuilt.path).toBe(first.path);
    expect(rebuilt.id).not.toBe(first.id);
    const codes = (await callOk(core, 'stores.list')).map((store) => store.code);
    expect(codes).toHaveLength(16);
    expect(codes).not.toContain('NB001');
    expect(queryFile(rebuilt.path, 'SELECT count(*) AS n FROM workspace')).toEqual([{ n: 1 }]);
  });
});
