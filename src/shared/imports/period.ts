import { isValidLocalDate } from '../dates/local-date';
import { toHalfWidth } from './coerce';
import type { Period } from './grid';

// One date: 2026-11-16, 2026/11/16, 2026.11.16 or 2026年11月16日, optionally with a time of day
// (WeCom writes "2026-11-16 00:00:00 至 2026-11-22 23:59:59").
const date = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?`;
// Between the two: 至, 到, ~ (and ～, made half-width), dashes of every width, 一 as people type it.
const separator = String.raw`\s*(?:至|到|~|-+|—+|–|一)\s*`;
const range = new RegExp(`${date}${separator}${date}`, 'g');

function localDate(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const text = `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  return isValidLocalDate(text) ? text : null;
}

/**
 * Finds a period in title/note text: "统计时间：2026-11-16 至 2026-11-22", "2026/11/16-2026/11/22",
 * "2026年11月16日~2026年11月22日", "数据时间: 2026.11.16 — 2026.11.22". Returns null when none or
 * when from > to. A lone date ("导出时间：2026-11-23") is no period: it is usually the export time.
 */
export function findPeriod(text: string): Period | null {
  for (const match of toHalfWidth(text).matchAll(range)) {
    const from = localDate(match[1], match[2], match[3]);
    const to = localDate(match[4], match[5], match[6]);
    if (from && to) return from <= to ? { from, to } : null;
  }
  return null;
}
