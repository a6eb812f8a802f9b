import { addDays, isoWeekday } from './local-date';

declare const checkedIsoWeek: unique symbol;

/**
 * An ISO week as `YYYY-Www`, e.g. `2026-W47`. Only the functions here and `isoWeekSchema` make one,
 * after checking it, so a signature that takes an IsoWeek never gets unchecked text.
 */
export type IsoWeek = string & { readonly [checkedIsoWeek]: true };

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** The ISO week a local date falls in. */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 4 - isoWeekday(`${year}-01-04`));
  const week = 1 + Math.round(daysBetween(firstThursday, thursday) / 7);
  return `${year}-W${String(week).padStart(2, '0')}` as IsoWeek;
}

/** Monday and Sunday of an ISO week. */
export function isoWeekRange(week: IsoWeek): { from: string; to: string } {
  const match = weekPattern.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const jan4 = `${year}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  const from = addDays(mondayOfWeek1, (Number(match[2]) - 1) * 7);
  return { from, to: addDays(from, 6) };
}

export function isIsoWeek(text: string): text is IsoWeek {
  const match = weekPattern.exec(text);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= 53 && isoWeekOf(isoWeekRange(text as IsoWeek).from) === text;
}

/** Checks text such as `2026-W47` (from a command line, a URL, a test) and returns it as an IsoWeek. */
export function toIsoWeek(text: string): IsoWeek {
  if (!isIsoWeek(text)) throw new Error(`not an ISO week: ${text}`);
  return text;
}

/** The last ISO week that has fully ended on `today`. */
export function lastCompleteWeek(today: string): IsoWeek {
  return isoWeekOf(addDays(today, -isoWeekday(today)));
}

/** The weeks a picker offers: `latest` and the `count - 1` before it, newest first, across year ends. */
export function weekChoices(latest: IsoWeek, count: number): IsoWeek[] {
  return Array.from({ length: count }, (_, index) => shiftWeek(latest, -index));
}

export function shiftWeek(week: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addDays(isoWeekRange(week).from, weeks * 7));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
