import { describe, expect, it } from 'vitest';
import { ClockValueError, clockFrom, parseClockValue, systemClock } from '../../../src/core/clock/clock';
import type { CliIo } from '../../../src/cli/cli-io';
import { runCli } from '../../../src/cli/main';

describe('the one clock', () => {
  it('reads PILOTDESK_NOW as an instant with its offset, or a plain date at noon UTC', () => {
    expect(parseClockValue('2026-11-29T23:30:00+08:00').toISOString()).toBe('2026-11-29T15:30:00.000Z');
    expect(parseClockValue('2026-11-29T23:30Z').toISOString()).toBe('2026-11-29T23:30:00.000Z');
    expect(parseClockValue(' 2027-01-04 ').toISOString()).toBe('2027-01-04T12:00:00.000Z');
  });

  it.each(['tomorrow', '2026-02-30', '2026-13-01', '2026-11-29T25:00:00Z', '2026-11-29T10:00:00', '1700000000000'])(
    'refuses %s with a sentence that names the variable and the value',
    (value) => {
      expect(() => parseClockValue(value)).toThrow(ClockValueError);
      expect(() => parseClockValue(value)).toThrow(`PILOTDESK_NOW 不是有效的日期时间 / is not a date: "${value}"`);
    },
  );

  it('runs on from the pinned moment, so timestamps still increase', () => {
    let elapsed = 0;
    const clock = clockFrom(new Date('2026-11-23T02:00:00Z'), () => elapsed);
    expect(clock().toISOString()).toBe('2026-11-23T02:00:00.000Z');
    elapsed = 1500;
    expect(clock().toISOString()).toBe('2026-11-23T02:00:01.500Z');
  });

  it('is the machine clock only when nothing is pinned', () => {
    expect(systemClock({ PILOTDESK_NOW: '2027-01-04T09:00:00+08:00' })().toISOString()).toMatch(/^2027-01-04T01:00:0/);
    expect(() => systemClock({ PILOTDESK_NOW: 'next monday' })).toThrow(ClockValueError);
  });

  it('the CLI refuses a pinned clock that is not a date in one line, exit 1, before doing anything', async () => {
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (text) => err.push(text), untilInterrupted: () => new Promise(() => {}) };
    const previous = process.env.PILOTDESK_NOW;
    process.env.PILOTDESK_NOW = '2026-11-31';
    try {
      expect(await runCli(['tiers', '--workspace', '/nowhere.pilotdesk'], io)).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.PILOTDESK_NOW;
      else process.env.PILOTDESK_NOW = previous;
    }
    expect(err).toEqual([
      'pilotdesk: PILOTDESK_NOW 不是有效的日期时间 / is not a date: "2026-11-31" (e.g. 2026-11-23T10:00:00+08:00 or 2026-11-23)',
    ]);
  });
});
