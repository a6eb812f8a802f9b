import { describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../../src/core/db/open-workspace';
import { anyFactOn, factByKey, insertFacts } from '../../../src/core/facts/fact-repository';
import { weeksWithFigures } from '../../../src/core/metrics/weeks-with-figures';
import { isoWeekOf } from '../../../src/shared/dates/iso-week';
import { addDays } from '../../../src/shared/dates/local-date';
import { demoWorkspaceCopy, tempDir } from '../../support/workspaces';

const at = '2026-11-23T10:00:00.000Z';

function openDemo() {
  return openWorkspaceDatabase(demoWorkspaceCopy(tempDir()), { now: () => new Date(at) });
}

describe('the facts repository', () => {
  it('inserts many rows a statement, and finds each again by its key', () => {
    const db = openDemo();
    try {
      const store = db.get<{ id: string }>("SELECT id FROM stores WHERE code = 'SH001'")!.id;
      const guide = db.get<{ id: string }>('SELECT id FROM guides WHERE store_id = ? LIMIT 1', [store])!.id;
      const batch = db.get<{ id: string }>('SELECT id FROM import_batches LIMIT 1')!.id;
      // 450 days from 2030 on: more rows than one statement takes, on dates the demo has no facts on.
      const rows = Array.from({ length: 450 }, (_, day) => ({
        id: `repository-test-${String(day).padStart(3, '0')}`,
        import_id: batch,
        store_id: store,
        // Every third sale belongs to no guide: the key reads a missing guide as ''.
        guide_id: day % 3 === 0 ? null : guide,
        date: addDays('2030-01-01', day),
        channel: 'pos',
        gross_sales_fen: 1000 + day,
        created_at: at,
        updated_at: at,
      }));
      expect(anyFactOn(db, 'sales_facts', '2030-01-01')).toBe(false);
      insertFacts(db, 'sales_facts', rows);
      expect(db.get<{ n: number }>("SELECT count(*) AS n FROM sales_facts WHERE date >= '2030-01-01'")!.n).toBe(450);
      for (const row of rows) {
        const found = factByKey(db, 'sales_facts', {
          date: row.date,
          store_id: store,
          guide_id: row.guide_id,
          channel: 'pos',
        });
        expect(found).toMatchObject({ id: row.id, gross_sales_fen: row.gross_sales_fen, guide_id: row.guide_id });
      }
      expect(anyFactOn(db, 'sales_facts', '2030-01-01')).toBe(true);
      // The first day's sale has no guide: the same key with a guide is another fact, not stored.
      expect(
        factByKey(db, 'sales_facts', { date: '2030-01-01', store_id: store, guide_id: guide, channel: 'pos' }),
      ).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('lists the weeks with figures newest first, passing over a date that is not one', () => {
    const db = openDemo();
    try {
      const dates = db
        .all<{ date: string }>(
          `SELECT date FROM sales_facts UNION SELECT period_from FROM contact_facts UNION SELECT date FROM activity_facts`,
        )
        .map((row) => row.date);
      const expected = [...new Set(dates.map((date) => isoWeekOf(date)))].sort().reverse();
      expect(expected.length).toBeGreaterThan(1);
      expect(weeksWithFigures(db)).toEqual(expected);

      // Another program wrote a date PilotDesk would never store; it sorts after every real date.
      const fact = db.get<{ id: string }>('SELECT id FROM activity_facts LIMIT 1')!.id;
      db.run("UPDATE activity_facts SET date = '2026/11/18' WHERE id = ?", [fact]);
      expect(weeksWithFigures(db)).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
