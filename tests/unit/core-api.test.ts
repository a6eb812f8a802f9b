import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationInput } from '../../src/shared/api/contract';
import type { ServerEvent } from '../../src/shared/api/events';
import { queryFile, snapshotRecords } from './helpers/sqlite-file';
import { callError, callOk, createTestCore, fixedNow, type TestCore } from './helpers/test-core';
import { tempDir } from './helpers/temp-dir';
import { describeError } from '../../src/shared/i18n/translate';

const unknownId = '01KAB2C3D4E5F6G7H8J9K0MNPQ';

/** A core with a fresh workspace open (Shanghai time unless told otherwise). */
async function coreWithWorkspace(timeZone = 'Asia/Shanghai') {
  const core = createTestCore();
  const workspace = await callOk(core, 'workspace.create', { name: '测试工作区', region: '华东', timeZone });
  return { core, workspace, path: workspace.path };
}

function storeInput(overrides: Partial<OperationInput<'stores.create'>> = {}): OperationInput<'stores.create'> {
  return {
    code: 'SH001',
    name: '上海静安嘉里店',
    region: '上海区',
    city: '上海',
    storeType: 'direct',
    pilotWave: 'pilot',
    ...overrides,
  };
}

function guideInput(
  storeId: string,
  overrides: Partial<OperationInput<'guides.create'>> = {},
): OperationInput<'guides.create'> {
  return { staffNo: '010001', name: '王芳', storeId, role: 'guide', hireDate: '2024-03-01', ...overrides };
}

/** Calls an operation that must fail and checks that not one record changed on disk. */
async function refusedWithoutWriting(core: TestCore, path: string, operation: string, input: unknown) {
  const before = snapshotRecords(path);
  const error = await callError(core, operation, input);
  expect(snapshotRecords(path)).toEqual(before);
  return error;
}

describe('calling the core', () => {
  it('answers an unknown operation with UNKNOWN_OPERATION', async () => {
    const core = createTestCore();
    const error = await callError(core, 'stores.destroyAll', {});
    expect(error.code).toBe('UNKNOWN_OPERATION');
    expect(describeError('zh-CN', error)).toContain('stores.destroyAll');
  });

  it('answers input that does not fit the contract with VALIDATION and the fields at fault', async () => {
    const core = createTestCore();
    const error = await callError(core, 'workspace.create', { name: '', region: '华东', timeZone: 'Mars/Olympus' });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([
      { field: 'name', rule: 'required' },
      { field: 'timeZone', rule: 'timeZone' },
    ]);
    expect(describeError('zh-CN', error)).toContain('工作区名称');
    expect(existsSync(join(core.dataDir, 'workspaces')) ? readdirSync(join(core.dataDir, 'workspaces')) : []).toEqual(
      [],
    );
  });

  it('answers NO_WORKSPACE when nothing is open yet', async () => {
    const core = createTestCore();
    expect(await callOk(core, 'workspace.current')).toBeNull();
    expect((await callError(core, 'stores.list')).code).toBe('NO_WORKSPACE');
    expect((await callError(core, 'guides.create', guideInput(unknownId))).code).toBe('NO_WORKSPACE');
    expect((await callError(core, 'dealers.create', { name: '禾丰' })).code).toBe('NO_WORKSPACE');
  });

  it('refuses extra input on operations that take none', async () => {
    const core = createTestCore();
    expect((await callError(core, 'workspace.current', { path: '/etc' })).code).toBe('VALIDATION');
  });
});

describe('workspaces', () => {
  it('creates a workspace in the data folder, opens it, remembers it and tells listeners', async () => {
    const core = createTestCore();
    const events: ServerEvent[] = [];
    core.subscribe((event) => events.push(event));
    const info = await callOk(core, 'workspace.create', { name: '华东 试验田', region: '华东' });

    expect(info).toMatchObject({ name: '华东 试验田', region: '华东', timeZone: 'Asia/Shanghai', isDemo: false });
    expect(info.path.startsWith(join(core.dataDir, 'workspaces'))).toBe(true);
    expect(existsSync(info.path)).toBe(true);
    expect(await callOk(core, 'workspace.current')).toEqual(info);
    expect((await callOk(core, 'workspace.recent')).map((entry) => entry.path)).toEqual([info.path]);
    expect(events).toEqual([{ type: 'workspace.changed', workspaceId: info.id }]);
  });

  it('keeps the current workspace open when opening another file fails', async () => {
    const { core, workspace } = await coreWithWorkspace();
    const notes = join(tempDir(), 'notes.pilotdesk');
    writeFileSync(notes, 'not a workspace');
    expect((await callError(core, 'workspace.open', { path: notes })).code).toBe('WORKSPACE_INVALID');
    expect(await callOk(core, 'workspace.current')).toEqual(workspace);
    expect(await callOk(core, 'stores.list')).toEqual([]);
  });

  it('closes the workspace and forgets it as the one to reopen', async () => {
    const { core } = await coreWithWorkspace();
    expect(await callOk(core, 'workspace.close')).toBeNull();
    expect(await callOk(core, 'workspace.current')).toBeNull();
    expect((await callError(core, 'stores.list')).code).toBe('NO_WORKSPACE');
    expect(core.preferences.read().lastWorkspacePath).toBeNull();
  });

  it('reopens a workspace in a new session with its records', async () => {
    const dataDir = tempDir();
    const first = createTestCore({ dataDir });
    const info = await callOk(first, 'workspace.create', { name: '测试', region: '华东' });
    await callOk(first, 'stores.create', storeInput());
    first.close();

    const second = createTestCore({ dataDir });
    expect(await callOk(second, 'workspace.open', { path: info.path })).toEqual(info);
    expect((await callOk(second, 'stores.list')).map((store) => store.code)).toEqual(['SH001']);
  });
});

describe('stores', () => {
  it('creates a store and lists it with what was entered', async () => {
    const { core } = await coreWithWorkspace();
    const store = await callOk(core, 'stores.create', storeInput({ openedOn: '2018-05-01' }));
    expect(store).toMatchObject({
      code: 'SH001',
      name: '上海静安嘉里店',
      region: '上海区',
      city: '上海',
      storeType: 'direct',
      pilotWave: 'pilot',
      openedOn: '2018-05-01',
      dealerId: null,
      status: 'active',
      activeGuides: 0,
      createdAt: fixedNow.toISOString(),
    });
    expect(await callOk(core, 'stores.list')).toEqual([store]);
  });

  it('refuses a second store with the same code (CONFLICT on code, naming the other store) and writes nothing', async () => {
    const { core, path } = await coreWithWorkspace();
    await callOk(core, 'stores.create', storeInput());
    const error = await refusedWithoutWriting(
      core,
      path,
      'stores.create',
      storeInput({ code: ' SH001 ', name: '另一家店' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual([{ field: 'code', rule: 'duplicate', params: { other: '上海静安嘉里店' } }]);
    expect(describeError('zh-CN', error)).toBe('门店编码：已被「上海静安嘉里店」使用');
  });

  it("refuses to change a store's code to another store's code and leaves both as they were", async () => {
    const { core, path } = await coreWithWorkspace();
    await callOk(core, 'stores.create', storeInput());
    const second = await callOk(core, 'stores.create', storeInput({ code: 'SH002', name: '上海徐汇日月光店' }));
    const error = await refusedWithoutWriting(core, path, 'stores.update', {
      ...storeInput({ code: 'SH001', name: '改名' }),
      id: second.id,
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.fields?.map((f) => f.field)).toEqual(['code']);
  });

  it('lets a store keep its own code when other fields change', async () => {
    const { core } = await coreWithWorkspace();
    const store = await callOk(core, 'stores.create', storeInput());
    const updated = await callOk(core, 'stores.update', {
      ...storeInput({ name: '上海静安嘉里中心店', pilotWave: 'wave1' }),
      id: store.id,
    });
    expect(updated).toMatchObject({ id: store.id, code: 'SH001', name: '上海静安嘉里中心店', pilotWave: 'wave1' });
    expect((await callOk(core, 'stores.list')).map((s) => s.name)).toEqual(['上海静安嘉里中心店']);
  });

  it('refuses a franchise store without a dealer (dealerRequired) and writes nothing', async () => {
    const { core, path } = await coreWithWorkspace();
    const error = await refusedWithoutWriting(core, path, 'stores.create', storeInput({ storeType: 'franchise' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([{ field: 'dealerId', rule: 'dealerRequired' }]);
    expect(describeError('zh-CN', error)).toContain('经销商');
  });

  it('refuses a dealer that does not exist', async () => {
    const { core, path } = await coreWithWorkspace();
    const error = await refusedWithoutWriting(
      core,
      path,
      'stores.create',
      storeInput({ storeType: 'franchise', dealerId: unknownId }),
    );
    expect(error.fields).toEqual([{ field: 'dealerId', rule: 'notFound' }]);
  });

  it('creates a franchise store with its dealer and counts it for the dealer', async () => {
    const { core } = await coreWithWorkspace();
    const dealer = await callOk(core, 'dealers.create', { name: '杭州禾丰商贸有限公司' });
    const store = await callOk(
      core,
      'stores.create',
      storeInput({ code: 'HZ002', storeType: 'franchise', dealerId: dealer.id }),
    );
    expect(store).toMatchObject({ dealerId: dealer.id, dealerName: '杭州禾丰商贸有限公司' });
    expect(await callOk(core, 'dealers.list')).toEqual([{ ...dealer, storeCount: 1 }]);
  });

  it('creates a dealer typed in the store form together with the store', async () => {
    const { core } = await coreWithWorkspace();
    const store = await callOk(
      core,
      'stores.create',
      storeInput({ storeType: 'franchise', newDealerName: '杭州禾丰商贸有限公司' }),
    );
    expect(store.dealerName).toBe('杭州禾丰商贸有限公司');
    const again = await callOk(
      core,
      'stores.create',
      storeInput({ code: 'SH002', storeType: 'franchise', newDealerName: '杭州禾丰商贸有限公司' }),
    );
    expect(again.dealerId).toBe(store.dealerId);
    expect(await callOk(core, 'dealers.list')).toEqual([
      { id: store.dealerId, name: '杭州禾丰商贸有限公司', storeCount: 2 },
    ]);
  });

  it('does not leave a new dealer behind when the store it came with is refused', async () => {
    const { core, path } = await coreWithWorkspace();
    await callOk(core, 'stores.create', storeInput());
    const error = await refusedWithoutWriting(
      core,
      path,
      'stores.create',
      storeInput({ storeType: 'franchise', newDealerName: '新经销商' }),
    );
    expect(error.fields).toEqual([{ field: 'code', rule: 'duplicate', params: { other: '上海静安嘉里店' } }]);
    expect(await callOk(core, 'dealers.list')).toEqual([]);
  });

  it('refuses a second dealer with the same name', async () => {
    const { core, path } = await coreWithWorkspace();
    await callOk(core, 'dealers.create', { name: '禾丰' });
    const error = await refusedWithoutWriting(core, path, 'dealers.create', { name: ' 禾丰 ' });
    expect(error.code).toBe('CONFLICT');
    expect(error.fields?.[0]).toMatchObject({ field: 'name', rule: 'duplicate' });
  });

  it.each([
    ['an empty name', { name: '  ' }, { field: 'name', rule: 'required' }, '门店名称'],
    ['a code with spaces', { code: 'SH 001' }, { field: 'code', rule: 'codeFormat' }, '门店编码'],
    [
      'an opening date that does not exist',
      { openedOn: '2026-02-30' },
      { field: 'openedOn', rule: 'invalidDate' },
      '开业日期',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_label, overrides, field, label) => {
    const { core, path } = await coreWithWorkspace();
    const error = await refusedWithoutWriting(core, path, 'stores.create', storeInput(overrides));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([field]);
    expect(describeError('zh-CN', error)).toContain(label);
  });

  it('archives a store without deleting it, and restores it', async () => {
    const { core, path } = await coreWithWorkspace();
    const store = await callOk(core, 'stores.create', storeInput());
    const archived = await callOk(core, 'stores.archive', { id: store.id });
    expect(archived.status).toBe('archived');
    expect(await callOk(core, 'stores.list')).toEqual([archived]);
    expect(queryFile(path, 'SELECT count(*) AS n FROM stores')).toEqual([{ n: 1 }]);

    const restored = await callOk(core, 'stores.restore', { id: store.id });
    expect(restored.status).toBe('active');
    expect({ ...restored, updatedAt: store.updatedAt }).toEqual(store);
  });

  it('answers NOT_FOUND for a store that does not exist', async () => {
    const { core } = await coreWithWorkspace();
    expect((await callError(core, 'stores.get', { id: unknownId })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'stores.archive', { id: unknownId })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'stores.update', { ...storeInput(), id: unknownId })).code).toBe('NOT_FOUND');
  });
});

describe('guides', () => {
  async function withStore(timeZone?: string) {
    const setup = await coreWithWorkspace(timeZone);
    const store = await callOk(setup.core, 'stores.create', storeInput());
    return { ...setup, store };
  }

  it("adds a guide, keeping the staff number's leading zeros and storing the phone as 11 digits", async () => {
    const { core, path, store } = await withStore();
    const guide = await callOk(
      core,
      'guides.create',
      guideInput(store.id, { staffNo: '007', phone: '+86 138 0013 8000', role: 'manager' }),
    );
    expect(guide).toMatchObject({
      staffNo: '007',
      phone: '13800138000',
      storeCode: 'SH001',
      storeName: '上海静安嘉里店',
      role: 'manager',
      employment: 'active',
      status: 'active',
    });
    expect(queryFile(path, 'SELECT staff_no, phone FROM guides')).toEqual([{ staff_no: '007', phone: '13800138000' }]);
    const detail = await callOk(core, 'stores.get', { id: store.id });
    expect(detail.store.activeGuides).toBe(1);
    expect(detail.guides).toEqual([guide]);
  });

  it('refuses a staff number already used in another store of the workspace, naming who has it', async () => {
    const { core, path, store } = await withStore();
    const other = await callOk(core, 'stores.create', storeInput({ code: 'SH002', name: '上海徐汇日月光店' }));
    await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '007' }));
    const error = await refusedWithoutWriting(
      core,
      path,
      'guides.create',
      guideInput(other.id, { staffNo: '007', name: '李婷' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual([
      { field: 'staffNo', rule: 'duplicate', params: { other: '王芳（上海静安嘉里店）' } },
    ]);
    expect(describeError('zh-CN', error)).toContain('工号');
  });

  it('treats 007 and 7 as different staff numbers', async () => {
    const { core, store } = await withStore();
    await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '007' }));
    await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '7', name: '李婷' }));
    expect((await callOk(core, 'guides.list')).map((g) => g.staffNo).sort()).toEqual(['007', '7']);
  });

  it('refuses to assign a guide to an archived store and writes nothing', async () => {
    const { core, path, store } = await withStore();
    await callOk(core, 'stores.archive', { id: store.id });
    const error = await refusedWithoutWriting(core, path, 'guides.create', guideInput(store.id));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([{ field: 'storeId', rule: 'archivedStore', params: { store: '上海静安嘉里店' } }]);
    expect(describeError('zh-CN', error)).toContain('所属门店');
  });

  it('refuses a store that does not exist', async () => {
    const { core, path } = await withStore();
    const error = await refusedWithoutWriting(core, path, 'guides.create', guideInput(unknownId));
    expect(error.fields).toEqual([{ field: 'storeId', rule: 'notFound' }]);
  });

  it.each([
    ['an empty name', { name: '' }, { field: 'name', rule: 'required' }, '姓名：必填'],
    ['a malformed phone number', { phone: '138 0013 800' }, { field: 'phone', rule: 'phoneFormat' }, '手机号'],
    ['a staff number with a space', { staffNo: '00 7' }, { field: 'staffNo', rule: 'codeFormat' }, '工号'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, overrides, field, text) => {
    const { core, path, store } = await withStore();
    const error = await refusedWithoutWriting(core, path, 'guides.create', guideInput(store.id, overrides));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([field]);
    expect(describeError('zh-CN', error)).toContain(text);
  });

  it("refuses a hire date after today in the workspace's time zone and accepts today", async () => {
    // fixedNow is 18:00 on 23 November in Shanghai.
    const { core, path, store } = await withStore('Asia/Shanghai');
    const error = await refusedWithoutWriting(
      core,
      path,
      'guides.create',
      guideInput(store.id, { hireDate: '2026-11-24' }),
    );
    expect(error.fields).toEqual([{ field: 'hireDate', rule: 'futureDate', params: { today: '2026-11-23' } }]);
    expect(describeError('zh-CN', error)).toBe('入职日期：不能晚于今天（2026-11-23）');
    await callOk(core, 'guides.create', guideInput(store.id, { hireDate: '2026-11-23' }));
  });

  it('accepts 24 November as a hire date where it is already 24 November (UTC+14)', async () => {
    const { core, store } = await withStore('Pacific/Kiritimati');
    const guide = await callOk(core, 'guides.create', guideInput(store.id, { hireDate: '2026-11-24' }));
    expect(guide.hireDate).toBe('2026-11-24');
  });

  it('refuses a guide marked as left without a departure date', async () => {
    const { core, path, store } = await withStore();
    const error = await refusedWithoutWriting(
      core,
      path,
      'guides.create',
      guideInput(store.id, { employment: 'left' }),
    );
    expect(error.fields).toEqual([{ field: 'leftOn', rule: 'required' }]);
  });

  it('records a guide who left and no longer counts them as active in the store', async () => {
    const { core, store } = await withStore();
    const guide = await callOk(core, 'guides.create', guideInput(store.id));
    const left = await callOk(core, 'guides.update', {
      ...guideInput(store.id, { employment: 'left', leftOn: '2026-10-31' }),
      id: guide.id,
    });
    expect(left).toMatchObject({ employment: 'left', leftOn: '2026-10-31', status: 'active' });
    expect((await callOk(core, 'stores.get', { id: store.id })).store.activeGuides).toBe(0);
  });

  it('lets a guide already in a store that gets archived still be edited', async () => {
    const { core, store } = await withStore();
    const guide = await callOk(core, 'guides.create', guideInput(store.id));
    await callOk(core, 'stores.archive', { id: store.id });
    const edited = await callOk(core, 'guides.update', {
      ...guideInput(store.id, { name: '王芳芳', phone: '13900139000' }),
      id: guide.id,
    });
    expect(edited).toMatchObject({ name: '王芳芳', phone: '13900139000', storeId: store.id });
  });

  it('refuses to move another guide into an archived store', async () => {
    const { core, path, store } = await withStore();
    const open = await callOk(core, 'stores.create', storeInput({ code: 'SH002', name: '上海徐汇日月光店' }));
    const guide = await callOk(core, 'guides.create', guideInput(open.id));
    await callOk(core, 'stores.archive', { id: store.id });
    const error = await refusedWithoutWriting(core, path, 'guides.update', { ...guideInput(store.id), id: guide.id });
    expect(error.fields).toEqual([{ field: 'storeId', rule: 'archivedStore', params: { store: '上海静安嘉里店' } }]);
  });

  it("refuses to change a guide's staff number to one in use and leaves the guide as it was", async () => {
    const { core, path, store } = await withStore();
    await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '001' }));
    const second = await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '002', name: '李婷' }));
    const error = await refusedWithoutWriting(core, path, 'guides.update', {
      ...guideInput(store.id, { staffNo: '001', name: '李婷' }),
      id: second.id,
    });
    expect(error.code).toBe('CONFLICT');
    expect(await callOk(core, 'guides.get', { id: second.id })).toEqual(second);
  });

  it('archives a guide without deleting them, and restores them', async () => {
    const { core, store } = await withStore();
    const guide = await callOk(core, 'guides.create', guideInput(store.id));
    const archived = await callOk(core, 'guides.archive', { id: guide.id });
    expect(archived.status).toBe('archived');
    expect(await callOk(core, 'guides.list')).toEqual([archived]);
    expect((await callOk(core, 'stores.get', { id: store.id })).store.activeGuides).toBe(0);

    expect((await callOk(core, 'guides.restore', { id: guide.id })).status).toBe('active');
    expect((await callOk(core, 'stores.get', { id: store.id })).store.activeGuides).toBe(1);
  });

  it('lists the guides of one store only when asked', async () => {
    const { core, store } = await withStore();
    const other = await callOk(core, 'stores.create', storeInput({ code: 'SH002', name: '上海徐汇日月光店' }));
    await callOk(core, 'guides.create', guideInput(store.id, { staffNo: '001' }));
    await callOk(core, 'guides.create', guideInput(other.id, { staffNo: '002', name: '李婷' }));
    expect((await callOk(core, 'guides.list', { storeId: other.id })).map((g) => g.name)).toEqual(['李婷']);
    expect(await callOk(core, 'guides.list')).toHaveLength(2);
  });
});

describe('preferences', () => {
  it('changes only what a patch names: choosing dark keeps English', async () => {
    const core = createTestCore();
    await callOk(core, 'preferences.update', { locale: 'en' });
    const after = await callOk(core, 'preferences.update', { theme: 'dark' });
    expect(after).toMatchObject({ locale: 'en', theme: 'dark', changeColors: 'upGreen' });
    await callOk(core, 'preferences.update', { hiddenColumns: { stores: ['city'] } });
    expect(await callOk(core, 'preferences.get')).toMatchObject({
      locale: 'en',
      theme: 'dark',
      hiddenColumns: { stores: ['city'] },
    });
  });
});
