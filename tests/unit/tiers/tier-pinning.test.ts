import { describe, expect, it } from 'vitest';
import { defaultProfilesFor } from '../../../src/shared/tiers/tier-profiles';
import { callError, callOk, fixedNow } from '../helpers/test-core';
import { byCode, figureWorkspace, fixedRule, queryWorkspace, rosterWorkspace } from './helpers';

/*
 * Tiers by hand (helpers.ts facts). Median rule: W47 B A C – D (SH001…SH005, SH004 no data),
 * W46 B C A B –. Fixed rule ¥1,000 / 20 %: W47 B A C – A, W46 B A A A –.
 */
const medianW47 = { SH001: 'B', SH002: 'A', SH003: 'C', SH004: null, SH005: 'D' };
const medianW46 = { SH001: 'B', SH002: 'C', SH003: 'A', SH004: 'B', SH005: null };
const fixedW47 = { SH001: 'B', SH002: 'A', SH003: 'C', SH004: null, SH005: 'A' };
const fixedW46 = { SH001: 'B', SH002: 'A', SH003: 'A', SH004: 'A', SH005: null };

/** A workspace whose W46 and W47 (the weeks with figures) and W45 were looked at under the default rule. */
async function computedWorkspace() {
  const workspace = await figureWorkspace();
  await callOk(workspace.core, 'metrics.stores', { week: '2026-W46' }); // pins W46 and the week before it
  await callOk(workspace.core, 'metrics.stores', { week: '2026-W47' });
  return workspace;
}

describe("a week's tier rule is pinned when the rule changes, never by reading it", () => {
  it('starts with the default rule and nothing pinned', async () => {
    const { core } = await figureWorkspace();
    const settings = await callOk(core, 'tiers.settings');
    expect(settings).toMatchObject({
      ruleId: null,
      rule: { grid: '2x2', kind: 'median', salesTargetsFen: [], onlineShareTargets: [] },
      pinnedWeeks: [],
    });
    expect(settings.profiles['2x2']).toEqual(defaultProfilesFor('2x2'));
    expect(settings.profiles['3x3']).toEqual(defaultProfilesFor('3x3'));
  });

  it('tiers the weeks it shows with the rule in force and pins nothing', async () => {
    const { core, path } = await computedWorkspace();
    const settings = await callOk(core, 'tiers.settings');
    expect(settings).toMatchObject({ ruleId: null, pinnedWeeks: [] });
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(week.rule).toMatchObject({
      ruleId: 'default',
      kind: 'median',
      computedAt: fixedNow.toISOString(),
      isCurrentRule: true,
    });
    expect(byCode(week.stores, (store) => store.tier)).toEqual(medianW47);
    expect(queryWorkspace(path, 'SELECT count(*) AS n FROM tier_rules')).toEqual([{ n: 0 }]);
    expect(queryWorkspace(path, 'SELECT week FROM tier_weeks')).toEqual([]);
  });

  it('re-tiers the chosen week and later ones with a new rule; earlier weeks keep theirs', async () => {
    const { core } = await computedWorkspace();
    const before = await callOk(core, 'tiers.settings');
    const after = await callOk(core, 'tiers.changeRule', {
      rule: fixedRule,
      scope: { mode: 'fromWeek', week: '2026-W47' },
    });
    expect(after.rule).toEqual(fixedRule);
    expect(before.ruleId).toBeNull();
    // The week with figures before the scope keeps the default rule, saved now so it can be pinned.
    const defaultId = after.pinnedWeeks[0]?.ruleId;
    expect(defaultId).toEqual(expect.any(String));
    expect(defaultId).not.toBe(after.ruleId);
    expect(after.pinnedWeeks).toEqual([{ week: '2026-W46', ruleId: defaultId, isCurrentRule: false }]);

    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(w47.rule).toMatchObject({
      ruleId: after.ruleId,
      kind: 'fixed',
      salesThresholdsFen: [100000],
      onlineShareThresholds: [0.2],
      isCurrentRule: true,
    });
    expect(byCode(w47.stores, (store) => store.tier)).toEqual(fixedW47);
    // Last week is shown with the rule it was tiered with.
    expect(w47.previousRule).toMatchObject({
      ruleId: defaultId,
      kind: 'median',
      salesThresholdsFen: [200000],
      isCurrentRule: false,
    });
    expect(byCode(w47.stores, (store) => store.previousTier)).toEqual(medianW46);

    const w46 = await callOk(core, 'metrics.stores', { week: '2026-W46' });
    expect(w46.rule).toMatchObject({ kind: 'median', isCurrentRule: false });
    expect(byCode(w46.stores, (store) => store.tier)).toEqual(medianW46);

    const trend = await callOk(core, 'tiers.settings');
    // Reading W47 with the new rule pinned nothing more.
    expect(trend.pinnedWeeks.map((pin) => [pin.week, pin.isCurrentRule])).toEqual([['2026-W46', false]]);
  });

  it('re-tiers every week with scope all', async () => {
    const { core, storeIds } = await computedWorkspace();
    const after = await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'all' } });
    expect(after.pinnedWeeks).toEqual([]);
    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(byCode(w47.stores, (store) => store.tier)).toEqual(fixedW47);
    expect(byCode(w47.stores, (store) => store.previousTier)).toEqual(fixedW46);
    expect(w47.previousRule).toMatchObject({ ruleId: after.ruleId, kind: 'fixed', isCurrentRule: true });
    const trend = await callOk(core, 'metrics.storeTrend', {
      storeId: storeIds.SH004 as string,
      week: '2026-W47',
      weeks: 2,
    });
    expect(trend.weeks.map((week) => week.tier)).toEqual(['A', null]);
  });

  it("keeps a week's rule when the rule changes from a later week", async () => {
    const { core } = await computedWorkspace();
    await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'fromWeek', week: '2026-W48' } });
    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(w47.rule).toMatchObject({ kind: 'median', isCurrentRule: false });
    expect(byCode(w47.stores, (store) => store.tier)).toEqual(medianW47);
  });

  it('tiers on a 3×3 grid at the terciles of the week', async () => {
    const { core } = await computedWorkspace();
    await callOk(core, 'tiers.changeRule', {
      rule: { grid: '3x3', kind: 'median' },
      scope: { mode: 'fromWeek', week: '2026-W47' },
    });
    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    // Sales 75000 120000 280000 340055 → PERCENTILE.INC 1/3 and 2/3 fall on the 2nd and 3rd store.
    expect(w47.rule).toMatchObject({ grid: '3x3', kind: 'median', salesThresholdsFen: [120000, 280000] });
    expect(w47.rule.onlineShareThresholds?.[0]).toBeCloseTo(0.25, 12);
    expect(w47.rule.onlineShareThresholds?.[1]).toBeCloseTo(5 / 14, 12);
    expect(byCode(w47.stores, (store) => store.tier)).toEqual({
      SH001: 'HL',
      SH002: 'HH',
      SH003: 'LH',
      SH004: null,
      SH005: 'MM',
    });
    expect(byCode(w47.stores, (store) => store.previousTier)).toEqual(medianW46);
  });

  it('refuses a fixed rule with the wrong number of targets, naming the field, and changes nothing', async () => {
    const { core } = await computedWorkspace();
    const before = await callOk(core, 'tiers.settings');
    const error = await callError(core, 'tiers.changeRule', {
      rule: { grid: '3x3', kind: 'fixed', salesTargetsFen: [100000], onlineShareTargets: [0.5, 0.2] },
      scope: { mode: 'all' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([
      { field: 'rule.salesTargetsFen', rule: 'targetsCount' },
      { field: 'rule.onlineShareTargets', rule: 'targetsAscending' },
    ]);
    expect(await callOk(core, 'tiers.settings')).toEqual(before);
  });

  it('refuses an invalid week in the scope with VALIDATION', async () => {
    const { core } = await computedWorkspace();
    const error = await callError(core, 'tiers.changeRule', {
      rule: fixedRule,
      scope: { mode: 'fromWeek', week: '2026-W60' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([{ field: 'scope.week', rule: 'invalidWeek' }]);
    const preview = await callError(core, 'tiers.previewRuleChange', {
      rule: fixedRule,
      scope: { mode: 'all' },
      week: 'W47',
    });
    expect(preview.fields).toEqual([{ field: 'week', rule: 'invalidWeek' }]);
  });
});

describe('tiers.previewRuleChange', () => {
  it('lists the stores whose tier would change and the weeks recomputed or kept, changing nothing', async () => {
    const { core, path, storeIds } = await computedWorkspace();
    const settings = await callOk(core, 'tiers.settings');
    const w47 = await callOk(core, 'metrics.stores', { week: '2026-W47' });

    const preview = await callOk(core, 'tiers.previewRuleChange', {
      rule: fixedRule,
      scope: { mode: 'fromWeek', week: '2026-W47' },
      week: '2026-W47',
    });
    expect(preview).toEqual({
      recomputedWeeks: ['2026-W47'],
      keptWeeks: ['2026-W46'],
      week: '2026-W47',
      changes: [{ storeId: storeIds.SH005, code: 'SH005', name: '苏州观前店', from: 'D', to: 'A' }],
    });

    expect(await callOk(core, 'tiers.settings')).toEqual(settings);
    expect(await callOk(core, 'metrics.stores', { week: '2026-W47' })).toEqual(w47);
    expect(queryWorkspace(path, 'SELECT count(*) AS n FROM tier_rules')).toEqual([{ n: 0 }]);
  });

  it('shows no change for a week outside the scope, and every change for scope all', async () => {
    const { core } = await computedWorkspace();
    const outside = await callOk(core, 'tiers.previewRuleChange', {
      rule: fixedRule,
      scope: { mode: 'fromWeek', week: '2026-W47' },
      week: '2026-W46',
    });
    expect(outside).toMatchObject({ recomputedWeeks: ['2026-W47'], keptWeeks: ['2026-W46'], changes: [] });

    const all = await callOk(core, 'tiers.previewRuleChange', {
      rule: fixedRule,
      scope: { mode: 'all' },
      week: '2026-W46',
    });
    expect(all.recomputedWeeks).toEqual(['2026-W46', '2026-W47']);
    expect(all.keptWeeks).toEqual([]);
    expect(all.changes.map(({ code, from, to }) => [code, from, to])).toEqual([
      ['SH002', 'C', 'A'],
      ['SH004', 'B', 'A'],
    ]);
  });

  it('does not pin a week (or save a rule) by previewing it', async () => {
    const { core, path } = await figureWorkspace();
    const before = await callOk(core, 'tiers.settings');
    const preview = await callOk(core, 'tiers.previewRuleChange', {
      rule: fixedRule,
      scope: { mode: 'all' },
      week: '2026-W47',
    });
    expect(preview.changes.map(({ code, from, to }) => [code, from, to])).toEqual([['SH005', 'D', 'A']]);
    expect(await callOk(core, 'tiers.settings')).toEqual(before);
    expect(queryWorkspace(path, 'SELECT week FROM tier_weeks')).toEqual([]);
  });
});

describe('tiers.updateProfiles', () => {
  it('renames a tier and keeps the other defaults', async () => {
    const { core } = await figureWorkspace();
    const defaults = defaultProfilesFor('2x2');
    const settings = await callOk(core, 'tiers.updateProfiles', {
      grid: '2x2',
      profiles: [{ tier: 'A', name: '  标杆门店 ', playbook: '每周分享一次', checklist: ['录一条讲解视频'] }],
    });
    expect(settings.profiles['2x2']).toEqual([
      { tier: 'A', name: '标杆门店', playbook: '每周分享一次', checklist: ['录一条讲解视频'] },
      ...defaults.slice(1),
    ]);
    expect(settings.profiles['3x3']).toEqual(defaultProfilesFor('3x3'));
    expect((await callOk(core, 'tiers.settings')).profiles['2x2'][0]?.name).toBe('标杆门店');
  });

  it('refuses a 3×3 key for the 2×2 grid with a VALIDATION error naming the field, saving nothing', async () => {
    const { core } = await figureWorkspace();
    const error = await callError(core, 'tiers.updateProfiles', {
      grid: '2x2',
      profiles: [
        { tier: 'B', name: '改名', playbook: '', checklist: [] },
        { tier: 'HH', name: '标杆', playbook: '', checklist: [] },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([{ field: 'profiles.1.tier', rule: 'unknownTier' }]);
    expect((await callOk(core, 'tiers.settings')).profiles['2x2']).toEqual(defaultProfilesFor('2x2'));
  });

  it('refuses a key no grid has before the service runs', async () => {
    const { core } = await rosterWorkspace();
    const error = await callError(core, 'tiers.updateProfiles', {
      grid: '3x3',
      profiles: [{ tier: 'E', name: '新层', playbook: '', checklist: [] }],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'profiles.0.tier', rule: 'unknownTier' }] });
  });
});
