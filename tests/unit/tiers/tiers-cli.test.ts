import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { callOk, fixedNow } from '../helpers/test-core';
import { tempDir } from '../helpers/temp-dir';
import { figureWorkspace, fixedRule, queryWorkspace } from './helpers';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    untilInterrupted: () => new Promise(() => {}),
    now: () => new Date(fixedNow.getTime()),
    locale: 'zh-CN',
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err };
}

// Each test closes the app's core before running the command, as a user would close the app.
describe('pilotdesk tiers', () => {
  it("prints the week's rule and each store's figures and tier as JSON, in yuan", async () => {
    const { core, path } = await figureWorkspace();
    core.close();
    const { code, out, err } = await run(['tiers', '--week', '2026-W47', '--workspace', path, '--json']);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // Medians by hand: sales 75000 120000 280000 340055 fen → ¥2,000; shares → (.25 + 5/14) / 2 = .30357…
    expect(JSON.parse(out)).toEqual({
      week: '2026-W47',
      rule: { kind: 'median', grid: '2x2', salesThreshold: 2000, onlineShareThreshold: 0.3036 },
      stores: [
        { code: 'SH001', name: '上海静安店', netSales: 3400.55, onlineShare: 0.1176, tier: 'B', previousTier: 'B' },
        { code: 'SH002', name: '上海徐汇店', netSales: 2800, onlineShare: 0.3571, tier: 'A', previousTier: 'C' },
        { code: 'SH003', name: '杭州西湖店', netSales: 750, onlineShare: 1, tier: 'C', previousTier: 'A' },
        { code: 'SH004', name: '南京新街口店', netSales: null, onlineShare: null, tier: null, previousTier: 'B' },
        { code: 'SH005', name: '苏州观前店', netSales: 1200, onlineShare: 0.25, tier: 'D', previousTier: null },
      ],
    });
    // Computing a week's tiers is a read: it pins no rule and saves none.
    expect(queryWorkspace(path, 'SELECT week FROM tier_weeks')).toEqual([]);
    expect(queryWorkspace(path, 'SELECT id FROM tier_rules')).toEqual([]);
  });

  it('uses the rule the app set, and the rule last week was pinned to', async () => {
    const { core, path } = await figureWorkspace();
    await callOk(core, 'metrics.stores', { week: '2026-W47' });
    await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'fromWeek', week: '2026-W47' } });
    core.close();
    const { code, out } = await run(['tiers', '--week', '2026-W47', '--workspace', path, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      rule: unknown;
      stores: { code: string; tier: string | null; previousTier: string | null }[];
    };
    expect(json.rule).toEqual({ kind: 'fixed', grid: '2x2', salesThreshold: 1000, onlineShareThreshold: 0.2 });
    expect(json.stores.map((store) => [store.code, store.tier, store.previousTier])).toEqual([
      ['SH001', 'B', 'B'],
      ['SH002', 'A', 'C'],
      ['SH003', 'C', 'A'],
      ['SH004', null, 'B'],
      ['SH005', 'A', null],
    ]);
  });

  it('prints both cuts of a 3×3 rule', async () => {
    const { core, path } = await figureWorkspace();
    await callOk(core, 'tiers.changeRule', { rule: { grid: '3x3', kind: 'median' }, scope: { mode: 'all' } });
    core.close();
    const { code, out } = await run(['tiers', '--week', '2026-W47', '--workspace', path, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { rule: unknown; stores: { tier: string | null }[] };
    expect(json.rule).toEqual({
      kind: 'median',
      grid: '3x3',
      salesThreshold: [1200, 2800],
      onlineShareThreshold: [0.25, 0.3571],
    });
    expect(json.stores.map((store) => store.tier)).toEqual(['HL', 'HH', 'LH', null, 'MM']);
  });

  it('prints a table with the tier names the workspace uses', async () => {
    const { core, path } = await figureWorkspace();
    await callOk(core, 'tiers.updateProfiles', {
      grid: '2x2',
      profiles: [{ tier: 'D', name: '重点帮扶店', playbook: '', checklist: [] }],
    });
    core.close();
    const { code, out } = await run(['tiers', '--week', '2026-W47', '--workspace', path]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toContain('2026-11-16 至 2026-11-22');
    expect(lines[0]).toContain('中位数');
    // Money and shares read as everywhere in the app: ¥ with thousands separators, one-decimal percent.
    expect(lines[0]).toContain('业绩线 ¥2,000.00，线上化线 30.4%');
    expect(lines.find((line) => line.startsWith('SH001'))).toMatch(/¥3,400\.55\s+11\.8%\s+B 线上化提升$/);
    expect(lines.find((line) => line.startsWith('SH004'))).toContain('无数据（上周 B 线上化提升）');
    expect(lines.find((line) => line.startsWith('SH005'))).toContain('D 重点帮扶店（上周 无数据）');
  });

  it.each(['2026-W54', '2026-47', 'last'])(
    'refuses --week %s with exit 1 and one line, touching nothing',
    async (week) => {
      const { core, path } = await figureWorkspace();
      core.close();
      const { code, out, err } = await run(['tiers', '--week', week, '--workspace', path, '--json']);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toHaveLength(1);
      expect(err[0]).toContain('--week');
      expect(queryWorkspace(path, 'SELECT week FROM tier_weeks')).toEqual([]);
    },
  );

  it('fails with exit 2 when the workspace file does not exist', async () => {
    const missing = join(tempDir(), 'nowhere.pilotdesk');
    const { code, out, err } = await run(['tiers', '--week', '2026-W47', '--workspace', missing, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(missing);
  });

  it('asks for --workspace with exit 1', async () => {
    const { code, err } = await run(['tiers', '--week', '2026-W47']);
    expect(code).toBe(1);
    expect(err[0]).toContain('--workspace');
  });
});
