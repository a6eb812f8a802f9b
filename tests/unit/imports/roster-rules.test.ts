import { describe, expect, it } from 'vitest';
import type { GuideInput } from '../../../src/shared/guides/guide-schema';
import { describeRowError } from '../../../src/shared/imports/import-messages';
import type { ImportReport } from '../../../src/shared/imports/import-schema';
import { callError, callOk, createTestCore, fixedNow, type TestCore } from '../helpers/test-core';
import { rosterExport, textCell } from './helpers/import-files';

/*
 * The roster import and the guide form accept exactly the same guides: each case below is sent
 * once as a roster row and once through guides.create, and both refuse it (or both accept it)
 * with the same rule on the same field. The limits are the guide schema's, not the import's own.
 */

const header = ['工号', '姓名', '门店编码', '岗位', '入职日期', '手机号', '企业微信账号', '在职状态', '离职日期'];
/** Roster field → the guide form's field. */
const formField: Record<string, string> = { guideName: 'name' };

interface GuideCase {
  staffNo: string;
  name: string;
  hireDate?: string | null;
  phone?: string | null;
  wecomAccount?: string | null;
  employment?: 'active' | 'left';
  leftOn?: string | null;
}

async function workspaceWithStore(): Promise<{ core: TestCore; storeId: string }> {
  const core = createTestCore({ now: fixedNow });
  await callOk(core, 'workspace.create', { name: '花名册规则', region: '华东' });
  const store = await callOk(core, 'stores.create', {
    code: 'SH001',
    name: '上海静安店',
    region: '华东',
    storeType: 'direct',
  });
  return { core, storeId: store.id };
}

function rosterLine(guide: GuideCase): unknown[] {
  return [
    textCell(guide.staffNo),
    guide.name,
    'SH001',
    '导购',
    guide.hireDate ?? null,
    guide.phone ? textCell(guide.phone) : null,
    guide.wecomAccount ?? null,
    guide.employment === 'left' ? '离职' : '在职',
    guide.leftOn ?? null,
  ];
}

async function preview(core: TestCore, rows: unknown[][], options = {}, fileHeader = header): Promise<ImportReport> {
  const upload = await callOk(core, 'imports.upload', {
    fileName: '花名册.xlsx',
    contentBase64: Buffer.from(rosterExport(rows, fileHeader)).toString('base64'),
  });
  return callOk(core, 'imports.preview', { uploadId: upload.uploadId, options });
}

async function formErrors(core: TestCore, storeId: string, guide: GuideCase) {
  const input: GuideInput = { role: 'guide', ...guide, storeId };
  const result = await core.dispatcher.call('guides.create', input);
  return result.ok ? [] : (result.error.fields ?? []).map(({ field, rule }) => ({ field, rule }));
}

const ok = { staffNo: '020001', name: '沈悦', hireDate: '2025-03-01' };
const cases: [string, GuideCase][] = [
  ['a name of 41 characters', { ...ok, name: '名'.repeat(41) }],
  ['a name of 250 characters', { ...ok, name: '名'.repeat(250) }],
  ['a name of exactly 40 characters', { ...ok, name: '名'.repeat(40) }],
  ['a staff number of 33 characters', { ...ok, staffNo: '0'.repeat(33) }],
  ['a staff number with a space', { ...ok, staffNo: '02 0001' }],
  ['a staff number starting with a dash', { ...ok, staffNo: '-020001' }],
  ['a WeCom account of 65 characters', { ...ok, wecomAccount: 'w'.repeat(65) }],
  ['a WeCom account of 64 characters', { ...ok, wecomAccount: 'w'.repeat(64) }],
  ['a phone one digit short', { ...ok, phone: '1380013800' }],
  ['a phone with +86 and spaces', { ...ok, phone: '+86 139 0000 0001' }],
  ['a leaving date before the hire date', { ...ok, employment: 'left', leftOn: '2025-01-01' }],
  ['a guide who left without a leaving date', { ...ok, employment: 'left' }],
  ['a hire date after today', { ...ok, hireDate: '2026-12-01' }],
];

describe('a roster row and the guide form', () => {
  it.each(cases)('accept or refuse %s alike, with the same rule on the same field', async (_name, guide) => {
    const { core, storeId } = await workspaceWithStore();
    const report = await preview(core, [rosterLine(guide)]);
    const fromRoster = report.errors.map((error) => ({
      field: formField[error.field!] ?? error.field,
      rule: error.code,
    }));
    const fromForm = await formErrors(core, storeId, guide);
    expect(fromRoster).toEqual(fromForm);
    expect(report.rows.rejected).toBe(fromForm.length > 0 ? 1 : 0);
    expect(core.internalErrors).toEqual([]);
  });

  it('names the row, the column, the rule key and its parameters, and reads in both languages', async () => {
    const { core } = await workspaceWithStore();
    const report = await preview(core, [
      rosterLine(ok),
      rosterLine({ ...ok, staffNo: '020002', name: '名'.repeat(41) }),
      rosterLine({ ...ok, staffNo: '020003', employment: 'left', leftOn: '2025-01-01' }),
      rosterLine({ ...ok, staffNo: '020004', hireDate: '2026-12-01' }),
    ]);
    expect(report.rows).toMatchObject({ read: 4, imported: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { row: 4, column: '姓名', field: 'guideName', value: '名'.repeat(41), code: 'tooLong', params: {} },
      { row: 5, column: '离职日期', field: 'leftOn', value: '2025-01-01', code: 'beforeHireDate', params: {} },
      {
        row: 6,
        column: '入职日期',
        field: 'hireDate',
        value: '2026-12-01',
        code: 'futureDate',
        params: { today: '2026-11-23' },
      },
    ]);
    expect(report.errors.map((error) => describeRowError('en', error))).toEqual([
      'Too long',
      'Cannot be before the hire date',
      'Cannot be after today (2026-11-23)',
    ]);
    expect(describeRowError('zh-CN', report.errors[1]!)).toBe('不能早于入职日期');
  });

  it('checks a known guide as it will be after the row: a leaving date before the stored hire date is refused', async () => {
    const { core, storeId } = await workspaceWithStore();
    await callOk(core, 'guides.create', { ...ok, storeId, role: 'guide' });
    const leaving = await preview(core, [[textCell(ok.staffNo), ok.name, 'SH001', '2025-01-01']], {}, [
      '工号',
      '姓名',
      '门店编码',
      '离职日期',
    ]);
    expect(leaving.errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'leftOn', code: 'beforeHireDate' },
    ]);
    const later = await preview(core, [[textCell(ok.staffNo), ok.name, 'SH001', '2026-11-20']], {}, [
      '工号',
      '姓名',
      '门店编码',
      '离职日期',
    ]);
    expect(later.rows).toMatchObject({ updated: 1, rejected: 0 });
    expect(later.changes.map(({ field, after }) => [field, after])).toEqual([
      ['employment', 'left'],
      ['leftOn', '2026-11-20'],
    ]);
  });

  it('creates a missing store only when the store form would accept it', async () => {
    const { core, storeId } = await workspaceWithStore();
    const storeHeader = ['工号', '姓名', '门店编码', '门店名称'];
    const report = await preview(
      core,
      [
        [textCell('020011'), '韩蕾', 'SH 10', '上海新天地店'],
        [textCell('020012'), '高慧', 'SH011', '店'.repeat(61)],
        [textCell('020013'), '罗晨', 'SH012', '上海徐家汇店'],
      ],
      { createMissing: true },
      storeHeader,
    );
    expect(report.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 3, field: 'storeCode', code: 'codeFormat' },
      { row: 4, field: 'storeName', code: 'tooLong' },
    ]);
    expect(report.rows).toMatchObject({ imported: 1, rejected: 2 });
    const form = await callError(core, 'stores.create', {
      code: 'SH 10',
      name: '店'.repeat(61),
      region: '华东',
      storeType: 'direct',
    });
    expect(form.fields).toEqual([
      { field: 'code', rule: 'codeFormat' },
      { field: 'name', rule: 'tooLong' },
    ]);
    expect(storeId).toEqual(expect.any(String));
  });
});
