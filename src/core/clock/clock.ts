/**
 * The one place "now" comes from. The CLI, the browser-mode server, the desktop app and the
 * tests take their clock from `systemClock()`; handlers receive it as `context.now` and never read
 * the machine's time themselves.
 *
 * `PILOTDESK_NOW` pins the clock (for tests and for support engineers reproducing a user's day).
 * It is read here and nowhere else. It takes an ISO date-time with an offset
 * (`2026-11-23T10:00:00+08:00`, `2026-11-29T15:30:00Z`) or a plain date (`2026-11-23`, read as
 * 12:00 UTC, which is the same calendar day from UTC−11 to UTC+11). A pinned clock starts at that
 * moment and runs on from there, so timestamps written during a session still increase.
 */
export const clockVariable = 'PILOTDESK_NOW';

export type Clock = () => Date;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ClockValueError extends Error {
  override name = 'ClockValueError';
}

/** The moment a `PILOTDESK_NOW` value names; a value that is not a real date is an error that says so. */
export function parseClockValue(value: string): Date {
  const text = value.trim();
  const iso = dateOnly.test(text) ? `${text}T12:00:00Z` : text;
  const moment = dateTime.test(iso) ? new Date(iso) : null;
  // Date() rolls 2026-02-30 over to March: compare the calendar part back to catch it.
  if (!moment || Number.isNaN(moment.getTime()) || !sameCalendarPart(iso, moment)) {
    throw new ClockValueError(
      `${clockVariable} 不是有效的日期时间 / is not a date: "${value}" (e.g. 2026-11-23T10:00:00+08:00 or 2026-11-23)`,
    );
  }
  return moment;
}

function sameCalendarPart(iso: string, moment: Date): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  const local = new Date(moment.getTime() + minutes * 60_000).toISOString();
  return local.slice(0, 16) === iso.slice(0, 16);
}

/** A clock that starts at `start` and runs at the machine's pace. */
export function clockFrom(start: Date, elapsed: () => number = performanceNow): Clock {
  const origin = elapsed();
  return () => new Date(start.getTime() + (elapsed() - origin));
}

/** A clock that always says `at` (tests that compare timestamps exactly). */
export function fixedClock(at: Date): Clock {
  return () => new Date(at.getTime());
}

/** The process's clock: the machine's, or the one `PILOTDESK_NOW` pins. Throws on a bad value. */
export function systemClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const pinned = env[clockVariable];
  if (pinned === undefined || pinned.trim() === '') return () => new Date();
  return clockFrom(parseClockValue(pinned));
}

function performanceNow(): number {
  return performance.now();
}
