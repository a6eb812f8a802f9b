import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { factSumsForWeek } from '../../../src/core/metrics/fact-sums';
import { refreshStaleWeeks, weekFactSums, weekStoreSums } from '../../../src/core/metrics/week-rollup';
import { shiftWeek, toIsoWeek } from '../../../src/shared/dates/iso-week';
import { demoWorkspaceCopy, tempDir } from '../../support/workspaces';

const at = '2026-11-23T10:00:00.000Z';

function byKey(rows: ReturnType<typeof factSumsForWeek>) {
  return Object.fromEntries(rows.map((row) => [`${row.storeId}|${row.guideId ?? ''}`, row]));
}

describe('the weekly rollup', () => {
  it('gives exactly what summing the facts gives, for every week of the demo', () => {
    const db = openWorkspaceDatabase(demoWorkspaceCopy(tempDir()), { now: () => new Date(at) });
    try {
      for (let back = 0; back < 9; back += 1) {
        const week = shiftWeek(toIsoWeek('2026-W47'), -back);
        expect(byKey(weekFactSums(db, week))).toEqual(byKey(factSumsForWeek(db, week)));
      }
    } finally {
      db.close();
    }
  });

  it('is summed again after any write to the facts, even one made outside PilotDesk', () => {
    const path = demoWorkspaceCopy(tempDir());
    const db = openWorkspaceDatabase(path, { now: () => new Date(at) });
    try {
      const store = db.get<{ id: string }>("SELECT id FROM stores WHERE code = 'SH001'") as { id: string };
      const before = weekStoreSums(db, toIsoWeek('2026-W47')).get(store.id)?.sums.grossSalesFen as number;
      expect(db.get('SELECT 1 AS fresh FROM week_rollup_state WHERE week_end = ?', ['2026-11-22'])).toEqual({
        fresh: 1,
      });

      // Another connection (another process) adds a sale: the week is marked stale in its transaction.
      const other = Database.open(path);
      const importId = (other.get<{ id: string }>('SELECT id FROM import_batches LIMIT 1') as { id: string }).id;
      other.run(
        `INSERT INTO sales_facts (id, import_id, store_id, guide_id, date, channel, gross_sales_fen, created_at, updated_at)
         VALUES ('rollup-test', ?, ?, NULL, '2026-11-18', 'pos', 12345, ?, ?)`,
        [importId, store.id, at, at],
      );
      expect(db.get('SELECT 1 FROM week_rollup_state WHERE week_end = ?', ['2026-11-22'])).toBeUndefined();
      expect(weekStoreSums(db, toIsoWeek('2026-W47')).get(store.id)?.sums.grossSalesFen).toBe(before + 12345);

      other.run("UPDATE sales_facts SET date = '2026-11-10' WHERE id = 'rollup-test'");
      expect(weekStoreSums(db, toIsoWeek('2026-W47')).get(store.id)?.sums.grossSalesFen).toBe(before);
      const week46 = weekStoreSums(db, toIsoWeek('2026-W46')).get(store.id)?.sums.grossSalesFen as number;
      other.run("DELETE FROM sales_facts WHERE id = 'rollup-test'");
      expect(weekStoreSums(db, toIsoWeek('2026-W46')).get(store.id)?.sums.grossSalesFen).toBe(week46 - 12345);
      other.close();
    } finally {
      db.close();
    }
  });

  it('marks both weeks of a contact period, and a later week untouched stays fresh', () => {
    const dir = tempDir();
    const path = join(dir, 'copy.pilotdesk');
    copyFileSync(demoWorkspaceCopy(dir), path);
    const db = openWorkspaceDatabase(path, { now: () => new Date(at) });
    try {
      // The demo was summed by the write that made it: every week of its figures is fresh.
      const fresh = () =>
        db
          .all<{ week_end: string }>('SELECT week_end FROM week_rollup_state ORDER BY week_end')
          .map((row) => row.week_end);
      const before = fresh();
      expect(before).toEqual(expect.arrayContaining(['2026-11-15', '2026-11-22']));
      db.run("UPDATE contact_facts SET new_contacts = new_contacts + 1 WHERE period_from = '2026-11-12'");
      expect(fresh()).toEqual(before.filter((weekEnd) => weekEnd !== '2026-11-15'));
    } finally {
      db.close();
    }
  });
});

describe('the dashboard guide rankings', () => {
  it('are exactly the top and bottom guides of the full guide list, with the same figures', async () => {
    const { weeklyGuides, guideRankings } = await import('../../../src/core/metrics/weekly-guides');
    const { topAndBottom } = await import('../../../src/shared/metrics/rankings');
    const db = openWorkspaceDatabase(demoWorkspaceCopy(tempDir()), { now: () => new Date(at) });
    try {
      const all = weeklyGuides(db, toIsoWeek('2026-W47'));
      const ranked = guideRankings(db, toIsoWeek('2026-W47'), 5);
      const expected = new Map<string, (typeof all)[number]>();
      for (const figure of ['netSalesFen', 'netNewContacts'] as const) {
        const { top, bottom } = topAndBottom(all, figure, 5);
        for (const guide of [...top, ...bottom]) expected.set(guide.guideId, guide);
      }
      expect(ranked.length).toBeGreaterThanOrEqual(10);
      expect(new Map(ranked.map((guide) => [guide.guideId, guide]))).toEqual(expected);
    } finally {
      db.close();
    }
  });
});

describe('reading a week', () => {
  it('never writes: a stale week is summed in memory, with the same sums, and stays stale until a write', () => {
    const path = demoWorkspaceCopy(tempDir());
    const db = openWorkspaceDatabase(path, { now: () => new Date(at) });
    try {
      const week = toIsoWeek('2026-W47');
      const fresh = weekStoreSums(db, week);
      db.run("DELETE FROM week_rollup_state WHERE week_end = '2026-11-22'");
      const changes = db.get<{ n: number }>('SELECT total_changes() AS n')?.n;
      expect(weekStoreSums(db, week)).toEqual(fresh);
      expect(byKey(weekFactSums(db, week))).toEqual(byKey(factSumsForWeek(db, week)));
      expect(db.get<{ n: number }>('SELECT total_changes() AS n')?.n).toBe(changes);
      expect(db.get('SELECT 1 FROM week_rollup_state WHERE week_end = ?', ['2026-11-22'])).toBeUndefined();

      refreshStaleWeeks(db);
      expect(db.get('SELECT 1 AS fresh FROM week_rollup_state WHERE week_end = ?', ['2026-11-22'])).toEqual({
        fresh: 1,
      });
      expect(weekStoreSums(db, week)).toEqual(fresh);
    } finally {
      db.close();
    }
  });
});
