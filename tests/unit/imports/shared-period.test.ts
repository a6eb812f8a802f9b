import { describe, expect, it } from 'vitest';
import { findPeriod } from '../../../src/shared/imports/period';

const week47 = { from: '2026-11-16', to: '2026-11-22' };

describe('findPeriod', () => {
  it.each([
    '统计时间：2026-11-16 至 2026-11-22',
    '统计时间:2026-11-16至2026-11-22',
    '2026/11/16-2026/11/22',
    '2026-11-16-2026-11-22',
    '2026年11月16日~2026年11月22日',
    '2026年11月16日～2026年11月22日',
    '数据时间: 2026.11.16 — 2026.11.22',
    '数据时间: 2026.11.16 —— 2026.11.22',
    '统计周期 2026-11-16 00:00:00 至 2026-11-22 23:59:59',
    '联系客户统计（2026/11/16 到 2026/11/22）',
    '统计时间：２０２６－１１－１６ 至 ２０２６－１１－２２',
    '时间范围 2026-11-16 ~ 2026-11-22 导出时间 2026-11-23 09:12',
  ])('finds week 47 in %j', (text) => {
    expect(findPeriod(text)).toEqual(week47);
  });

  it('pads single-digit months and days', () => {
    expect(findPeriod('统计时间：2026/1/5-2026/1/11')).toEqual({ from: '2026-01-05', to: '2026-01-11' });
  });

  it('accepts a single-day period', () => {
    expect(findPeriod('2026-11-18 至 2026-11-18')).toEqual({ from: '2026-11-18', to: '2026-11-18' });
  });

  it.each([
    ['no date at all', '联系客户统计'],
    ['a lone export time', '导出时间：2026-11-23 09:12:45'],
    ['a range running backwards', '统计时间：2026-11-22 至 2026-11-16'],
    ['an impossible date', '统计时间：2026-02-27 至 2026-02-30'],
    ['empty text', ''],
  ])('returns null for %s', (_label, text) => {
    expect(findPeriod(text)).toBeNull();
  });
});
