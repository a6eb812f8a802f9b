import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';
import { lastCompleteWeek, weekChoices, toIsoWeek } from '../../../src/shared/dates/iso-week';
import { todayIn } from '../../../src/shared/dates/local-date';
import { testNow } from '../../support/test-clock';
import { demoWorkspaceCopy } from '../../support/workspaces';
import { callOk, createTestCore } from '../helpers/test-core';
import { tempDir } from '../helpers/temp-dir';

// These tests run inside `npm test` once at the default moment and again at each pinned moment
// of scripts/test-all.mjs (PILOTDESK_TEST_NOW, TZ): their expectations follow the clock.

describe('the day and week the console opens on, whatever the laptop says', () => {
  // Each moment with the day and default week a trainer in Shanghai expects.
  it.each([
    ['a Monday morning', '2026-11-30T09:00:00+08:00', '2026-11-30', '2026-W48'],
    ['Sunday 23:30 in Shanghai (the week is not over yet)', '2026-11-29T23:30:00+08:00', '2026-11-29', '2026-W47'],
    [
      'Sunday 23:30 on a laptop set to UTC (already Monday in Shanghai)',
      '2026-11-29T23:30:00Z',
      '2026-11-30',
      '2026-W48',
    ],
    ['Sunday 23:30 on a laptop in Berlin', '2026-11-29T23:30:00+01:00', '2026-11-30', '2026-W48'],
    ['the Monday after ISO week 53', '2027-01-04T09:00:00+08:00', '2027-01-04', '2026-W53'],
    ['the last day of week 53', '2027-01-03T12:00:00+08:00', '2027-01-03', '2026-W52'],
    ['Berlin, the night its clocks go forward', '2026-03-29T23:30:00+02:00', '2026-03-30', '2026-W13'],
    [
      'Berlin, the night its clocks go back (02:30 the second time)',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25',
      '2026-W42',
    ],
  ])('%s', async (_name, instant, today, week) => {
    const core = createTestCore({ now: new Date(instant) });
    await callOk(core, 'workspace.create', { name: '时钟测试', region: '华东' });
    const clock = await callOk(core, 'workspace.clock');
    expect(clock).toEqual({ now: new Date(instant).toISOString(), today, timeZone: 'Asia/Shanghai' });
    expect(lastCompleteWeek(clock.today)).toBe(week);
  });

  it('the week picker crosses year ends week by week, through week 53', () => {
    expect(weekChoices(toIsoWeek('2027-W02'), 5)).toEqual(['2027-W02', '2027-W01', '2026-W53', '2026-W52', '2026-W51']);
    expect(weekChoices(toIsoWeek('2026-W01'), 3)).toEqual(['2026-W01', '2025-W52', '2025-W51']);
  });
});

describe('at the pinned moment', () => {
  const today = todayIn('Asia/Shanghai', testNow);
  const expectedWeek = lastCompleteWeek(today);

  it('the demo made today has figures up to the last complete week, and the core says so', async () => {
    const dir = tempDir();
    const core = createTestCore({ dataDir: dir, now: testNow });
    await callOk(core, 'workspace.open', { path: demoWorkspaceCopy(join(dir, 'workspaces')) });
    expect((await callOk(core, 'workspace.clock')).today).toBe(today);
    const { weeks, latest } = await callOk(core, 'metrics.weeksWithFigures');
    expect(latest).toBe(expectedWeek);
    expect(weeks).toHaveLength(8);
    expect(weeks).toEqual([...weeks].sort().reverse());
    const stores = await callOk(core, 'metrics.stores', { week: expectedWeek });
    expect(stores.totals.all.storesWithSales).toBeGreaterThan(0);
  });

  it('pilotdesk tiers and review default to the same week', async () => {
    const dir = tempDir();
    const path = demoWorkspaceCopy(dir);
    const out: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => out.push(text),
      untilInterrupted: () => new Promise(() => {}),
      now: () => testNow,
    };
    expect(await runCli(['tiers', '--workspace', path, '--json'], io)).toBe(0);
    expect(JSON.parse(out.pop() ?? '{}').week).toBe(expectedWeek);
    expect(await runCli(['review', '--workspace', path, '--json'], io)).toBe(0);
    expect(JSON.parse(out.pop() ?? '{}').week).toBe(expectedWeek);
  });
});
