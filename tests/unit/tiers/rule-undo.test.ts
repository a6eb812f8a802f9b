import { describe, expect, it } from 'vitest';
import { defaultTierRule } from '../../../src/shared/tiers/tier-rule';
import { callError, callOk, fixedNow } from '../helpers/test-core';
import { byCode, figureWorkspace, fixedRule, queryWorkspace } from './helpers';

/*
 * Undoing a tier-rule change, through the dispatcher on the hand-made workspace of helpers.ts,
 * with the clock pinned at fixedNow (every test core runs on it).
 */

const medianW47 = { SH001: 'B', SH002: 'A', SH003: 'C', SH004: null, SH005: 'D' };

/** A workspace whose W46 and W47 (the weeks with figures) were looked at under the default rule. */
async function computedWorkspace() {
  const workspace = await figureWorkspace();
  await callOk(workspace.core, 'metrics.stores', { week: '2026-W46' });
  await callOk(workspace.core, 'metrics.stores', { week: '2026-W47' });
  return workspace;
}

const tierTables = (path: string) => ({
  rules: queryWorkspace(path, 'SELECT * FROM tier_rules ORDER BY id'),
  weeks: queryWorkspace(path, 'SELECT * FROM tier_weeks ORDER BY week'),
});

describe('tiers.undoRuleChange', () => {
  it.each([
    ['from the chosen week', { mode: 'fromWeek', week: '2026-W47' } as const, ['2026-W46']],
    ['for every week', { mode: 'all' } as const, []],
  ])("restores the settings and every week's pin after a change %s", async (_name, scope, pinnedByChange) => {
    const { core, path } = await computedWorkspace();
    const before = await callOk(core, 'tiers.settings');
    const tablesBefore = tierTables(path);
    expect(before.undoableChange).toBeNull();

    const changed = await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope });
    expect(changed.undoableChange).toEqual({
      ruleId: changed.ruleId,
      rule: fixedRule,
      previousRule: defaultTierRule,
      scope,
      createdAt: fixedNow.toISOString(),
      restoredWeeks: [],
    });
    // The weeks with figures before the scope keep the rule they had; reading weeks pins nothing.
    expect(changed.pinnedWeeks.map((pin) => pin.week)).toEqual(pinnedByChange);
    await callOk(core, 'metrics.stores', { week: '2026-W47' });
    await callOk(core, 'metrics.stores', { week: '2026-W48' });
    expect(queryWorkspace(path, 'SELECT week FROM tier_weeks WHERE rule_id = ?', [changed.ruleId])).toEqual([]);

    const undone = await callOk(core, 'tiers.undoRuleChange', { ruleId: changed.ruleId! });
    expect(undone).toEqual(before);
    expect(await callOk(core, 'tiers.settings')).toEqual(before);
    expect(tierTables(path)).toEqual(tablesBefore);
    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(w47.rule).toMatchObject({ ruleId: 'default', kind: 'median', isCurrentRule: true });
    expect(byCode(w47.stores, (store) => store.tier)).toEqual(medianW47);
    expect(core.internalErrors).toEqual([]);
  });

  it('puts back the pins a change for every week removed', async () => {
    const { core, path } = await computedWorkspace();
    const first = await callOk(core, 'tiers.changeRule', {
      rule: { grid: '3x3', kind: 'median' },
      scope: { mode: 'fromWeek', week: '2026-W47' },
    });
    const pinned = first.pinnedWeeks;
    expect(pinned.map((pin) => pin.week)).toEqual(['2026-W46']);
    const tablesBefore = tierTables(path);

    const second = await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'all' } });
    expect(second.pinnedWeeks).toEqual([]);
    expect(second.undoableChange).toMatchObject({ restoredWeeks: ['2026-W46'] });
    const undone = await callOk(core, 'tiers.undoRuleChange', { ruleId: second.ruleId! });
    expect(undone.pinnedWeeks).toEqual(pinned);
    expect(tierTables(path)).toEqual(tablesBefore);
    const w46 = await callOk(core, 'metrics.stores', { week: '2026-W46' });
    expect(w46.rule).toMatchObject({ kind: 'median', grid: '2x2', isCurrentRule: false });
  });

  it('leaves a workspace with no saved rule as it was', async () => {
    const { core, path } = await figureWorkspace();
    const before = await callOk(core, 'tiers.settings');
    const changed = await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'all' } });
    expect(changed.undoableChange).toMatchObject({ previousRule: defaultTierRule, restoredWeeks: [] });
    expect(await callOk(core, 'tiers.undoRuleChange', { ruleId: changed.ruleId! })).toEqual(before);
    expect(tierTables(path)).toEqual({ rules: [], weeks: [] });
  });

  it('undoes only the latest change, once', async () => {
    const { core } = await computedWorkspace();
    const first = await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'all' } });
    const second = await callOk(core, 'tiers.changeRule', {
      rule: { grid: '3x3', kind: 'median' },
      scope: { mode: 'all' },
    });
    expect(second.undoableChange).toMatchObject({ ruleId: second.ruleId, previousRule: fixedRule });

    const stale = await callError(core, 'tiers.undoRuleChange', { ruleId: first.ruleId! });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { latestRuleId: second.ruleId } });
    expect((await callOk(core, 'tiers.settings')).ruleId).toBe(second.ruleId);

    const undone = await callOk(core, 'tiers.undoRuleChange', { ruleId: second.ruleId! });
    expect(undone).toMatchObject({ ruleId: first.ruleId, rule: fixedRule, undoableChange: null });
    expect((await callError(core, 'tiers.undoRuleChange', { ruleId: second.ruleId! })).code).toBe('CONFLICT');
    expect((await callError(core, 'tiers.undoRuleChange', { ruleId: first.ruleId! })).code).toBe('CONFLICT');
  });
});
