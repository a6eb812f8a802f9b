import { describe, expect, it } from 'vitest';
import { coerceValue, excelSerialToDate, normalizeHeader, toHalfWidth } from '../../../src/shared/imports/coerce';
import type { FieldType } from '../../../src/shared/imports/import-kinds';
import type { GridValue } from '../../../src/shared/imports/grid';

const value = (type: FieldType, cell: GridValue) => coerceValue(type, cell);
const okValue = (v: string | number | null) => ({ ok: true, value: v });
const failure = (reason: string) => ({ ok: false, reason });

describe('toHalfWidth', () => {
  it('maps full-width digits, letters and punctuation to ASCII', () => {
    expect(toHalfWidth('１２３４．５０')).toBe('1234.50');
    expect(toHalfWidth('ＡＰＰ，ｐｏｓ：（元）％')).toBe('APP,pos:(元)%');
  });

  it('turns the ideographic space into a space and ￥ into ¥, leaving Chinese text alone', () => {
    expect(toHalfWidth('合\u3000计')).toBe('合 计');
    expect(toHalfWidth('￥１，２３４')).toBe('¥1,234');
    expect(toHalfWidth('上海静安嘉里店。')).toBe('上海静安嘉里店。');
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['成交金额（元）', '成交金额(元)'],
    [' 工 号 ', '工号'],
    ['*导购姓名', '导购姓名'],
    ['新增\n客户数', '新增客户数'],
    ['UserID', 'userid'],
    ['\uFEFF日期', '日期'],
    ['平均回复时长【分】', '平均回复时长(分)'],
    ['ＡＰＰ订单数', 'app订单数'],
  ])('%j → %j', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });
});

describe('excelSerialToDate', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    // Excel's invented 1900-02-29: read as the real day before it.
    [60, '1900-02-28'],
    [61, '1900-03-01'],
    [44927, '2023-01-01'],
    [45000, '2023-03-15'],
    [46344, '2026-11-18'],
    [46344.43, '2026-11-18'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, date) => {
    expect(excelSerialToDate(serial)).toBe(date);
  });

  it('refuses numbers that are no date serial', () => {
    expect(() => excelSerialToDate(0)).toThrow(RangeError);
    expect(() => excelSerialToDate(2958466)).toThrow(RangeError);
    expect(() => excelSerialToDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('missing cells', () => {
  const types: FieldType[] = [
    'text',
    'code',
    'date',
    'integer',
    'money',
    'ratio',
    'minutes',
    'channel',
    'role',
    'employment',
    'department',
  ];
  it.each(types)('a null, blank or dash cell is null for %s, never zero', (type) => {
    for (const cell of [null, '', '   ', '\u3000', '-', '—', '--', '－']) {
      expect(value(type, cell), `${type} ${JSON.stringify(cell)}`).toEqual(okValue(null));
    }
  });

  it('a real zero stays zero', () => {
    expect(value('integer', 0)).toEqual(okValue(0));
    expect(value('integer', '0')).toEqual(okValue(0));
    expect(value('money', '0.00')).toEqual(okValue(0));
    expect(value('ratio', '0%')).toEqual(okValue(0));
  });
});

describe('text and code', () => {
  it('trims text and keeps it otherwise as written', () => {
    expect(value('text', '  张  伟 ')).toEqual(okValue('张  伟'));
    expect(value('text', 'x'.repeat(200))).toEqual(okValue('x'.repeat(200)));
    expect(value('text', 'x'.repeat(201))).toEqual(failure('tooLong'));
  });

  it('leaves the length to the caller when told to (a roster: the guide and store schemas bound each field)', () => {
    const long = 'x'.repeat(201);
    for (const type of ['text', 'code', 'department'] as const) {
      expect(coerceValue(type, long)).toEqual(failure('tooLong'));
      expect(coerceValue(type, long, { maxTextLength: null })).toEqual(okValue(long));
    }
    expect(coerceValue('text', 'x'.repeat(11), { maxTextLength: 10 })).toEqual(failure('tooLong'));
  });

  it('keeps leading zeros and writes number cells as whole-number text', () => {
    expect(value('code', '007')).toEqual(okValue('007'));
    expect(value('code', 10001)).toEqual(okValue('10001'));
    expect(value('code', 10001.0)).toEqual(okValue('10001'));
    expect(value('code', 13800138000)).toEqual(okValue('13800138000'));
    // String(1e21) would be '1e+21'.
    expect(value('code', 1e21)).toEqual(okValue('1000000000000000000000'));
  });

  it('makes codes half-width and unwraps the guards CSV exports put around long numbers', () => {
    expect(value('code', ' ＳＨ００１ ')).toEqual(okValue('SH001'));
    expect(value('code', "'13800138000")).toEqual(okValue('13800138000'));
    expect(value('code', '="0021"')).toEqual(okValue('0021'));
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-18', '2026-11-18'],
    ['2026/11/18', '2026-11-18'],
    ['2026.11.18', '2026-11-18'],
    ['2026/1/8', '2026-01-08'],
    ['2026年11月18日', '2026-11-18'],
    ['2026年1月8日', '2026-01-08'],
    ['2026/11/18 10:23:00', '2026-11-18'],
    ['2026-11-18 23:59', '2026-11-18'],
    ['20261118', '2026-11-18'],
    ['２０２６－１１－１８', '2026-11-18'],
    ['２０２６年１１月１８日', '2026-11-18'],
    [' 2026-11-18 ', '2026-11-18'],
  ])('reads %j as %s', (cell, date) => {
    expect(value('date', cell)).toEqual(okValue(date));
  });

  it('reads number cells as Excel serials, or as yyyymmdd when they have eight digits', () => {
    expect(value('date', 46344)).toEqual(okValue('2026-11-18'));
    expect(value('date', 46344.999)).toEqual(okValue('2026-11-18'));
    expect(value('date', 20261118)).toEqual(okValue('2026-11-18'));
  });

  it.each(['2026-02-30', '2026-13-01', '2025年2月29日', '18/11/2026', '2026-11', '2026-11/18', '昨天', '20261318'])(
    'refuses %j',
    (cell) => {
      expect(value('date', cell)).toEqual(failure('notADate'));
    },
  );

  it('refuses numbers outside the serial range', () => {
    expect(value('date', 0)).toEqual(failure('notADate'));
    expect(value('date', -5)).toEqual(failure('notADate'));
    expect(value('date', 3000000)).toEqual(failure('notADate'));
  });

  it('accepts the leap day of a leap year', () => {
    expect(value('date', '2028/2/29')).toEqual(okValue('2028-02-29'));
  });
});

describe('integers', () => {
  it.each([
    [12, 12],
    [12.0, 12],
    ['12', 12],
    [' 12 ', 12],
    ['1,234', 1234],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['12.00', 12],
    ['36人', 36],
    ['3单', 3],
  ])('reads %j as %d', (cell, expected) => {
    expect(value('integer', cell)).toEqual(okValue(expected));
  });

  it('tells fractions, negatives and words apart', () => {
    expect(value('integer', 12.5)).toEqual(failure('notAWholeNumber'));
    expect(value('integer', '12.5')).toEqual(failure('notAWholeNumber'));
    expect(value('integer', '-3')).toEqual(failure('negative'));
    expect(value('integer', -3)).toEqual(failure('negative'));
    expect(value('integer', '十二')).toEqual(failure('notANumber'));
    expect(value('integer', '12,34')).toEqual(failure('notANumber'));
    expect(value('integer', '1.2e3')).toEqual(failure('notANumber'));
  });
});

describe('money in fen', () => {
  it.each([
    [1234.5, 123450],
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['￥1,234.50', 123450],
    ['¥1,234.50', 123450],
    ['RMB 1,234.50', 123450],
    ['1234.50元', 123450],
    ['１，２３４．５０', 123450],
    ['￥１２３４．５', 123450],
    [0.29, 29],
    ['0.29', 29],
    [1.005, 101],
    ['1.004', 100],
    ['19.995', 2000],
    [0.1 + 0.2, 30],
    [88, 8800],
    ['.5', 50],
  ])('reads %j as %d fen', (cell, fen) => {
    expect(value('money', cell)).toEqual(okValue(fen));
  });

  it('keeps refund corrections negative, rounding away from zero', () => {
    expect(value('money', '-12.00')).toEqual(okValue(-1200));
    expect(value('money', '(12.00)')).toEqual(okValue(-1200));
    expect(value('money', '（１２．００）')).toEqual(okValue(-1200));
    expect(value('money', '-￥12.00')).toEqual(okValue(-1200));
    expect(value('money', '￥-12.00')).toEqual(okValue(-1200));
    expect(value('money', -1.005)).toEqual(okValue(-101));
    expect(value('money', -12)).toEqual(okValue(-1200));
  });

  it('never returns negative zero', () => {
    const result = value('money', '-0.004');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each(['1.2万', 'abc', '12元5角', '1,23.00', '¥'])('refuses %j', (cell) => {
    expect(value('money', cell)).toEqual(failure('notANumber'));
  });
});

describe('ratios', () => {
  it.each([
    ['85.71%', 0.8571],
    ['85.71 %', 0.8571],
    ['８５．７１％', 0.8571],
    [0.8571, 0.8571],
    ['0.8571', 0.8571],
    [85.71, 0.8571],
    ['85.71', 0.8571],
    ['100%', 1],
    [1, 1],
    [100, 1],
    ['0.5%', 0.005],
    ['3%', 0.03],
  ])('reads %j as %d', (cell, ratio) => {
    expect(value('ratio', cell)).toEqual(okValue(ratio));
  });

  it.each([['101%'], [100.5], ['-5%'], [-0.2], ['高']])('refuses %j', (cell) => {
    expect(value('ratio', cell)).toEqual(failure('notARatio'));
  });
});

describe('minutes', () => {
  it.each([
    [12, 12],
    [2.5, 2.5],
    ['12', 12],
    ['12分钟', 12],
    ['12 分钟', 12],
    ['12分', 12],
    ['１２分钟', 12],
    ['1小时5分钟', 65],
    ['1小时', 60],
    ['2个小时', 120],
    ['30秒', 0.5],
    ['1分30秒', 1.5],
    ['1小时0分15秒', 60.25],
    ['1:05:00', 65],
    ['00:12:30', 12.5],
    ['12min', 12],
    ['1h 5min', 65],
    ['45s', 0.75],
  ])('reads %j as %d minutes', (cell, minutes) => {
    expect(value('minutes', cell)).toEqual(okValue(minutes));
  });

  it.each([['12:30'], ['1:75:00'], ['很快'], ['12分钟左右'], ['-3'], [-3], ['5小时3']])('refuses %j', (cell) => {
    expect(value('minutes', cell)).toEqual(failure('notADuration'));
  });
});

describe('channels', () => {
  it.each([
    ['门店', 'pos'],
    ['门店POS', 'pos'],
    ['门店 pos', 'pos'],
    ['POS', 'pos'],
    ['线下', 'pos'],
    ['收银', 'pos'],
    ['到店', 'pos'],
    ['小程序', 'miniProgram'],
    ['微信小程序', 'miniProgram'],
    ['云店', 'miniProgram'],
    ['微商城', 'miniMall'],
    ['商城', 'miniMall'],
    ['有赞', 'miniMall'],
    ['APP', 'app'],
    ['App', 'app'],
    ['ＡＰＰ', 'app'],
    ['直播', 'live'],
    ['视频号直播', 'live'],
    ['抖音直播', 'live'],
    ['其他线上', 'otherOnline'],
    ['线上其他', 'otherOnline'],
    ['miniProgram', 'miniProgram'],
  ])('reads %j as %s', (cell, channel) => {
    expect(value('channel', cell)).toEqual(okValue(channel));
  });

  it.each(['美团', '线上', '门店自提', '天猫', 'constructor', 12])('does not guess %j', (cell) => {
    expect(value('channel', cell)).toEqual(failure('unknownChannel'));
  });
});

describe('roles and employment', () => {
  it.each([
    ['店长', 'manager'],
    ['店经理', 'manager'],
    ['门店经理', 'manager'],
    ['店主', 'manager'],
    ['导购', 'guide'],
    ['店员', 'guide'],
    ['导购员', 'guide'],
    ['销售', 'guide'],
    ['美容顾问', 'guide'],
    ['育婴顾问', 'guide'],
    [' 导购 ', 'guide'],
  ])('role %j is %s', (cell, role) => {
    expect(value('role', cell)).toEqual(okValue(role));
  });

  it('does not guess a role', () => {
    expect(value('role', '区域经理')).toEqual(failure('unknownRole'));
    expect(value('role', '收银员')).toEqual(failure('unknownRole'));
  });

  it.each([
    ['在职', 'active'],
    ['正式', 'active'],
    ['试用', 'active'],
    ['试用期', 'active'],
    ['是', 'active'],
    ['离职', 'left'],
    ['已离职', 'left'],
    ['否', 'left'],
  ])('employment %j is %s', (cell, employment) => {
    expect(value('employment', cell)).toEqual(okValue(employment));
  });

  it('does not guess employment', () => {
    expect(value('employment', '休假')).toEqual(failure('unknownEmployment'));
  });
});

describe('departments', () => {
  it.each([
    ['品牌/华东区/上海静安嘉里店', '上海静安嘉里店'],
    ['品牌／华东区／上海静安嘉里店', '上海静安嘉里店'],
    ['品牌\\华东区\\杭州湖滨银泰店', '杭州湖滨银泰店'],
    ['品牌>华东区>苏州中心店', '苏州中心店'],
    ['品牌/华东区/上海静安嘉里店/', '上海静安嘉里店'],
    ['上海静安嘉里店', '上海静安嘉里店'],
    // A dash is part of store names, not a path separator.
    ['品牌/华东区/上海-静安嘉里店', '上海-静安嘉里店'],
    ['品牌 / 华东区 / 南京德基广场店 ', '南京德基广场店'],
  ])('%j names the store %j', (cell, store) => {
    expect(value('department', cell)).toEqual(okValue(store));
  });
});
