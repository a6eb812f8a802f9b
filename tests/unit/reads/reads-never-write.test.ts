import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import type { OperationName } from '../../../src/shared/api/contract';
import { callOk, type TestCore } from '../helpers/test-core';
import { figureWorkspace, fixedRule } from '../tiers/helpers';

/*
 * Every read operation, called on a workspace with stores, guides, facts, imports, a tier rule
 * change with pinned weeks and a review snapshot, must leave the workspace's content exactly as
 * it was: no pinned week, no saved default rule, no stamp. Checked from another connection by the
 * rows of every table and by PRAGMA data_version, which moves whenever another connection commits.
 */
/** The rows of every table, the weekly rollup included, in a stable order. */
function contents(path: string): Record<string, string[]> {
  const db = Database.open(path, { readonly: true });
  try {
    const tables = db.all<{ name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .all<Record<string, unknown>>(`SELECT * FROM "${name}"`)
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

/** A workspace where every read has something to read. */
async function busyWorkspace() {
  const workspace = await figureWorkspace();
  const { core } = workspace;
  await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'fromWeek', week: '2026-W47' } });
  await callOk(core, 'review.export', { week: '2026-W47' });
  return workspace;
}

/** Each read with an input that finds something, so the read does its whole work. */
async function readEverything(core: TestCore, storeId: string): Promise<OperationName[]> {
  const called: OperationName[] = [];
  const read = async <N extends OperationName>(name: N, input?: Parameters<typeof callOk<N>>[2]) => {
    await callOk(core, name, input);
    called.push(name);
  };
  const week = '2026-W47';
  await read('workspace.current');
  await read('workspace.clock');
  await read('stores.list');
  await read('stores.get', { id: storeId });
  const guides = await callOk(core, 'guides.list');
  await read('guides.list');
  await read('guides.get', { id: guides[0]!.id });
  await read('dealers.list');
  for (const each of [week, '2026-W48', '2026-W40']) {
    await read('metrics.stores', { week: each });
    await read('metrics.guides', { week: each });
    await read('metrics.guideRankings', { week: each, count: 3 });
    await read('metrics.freshness', { week: each });
    await read('metrics.storeTrend', { storeId, week: each, weeks: 8 });
  }
  await read('metrics.weeksWithFigures');
  await read('tiers.settings');
  await read('tiers.previewRuleChange', { rule: { grid: '3x3', kind: 'median' }, scope: { mode: 'all' }, week });
  await read('review.get', { week });
  await read('review.get', { week: '2026-W46' });
  await read('review.paddingSettings');
  const snapshot = (await callOk(core, 'review.get', { week })).snapshots[0]!;
  await read('review.snapshot', { id: snapshot.id });
  await read('review.snapshotWorkbook', { id: snapshot.id });
  const batches = await callOk(core, 'imports.list');
  await read('imports.list');
  for (const batch of batches) await read('imports.describeUndo', { id: batch.id });
  await read('imports.templates');
  return called;
}

describe('reads never write', () => {
  it('leaves every table and the file itself as they were after every read operation', async () => {
    const { core, path, storeIds } = await busyWorkspace();
    const before = contents(path);
    // The pins and the snapshot the reads below must find, and leave alone.
    expect(before.tier_weeks).toHaveLength(1);
    expect(before.review_snapshots).toHaveLength(1);
    expect(before.tier_rules).toHaveLength(2);

    // The facts' weekly sums were kept by the writes that changed them, not by the reads below.
    expect(before.week_rollup_state?.length).toBeGreaterThan(0);

    const watcher = Database.open(path, { readonly: true });
    try {
      const version = () => watcher.get<{ data_version: number }>('PRAGMA data_version')?.data_version;
      const versionBefore = version();
      const called = await readEverything(core, storeIds.SH001 as string);
      expect(called).toEqual(expect.arrayContaining(['metrics.stores', 'tiers.settings', 'review.get']));
      expect(version()).toBe(versionBefore);
    } finally {
      watcher.close();
    }
    expect(contents(path)).toEqual(before);
    expect(core.internalErrors).toEqual([]);
  });

  it('notices a write: the same checks fail after a rule change', async () => {
    const { core, path } = await figureWorkspace();
    const before = contents(path);
    const watcher = Database.open(path, { readonly: true });
    try {
      const versionBefore = watcher.get<{ data_version: number }>('PRAGMA data_version')?.data_version;
      await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'fromWeek', week: '2026-W47' } });
      expect(watcher.get<{ data_version: number }>('PRAGMA data_version')?.data_version).not.toBe(versionBefore);
    } finally {
      watcher.close();
    }
    expect(contents(path)).not.toEqual(before);
  });
});
