/**
 * Turns one spreadsheet cell into a typed value, the way Chinese retail exports write them:
 * full-width digits, ￥ and 元, "85.71%", "1小时5分钟", "2026年11月18日", Excel date serials.
 * Every failure is a named reason, never a thrown error, so the import can list bad cells.
 */
import { isValidLocalDate } from '../dates/local-date';
import type { Channel } from '../metrics/channels';
import type { EmploymentStatus, GuideRole } from '../guides/guide-schema';
import type { FieldType } from './import-kinds';
import type { GridValue } from './grid';

export type CoerceFailure =
  | 'notANumber'
  | 'negative'
  | 'notAWholeNumber'
  | 'notADate'
  | 'notARatio'
  | 'notADuration'
  | 'unknownChannel'
  | 'unknownRole'
  | 'unknownEmployment'
  | 'tooLong';

export type CoerceResult = { ok: true; value: string | number | null } | { ok: false; reason: CoerceFailure };

/**
 * Longest text a text, code or department cell of a fact file may hold. A roster's cells have no
 * cap of their own: the guide and store schemas bound each field, as they do in the forms.
 */
export const maxTextLength = 200;

export interface CoerceOptions {
  /** null: no cap here (the caller validates lengths with its own schema). */
  maxTextLength?: number | null;
}

const fail = (reason: CoerceFailure): CoerceResult => ({ ok: false, reason });
const ok = (value: string | number | null): CoerceResult => ({ ok: true, value });
const none: CoerceResult = { ok: true, value: null };

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Maps full-width forms (０-９, Ａ-Ｚ, ．，：（）％ …) to ASCII, ￥ to ¥ and the ideographic space to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    // ￥ (U+FFE5) has no ASCII twin; the Latin-1 ¥ is what half-width text uses.
    else if (code === 0xffe5) out += '¥';
    else out += char;
  }
  return out;
}

/**
 * The form headers are compared in: half-width, lower-case, no whitespace or line breaks, no '*'
 * required-markers, and every bracket style written as ( ). Unit brackets stay: '成交金额（元）'
 * becomes '成交金额(元)', which header matching then reads as '成交金额' in yuan.
 */
export function normalizeHeader(text: string): string {
  return (
    toHalfWidth(text)
      .toLowerCase()
      // \s covers line breaks, tabs, NBSP and the BOM a CSV's first header often carries.
      .replace(/[\s\u200b-\u200d\u2060*]/g, '')
      .replace(/[[【〔]/g, '(')
      .replace(/[\]】〕]/g, ')')
  );
}

/** Cleaned text of a cell: half-width and trimmed; numbers written out without exponent. */
function cellText(cell: string | number): string {
  return typeof cell === 'number' ? numberText(cell) : toHalfWidth(cell).trim();
}

/**
 * A number as plain decimal text. Whole numbers go through BigInt so 13800138000 and 1e21 never
 * become "1.38e+10"-style text; the rare tiny fraction that String() writes with an exponent is
 * spelled out by toFixed.
 */
function numberText(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/0+$/, '') : text;
}

/** Exports write a dash (or a slash) where there is nothing to report; that is missing, not zero. */
function isPlaceholder(text: string): boolean {
  return text === '' || /^[-—–/]+$/.test(text);
}

// ---------------------------------------------------------------------------------------------
// Dates

const dayMs = 86_400_000;
const lastExcelSerial = 2_958_465; // 9999-12-31

/**
 * A 1900-system Excel serial as YYYY-MM-DD; a fraction (the time of day) is dropped. Excel counts
 * a 29 February 1900 that never was (serial 60); we read it as 1900-02-28, the day before, so no
 * serial lands on an invalid date. Throws a RangeError outside 1–2958465, which are no dates.
 */
export function excelSerialToDate(serial: number): string {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > lastExcelSerial) {
    throw new RangeError(`not an Excel date serial: ${serial}`);
  }
  // Serials 1–59 count from 1899-12-31 (1 = 1900-01-01). Excel's invented leap day is serial 60,
  // so from 61 on Excel runs one day ahead of the calendar: count from 1899-12-30 instead.
  const epoch = day < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const effectiveDay = day === 60 ? 59 : day;
  // UTC arithmetic only: a calendar date must never move with the machine's time zone.
  return new Date(epoch + effectiveDay * dayMs).toISOString().slice(0, 10);
}

/** YYYY, MM, DD text to a checked local date, or null for 2026-02-30 and the like. */
function calendarDate(year: string, month: string, day: string): string | null {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidLocalDate(date) ? date : null;
}

// An optional time of day, dropped: "10:23", "10:23:00", "10:23:00.000".
const timeOfDay = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const separatedDate = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${timeOfDay}$`);
const chineseDate = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?${timeOfDay}$`);
const compactDate = /^(\d{4})(\d{2})(\d{2})$/;

/** Date text as the exports write it; times are dropped, day-first forms refused as ambiguous. */
function dateFromText(text: string): string | null {
  const separated = separatedDate.exec(text);
  if (separated) return calendarDate(separated[1] ?? '', separated[3] ?? '', separated[4] ?? '');
  const match = chineseDate.exec(text) ?? compactDate.exec(text);
  return match ? calendarDate(match[1] ?? '', match[2] ?? '', match[3] ?? '') : null;
}

function coerceDate(cell: string | number): CoerceResult {
  if (typeof cell === 'number') {
    if (cell >= 1 && cell < lastExcelSerial + 1) return ok(excelSerialToDate(cell));
    // A number cell of eight digits is a yyyymmdd date typed into a general-format cell.
    const date = Number.isInteger(cell) ? dateFromText(String(cell)) : null;
    return date ? ok(date) : fail('notADate');
  }
  const date = dateFromText(cellText(cell));
  return date ? ok(date) : fail('notADate');
}

// ---------------------------------------------------------------------------------------------
// Numbers: parsed as decimal text so money never passes through float multiplication.

interface Decimal {
  negative: boolean;
  whole: string;
  fraction: string;
}

const plainDecimal = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

/** "1,234.50", "-12", "(12.00)" as sign and digit strings; grouping commas must be real groups. */
function parseDecimal(text: string): Decimal | null {
  // Accounting exports write negatives in parentheses: (12.00) is -12.00.
  const bracketed = /^\((.*)\)$/.exec(text);
  const inner = bracketed ? (bracketed[1] ?? '') : text;
  const match = plainDecimal.exec(inner);
  if (!match) return null;
  const whole = (match[2] ?? '').replace(/,/g, '');
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return null;
  if (bracketed && match[1] !== undefined) return null;
  return { negative: Boolean(bracketed) || match[1] === '-', whole: whole || '0', fraction };
}

const isZero = (decimal: Decimal): boolean => /^0*$/.test(decimal.whole + decimal.fraction);

/** The decimal as a JS number, with the point moved `shift` places left (2 for a percentage). */
function decimalToNumber(decimal: Decimal, shift = 0): number {
  if (isZero(decimal)) return 0; // never -0
  const sign = decimal.negative ? '-' : '';
  // Number() on decimal text rounds once, correctly: '85.71e-2' is exactly the double 0.8571.
  return Number(`${sign}${decimal.whole}.${decimal.fraction || '0'}e-${shift}`);
}

/** Number cells and decimal text alike as a Decimal, or null for anything else. */
function decimalOf(cell: string | number, clean: (text: string) => string = (text) => text): Decimal | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? parseDecimal(numberText(cell)) : null;
  return parseDecimal(clean(cellText(cell).replace(/\s+/g, '')));
}

// Counts sometimes carry their unit: "12人", "3单".
const countUnit = /(?:个|人|位|名|条|次|单|笔)$/;

function coerceInteger(cell: string | number): CoerceResult {
  const decimal = decimalOf(cell, (text) => text.replace(countUnit, ''));
  if (!decimal) return fail('notANumber');
  if (decimal.negative && !isZero(decimal)) return fail('negative');
  if (!/^0*$/.test(decimal.fraction)) return fail('notAWholeNumber');
  const value = Number(decimal.whole);
  return Number.isSafeInteger(value) ? ok(value) : fail('notANumber');
}

/** Drops the currency marks around an amount: ¥/￥, RMB, CNY, 人民币 before it and 元 after it. */
function stripCurrency(text: string): string {
  return text
    .replace(/^([+-]?)(?:¥|rmb|cny|人民币)/i, '$1')
    .replace(/^\((?:¥|rmb|cny|人民币)/i, '(')
    .replace(/元(\)?)$/, '$1');
}

/** Yuan to integer fen, half away from zero on the third decimal, in digit strings. */
function yuanToFen(decimal: Decimal): number | null {
  const fraction = decimal.fraction.padEnd(3, '0');
  const roundUp = (fraction[2] ?? '0') >= '5' ? 1 : 0;
  const fen = Number(decimal.whole) * 100 + Number(fraction.slice(0, 2)) + roundUp;
  if (!Number.isSafeInteger(fen)) return null;
  return fen === 0 ? 0 : decimal.negative ? -fen : fen;
}

function coerceMoney(cell: string | number): CoerceResult {
  // Negative amounts are refund corrections and stay negative.
  const decimal = decimalOf(cell, stripCurrency);
  const fen = decimal ? yuanToFen(decimal) : null;
  return fen === null ? fail('notANumber') : ok(fen);
}

/**
 * 0..1 as given; "85.71%" and — because exports drop the sign — a bare number above 1 up to 100
 * are percentages. A bare 1 stays 100 %: a 1 % ratio written without its sign cannot be told apart.
 */
function coerceRatio(cell: string | number): CoerceResult {
  const text = typeof cell === 'number' ? '' : cellText(cell).replace(/\s+/g, '');
  const percent = text.endsWith('%');
  const decimal = decimalOf(cell, (clean) => clean.replace(/%$/, ''));
  if (!decimal || (decimal.negative && !isZero(decimal))) return fail('notARatio');
  const plain = decimalToNumber(decimal);
  const value = percent || plain > 1 ? decimalToNumber(decimal, 2) : plain;
  return value <= 1 ? ok(value) : fail('notARatio');
}

// ---------------------------------------------------------------------------------------------
// Durations

const unitMinutes: readonly [RegExp, number][] = [
  [/^天$/, 1440],
  [/^(?:个?小时|时|hours?|hrs?|h)$/, 60],
  [/^(?:分钟|分|minutes?|mins?|m)$/, 1],
  [/^(?:秒钟?|seconds?|secs?|s)$/, 1 / 60],
];
const durationPart = /(\d+(?:\.\d+)?)([^\d.]+)/gy;
const clockDuration = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;

/** "1小时5分钟", "1分30秒", "12 min" as minutes; null unless the whole text is number-unit pairs. */
function minutesFromUnits(text: string): number | null {
  let seconds = 0;
  let end = 0;
  durationPart.lastIndex = 0;
  for (let match = durationPart.exec(text); match; match = durationPart.exec(text)) {
    const unit = match[2] ?? '';
    const perUnit = unitMinutes.find(([pattern]) => pattern.test(unit))?.[1];
    if (perUnit === undefined) return null;
    // Sum in seconds so 1分30秒 is 90 s → 1.5, not 1 + 0.5000000001.
    seconds += Number(match[1]) * perUnit * 60;
    end = durationPart.lastIndex;
  }
  return end > 0 && end === text.length ? seconds / 60 : null;
}

/** "1:05:00" (h:mm:ss) as minutes. Two-part "12:30" is refused: mm:ss and h:mm both occur. */
function minutesFromClock(text: string): number | null {
  const match = clockDuration.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (minutes >= 60 || seconds >= 60) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 60;
}

function coerceMinutes(cell: string | number): CoerceResult {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? ok(cell) : fail('notADuration');
  const text = cellText(cell).replace(/\s+/g, '').toLowerCase();
  const decimal = parseDecimal(text);
  if (decimal) return decimal.negative && !isZero(decimal) ? fail('notADuration') : ok(decimalToNumber(decimal));
  const minutes = minutesFromUnits(text) ?? minutesFromClock(text);
  return minutes === null ? fail('notADuration') : ok(minutes);
}

// ---------------------------------------------------------------------------------------------
// Vocabularies: exact names only, never a guess. The code names themselves are accepted too, so a
// file PilotDesk wrote reads back.

const channelNames: Record<string, Channel> = {
  门店: 'pos',
  门店pos: 'pos',
  pos: 'pos',
  线下: 'pos',
  收银: 'pos',
  到店: 'pos',
  小程序: 'miniProgram',
  微信小程序: 'miniProgram',
  云店: 'miniProgram',
  miniprogram: 'miniProgram',
  微商城: 'miniMall',
  商城: 'miniMall',
  有赞: 'miniMall',
  minimall: 'miniMall',
  app: 'app',
  直播: 'live',
  视频号直播: 'live',
  抖音直播: 'live',
  live: 'live',
  其他线上: 'otherOnline',
  线上其他: 'otherOnline',
  otheronline: 'otherOnline',
};

const roleNames: Record<string, GuideRole> = {
  店长: 'manager',
  店经理: 'manager',
  门店经理: 'manager',
  店主: 'manager',
  manager: 'manager',
  导购: 'guide',
  店员: 'guide',
  导购员: 'guide',
  销售: 'guide',
  美容顾问: 'guide',
  育婴顾问: 'guide',
  guide: 'guide',
};

const employmentNames: Record<string, EmploymentStatus> = {
  在职: 'active',
  正式: 'active',
  试用: 'active',
  试用期: 'active',
  是: 'active',
  active: 'active',
  离职: 'left',
  已离职: 'left',
  否: 'left',
  left: 'left',
};

/** Looks a name up case- and space-insensitively; own properties only, so 'constructor' is no channel. */
function lookUp<T>(names: Record<string, T>, cell: string | number): T | undefined {
  const key = cellText(cell).replace(/\s+/g, '').toLowerCase();
  return Object.hasOwn(names, key) ? names[key] : undefined;
}

function vocabulary<T extends string>(names: Record<string, T>, reason: CoerceFailure) {
  return (cell: string | number): CoerceResult => {
    const value = lookUp(names, cell);
    return value === undefined ? fail(reason) : ok(value);
  };
}

// ---------------------------------------------------------------------------------------------
// Text kinds

type Limit = number | null;

function limited(text: string, limit: Limit): CoerceResult {
  return limit !== null && text.length > limit ? fail('tooLong') : ok(text);
}

function coerceText(cell: string | number, limit: Limit): CoerceResult {
  return limited(typeof cell === 'number' ? numberText(cell) : cell.trim(), limit);
}

/**
 * Codes keep their leading zeros. CSV exports guard long numbers from Excel with a leading
 * apostrophe ('13800138000) or a formula (="13800138000"); both wrappers are removed.
 */
function coerceCode(cell: string | number, limit: Limit): CoerceResult {
  const text = cellText(cell);
  const formula = /^="(.*)"$/.exec(text);
  const unwrapped = formula ? (formula[1] ?? '') : text.replace(/^'/, '');
  return limited(unwrapped.trim(), limit);
}

/** WeCom writes departments as paths; the last segment names the store. '-' is no separator: store names use it. */
function coerceDepartment(cell: string | number, limit: Limit): CoerceResult {
  const segments = cellText(cell)
    .split(/[/\\>]/)
    .map((segment) => segment.trim());
  const last = segments.filter((segment) => segment !== '').pop();
  return last === undefined ? none : limited(last, limit);
}

const coercers: Record<FieldType, (cell: string | number, limit: Limit) => CoerceResult> = {
  text: coerceText,
  code: coerceCode,
  date: coerceDate,
  integer: coerceInteger,
  money: coerceMoney,
  ratio: coerceRatio,
  minutes: coerceMinutes,
  channel: vocabulary(channelNames, 'unknownChannel'),
  role: vocabulary(roleNames, 'unknownRole'),
  employment: vocabulary(employmentNames, 'unknownEmployment'),
  department: coerceDepartment,
};

/**
 * One cell as a value of `type`. A null, blank or dash-only cell is `{ ok: true, value: null }`:
 * missing is not zero.
 */
export function coerceValue(type: FieldType, cell: GridValue, options: CoerceOptions = {}): CoerceResult {
  if (cell === null) return none;
  if (typeof cell === 'string' && isPlaceholder(toHalfWidth(cell).trim())) return none;
  return coercers[type](cell, options.maxTextLength === undefined ? maxTextLength : options.maxTextLength);
}
