import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkGuideDates } from '../../src/shared/guides/guide-rules';
import { guideInputSchema, type GuideInput } from '../../src/shared/guides/guide-schema';
import { describeFieldErrors, translate } from '../../src/shared/i18n/translate';
import { dictionaries } from '../../src/shared/i18n/dictionary';
import { storeInputSchema, type StoreInput } from '../../src/shared/stores/store-schema';
import { normalizePhone } from '../../src/shared/validation/common';
import { toFieldErrors } from '../../src/shared/validation/field-errors';

const { 'zh-CN': zhCN, en } = dictionaries;

const someStoreId = '01KAB2C3D4E5F6G7H8J9K0MNPQ';

const validStore: StoreInput = { code: 'SH001', name: '上海静安嘉里店', region: '上海区', storeType: 'direct' };
const validGuide: GuideInput = { staffNo: '010001', name: '王芳', storeId: someStoreId };

function storeErrors(input: Record<string, unknown>) {
  const parsed = storeInputSchema.safeParse({ ...validStore, ...input });
  return parsed.success ? [] : toFieldErrors(parsed.error);
}

function guideErrors(input: Record<string, unknown>) {
  const parsed = guideInputSchema.safeParse({ ...validGuide, ...input });
  return parsed.success ? [] : toFieldErrors(parsed.error);
}

describe('store input', () => {
  it('accepts a complete store and fills the rollout wave with "none"', () => {
    const parsed = storeInputSchema.parse(validStore);
    expect(parsed).toMatchObject({ code: 'SH001', pilotWave: 'none', dealerId: null, city: null, openedOn: null });
  });

  it.each([[''], ['   '], [undefined]])('asks for a store name when it is %j', (name) => {
    expect(storeErrors({ name })).toEqual([{ field: 'name', rule: 'required' }]);
  });

  it.each([['SH 001'], ['-SH001'], ['门店1'], ['SH/001']])('refuses the store code %j with codeFormat', (code) => {
    expect(storeErrors({ code })).toEqual([{ field: 'code', rule: 'codeFormat' }]);
  });

  it('trims spaces around a store code instead of refusing it', () => {
    expect(storeInputSchema.parse({ ...validStore, code: '  SH001 ' }).code).toBe('SH001');
  });

  it('refuses a store type that is not one of the choices', () => {
    expect(storeErrors({ storeType: 'chain' })).toEqual([{ field: 'storeType', rule: 'invalidOption' }]);
  });

  it('refuses an opening date that does not exist', () => {
    expect(storeErrors({ openedOn: '2026-02-29' })).toEqual([{ field: 'openedOn', rule: 'invalidDate' }]);
  });
});

describe('guide input', () => {
  it('keeps leading zeros of staff numbers', () => {
    expect(guideInputSchema.parse({ ...validGuide, staffNo: '007' }).staffNo).toBe('007');
    expect(guideInputSchema.parse({ ...validGuide, staffNo: '000123' }).staffNo).toBe('000123');
  });

  it.each([
    ['+86 138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    [' 13800138000 ', '13800138000'],
  ])('stores the mobile number %j as %s', (raw, stored) => {
    expect(guideInputSchema.parse({ ...validGuide, phone: raw }).phone).toBe(stored);
  });

  it('treats an empty phone field as no phone', () => {
    expect(guideInputSchema.parse({ ...validGuide, phone: '' }).phone).toBeNull();
  });

  it.each([['12345'], ['23800138000'], ['1380013800'], ['138001380001'], ['+1 415 555 0100'], ['1380013800x']])(
    'refuses the mobile number %j with phoneFormat',
    (phone) => {
      expect(guideErrors({ phone })).toEqual([{ field: 'phone', rule: 'phoneFormat' }]);
    },
  );

  it('does not strip 86 from a number that would not be a mobile number without it', () => {
    expect(normalizePhone('8613800')).toBe('8613800');
  });

  it('names every wrong field at once, each with its rule', () => {
    expect(guideErrors({ staffNo: 'A 1', name: '', storeId: 'store-1', role: 'boss', hireDate: '2026-13-01' })).toEqual(
      [
        { field: 'staffNo', rule: 'codeFormat' },
        { field: 'name', rule: 'required' },
        { field: 'storeId', rule: 'invalidId' },
        { field: 'role', rule: 'invalidOption' },
        { field: 'hireDate', rule: 'invalidDate' },
      ],
    );
  });

  it('gives nested fields their full path, such as rows.1.name', () => {
    const batch = z.object({ rows: z.array(storeInputSchema) });
    const parsed = batch.safeParse({ rows: [validStore, { ...validStore, name: '' }] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(toFieldErrors(parsed.error)).toEqual([{ field: 'rows.1.name', rule: 'required' }]);
  });

  it('names a problem with the whole input "(input)" and keeps a rule for zod issues without one', () => {
    const parsed = z.object({}).strict().safeParse({ surprise: 1 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(toFieldErrors(parsed.error)).toEqual([{ field: '(input)', rule: 'unknownField' }]);
  });
});

describe('guide dates against today', () => {
  const today = '2026-11-23';

  it('accepts a hire date of today and a departure after hiring', () => {
    expect(checkGuideDates({ hireDate: today, leftOn: null, employment: 'active' }, today)).toEqual([]);
    expect(checkGuideDates({ hireDate: '2025-03-01', leftOn: '2026-06-30', employment: 'left' }, today)).toEqual([]);
  });

  it('refuses a hire date after today, telling which day today is', () => {
    expect(checkGuideDates({ hireDate: '2026-11-24', leftOn: null, employment: 'active' }, today)).toEqual([
      { field: 'hireDate', rule: 'futureDate', params: { today } },
    ]);
  });

  it('refuses a departure before the hire date', () => {
    expect(checkGuideDates({ hireDate: '2026-03-01', leftOn: '2026-01-01', employment: 'left' }, today)).toEqual([
      { field: 'leftOn', rule: 'beforeHireDate' },
    ]);
  });

  it('asks for the departure date of a guide who has left', () => {
    expect(checkGuideDates({ hireDate: '2026-03-01', leftOn: null, employment: 'left' }, today)).toEqual([
      { field: 'leftOn', rule: 'required' },
    ]);
  });

  it('refuses a departure date in the future', () => {
    expect(checkGuideDates({ hireDate: '2026-03-01', leftOn: '2026-12-01', employment: 'left' }, today)).toEqual([
      { field: 'leftOn', rule: 'futureDate', params: { today } },
    ]);
  });
});

describe('messages in both languages', () => {
  it('has an English text for every Chinese key and no key only in English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('has no empty English or Chinese text', () => {
    const empty = [...Object.entries(en), ...Object.entries(zhCN)].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} in both languages, so no "{today}" is ever shown unfilled', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.keys(zhCN).filter(
      (key) =>
        JSON.stringify(placeholders(zhCN[key as keyof typeof zhCN])) !==
        JSON.stringify(placeholders(en[key as keyof typeof en])),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'rules.futureDate', { today: '2026-11-23' })).toBe('Cannot be after today (2026-11-23)');
    expect(translate('en', 'rules.futureDate')).toContain('{today}');
  });

  it("calls a guide's name 姓名 and a store's name 门店名称", () => {
    const error = [{ field: 'name', rule: 'required' }];
    expect(describeFieldErrors('zh-CN', error, 'guide')).toBe('姓名：必填');
    expect(describeFieldErrors('zh-CN', error, 'store')).toBe('门店名称：必填');
    expect(describeFieldErrors('en', error, 'guide')).toBe('Name: Required');
    expect(describeFieldErrors('en', error, 'store')).toBe('Store name: Required');
  });

  it('names the staff number and the other guide in a duplicate message', () => {
    const error = [{ field: 'staffNo', rule: 'duplicate', params: { other: '王芳（上海静安嘉里店）' } }];
    expect(describeFieldErrors('zh-CN', error, 'guide')).toBe('工号：已被「王芳（上海静安嘉里店）」使用');
    expect(describeFieldErrors('en', error, 'guide')).toBe('Staff no.: Already used by “王芳（上海静安嘉里店）”');
  });

  it('joins several problems into one line', () => {
    const line = describeFieldErrors(
      'zh-CN',
      [
        { field: 'code', rule: 'codeFormat' },
        { field: 'dealerId', rule: 'dealerRequired' },
      ],
      'store',
    );
    expect(line).toBe('门店编码：只能用字母、数字和 - _ .，且以字母或数字开头；经销商：加盟店必须选择经销商');
    expect(line).not.toContain('\n');
  });

  it('falls back to the raw field and rule names rather than showing nothing', () => {
    expect(describeFieldErrors('en', [{ field: 'mystery', rule: 'someNewRule' }])).toBe('mystery: someNewRule');
  });
});
