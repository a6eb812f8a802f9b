import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import { callOk, createTestCore, fixedNow, type TestCore } from '../helpers/test-core';
import { rosterExport, textCell } from './helpers/import-files';

/*
 * Undoing a roster import after someone worked on the guides and stores it wrote. Everything goes
 * through the dispatcher on a real workspace file, with the clock pinned: the hand edits happen
 * at the same instant as the import, so only the field values can tell them apart.
 */

interface RosterWorkspace {
  core: TestCore;
  path: string;
  importId: string;
  guideId: (staffNo: string) => string;
  guideRow: (staffNo: string) => Record<string, unknown> | undefined;
}

/**
 * An empty workspace with store SH001 and guide 010001 (phone 13800000001), then a roster that
 * makes 010001 a manager with a new phone and WeCom account, adds 010002, and adds 010003 in a
 * new store SH009.
 */
async function importedRoster(): Promise<RosterWorkspace> {
  const core = createTestCore({ now: fixedNow });
  const info = await callOk(core, 'workspace.create', { name: '撤销测试', region: '华东' });
  const store = await callOk(core, 'stores.create', {
    code: 'SH001',
    name: '上海静安店',
    region: '华东区',
    storeType: 'direct',
  });
  await callOk(core, 'guides.create', {
    staffNo: '010001',
    name: '王芳',
    storeId: store.id,
    role: 'guide',
    hireDate: '2024-03-01',
    phone: '13800000001',
  });
  const bytes = rosterExport([
    [
      textCell('010001'),
      '王芳',
      'SH001',
      '上海静安店',
      '店长',
      '2024-03-01',
      textCell('13900000001'),
      'wangfang',
      '在职',
    ],
    [textCell('010002'), '李娜', 'SH001', '上海静安店', '导购', '2025-05-06', textCell('13700000002'), null, '在职'],
    [textCell('010003'), '张伟', 'SH009', '上海新天地店', '导购', '2025-05-06', null, null, '在职'],
  ]);
  const upload = await callOk(core, 'imports.upload', {
    fileName: '花名册.xlsx',
    contentBase64: Buffer.from(bytes).toString('base64'),
  });
  const report = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: { createMissing: true } });
  expect(report.rows).toMatchObject({ imported: 2, updated: 1, rejected: 0 });
  const db = core.session.requireDb();
  const guideRow = (staffNo: string) =>
    db.get<Record<string, unknown>>('SELECT * FROM guides WHERE staff_no = ?', [staffNo]);
  return {
    core,
    path: info.path,
    importId: report.importId!,
    guideRow,
    guideId: (staffNo) => String(guideRow(staffNo)?.id),
  };
}

/** Changes a guide's phone in the guides page's way: guides.update with every other field as it is. */
async function editPhone(core: TestCore, id: string, phone: string): Promise<void> {
  const guide = await callOk(core, 'guides.get', { id });
  await callOk(core, 'guides.update', {
    id,
    staffNo: guide.staffNo,
    name: guide.name,
    storeId: guide.storeId,
    role: guide.role,
    hireDate: guide.hireDate,
    phone,
    wecomAccount: guide.wecomAccount,
    employment: guide.employment,
    leftOn: guide.leftOn,
  });
}

describe('undoing a roster import after hand edits', () => {
  it('lists the guide and the field edited since the import', async () => {
    const ws = await importedRoster();
    expect((await callOk(ws.core, 'imports.describeUndo', { id: ws.importId })).laterEdits).toEqual([]);
    await editPhone(ws.core, ws.guideId('010001'), '13611112222');

    const plan = await callOk(ws.core, 'imports.describeUndo', { id: ws.importId });
    expect(plan.laterEdits).toEqual([
      {
        table: 'guides',
        id: ws.guideId('010001'),
        label: '010001 王芳',
        inserted: false,
        fieldsKnown: true,
        fields: [{ field: 'phone', imported: '13900000001', current: '13611112222', restore: '13800000001' }],
      },
    ]);
    expect(plan).toMatchObject({ blockedBy: null, restores: 1 });
  });

  it('keeps the later phone by default and undoes everything else', async () => {
    const ws = await importedRoster();
    const before = ws.guideRow('010001');
    await editPhone(ws.core, ws.guideId('010001'), '13611112222');

    const undone = await callOk(ws.core, 'imports.undo', { id: ws.importId });
    expect(undone.undoneAt).toBe(fixedNow.toISOString());
    expect(ws.guideRow('010001')).toMatchObject({
      phone: '13611112222',
      role: 'guide',
      wecom_account: null,
      updated_at: fixedNow.toISOString(),
    });
    expect(before).toMatchObject({ phone: '13900000001', role: 'manager', wecom_account: 'wangfang' });
    // Rows nobody touched since are undone as before: removed.
    expect(ws.guideRow('010002')).toBeUndefined();
    expect(ws.guideRow('010003')).toBeUndefined();
    expect(ws.core.session.requireDb().get("SELECT 1 FROM stores WHERE code = 'SH009'")).toBeUndefined();
    expect(ws.core.internalErrors).toEqual([]);
  });

  it('puts the earlier phone back when told to overwrite later edits', async () => {
    const ws = await importedRoster();
    await editPhone(ws.core, ws.guideId('010001'), '13611112222');
    await callOk(ws.core, 'imports.undo', { id: ws.importId, overwriteLaterEdits: true });
    expect(ws.guideRow('010001')).toMatchObject({ phone: '13800000001', role: 'guide', wecom_account: null });
  });

  it('archives a guide and a store the import created and someone edited since, unless told to overwrite', async () => {
    for (const overwrite of [false, true]) {
      const ws = await importedRoster();
      await editPhone(ws.core, ws.guideId('010002'), '13755556666');
      const created = ws.core.session.requireDb().get<{ id: string }>("SELECT id FROM stores WHERE code = 'SH009'")!;
      await callOk(ws.core, 'stores.setPilotWaves', { changes: [{ id: created.id, pilotWave: 'pilot' }] });

      // In the file's order: 010002 is row 2; SH009 is created for 010003 on row 3.
      const plan = await callOk(ws.core, 'imports.describeUndo', { id: ws.importId });
      expect(plan.laterEdits).toEqual([
        {
          table: 'guides',
          id: ws.guideId('010002'),
          label: '010002 李娜',
          inserted: true,
          fieldsKnown: true,
          fields: [{ field: 'phone', imported: '13700000002', current: '13755556666', restore: null }],
        },
        {
          table: 'stores',
          id: created.id,
          label: 'SH009 上海新天地店',
          inserted: true,
          fieldsKnown: true,
          fields: [{ field: 'pilotWave', imported: 'none', current: 'pilot', restore: null }],
        },
      ]);

      await callOk(ws.core, 'imports.undo', { id: ws.importId, overwriteLaterEdits: overwrite });
      const db = ws.core.session.requireDb();
      if (overwrite) {
        expect(ws.guideRow('010002')).toBeUndefined();
        expect(db.get("SELECT 1 FROM stores WHERE code = 'SH009'")).toBeUndefined();
      } else {
        expect(ws.guideRow('010002')).toMatchObject({ phone: '13755556666', archived_at: fixedNow.toISOString() });
        expect(db.get("SELECT pilot_wave, archived_at FROM stores WHERE code = 'SH009'")).toEqual({
          pilot_wave: 'pilot',
          archived_at: fixedNow.toISOString(),
        });
      }
      // The guide nobody edited in the created store goes either way.
      expect(ws.guideRow('010003')).toBeUndefined();
      expect(db.pragma('foreign_key_check')).toBeUndefined();
    }
  });

  it('keeps a whole row edited since, for a batch imported before PilotDesk recorded what imports wrote', async () => {
    const ws = await importedRoster();
    // The batch as an older version left it, and an edit by another process an hour later.
    const other = Database.open(ws.path);
    try {
      other.run('UPDATE import_changes SET written = NULL WHERE import_id = ?', [ws.importId]);
      other.run(
        "UPDATE guides SET phone = '13611112222', updated_at = '2026-11-23T11:00:00.000Z' WHERE staff_no = '010001'",
      );
    } finally {
      other.close();
    }
    const plan = await callOk(ws.core, 'imports.describeUndo', { id: ws.importId });
    expect(plan.laterEdits).toEqual([
      {
        table: 'guides',
        id: ws.guideId('010001'),
        label: '010001 王芳',
        inserted: false,
        fieldsKnown: false,
        fields: [],
      },
    ]);
    await callOk(ws.core, 'imports.undo', { id: ws.importId });
    expect(ws.guideRow('010001')).toMatchObject({ phone: '13611112222', role: 'manager', wecom_account: 'wangfang' });
    expect(ws.guideRow('010002')).toBeUndefined();
  });
});
