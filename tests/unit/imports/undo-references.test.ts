import { describe, expect, it } from 'vitest';
import { referencesTo, referencesToRow } from '../../../src/core/db/references';
import { newId } from '../../../src/core/ids';
import { callOk, createTestCore, fixedNow, type TestCore } from '../helpers/test-core';
import { rosterExport, textCell } from './helpers/import-files';

/*
 * Undo finds what refers to a guide or store from the schema's foreign keys. Tables a later
 * version may add (exam results, checklist ticks) are made here, without a migration, on the
 * workspace's own connection; undoing a roster import must then keep the rows they use, never fail.
 */

async function rosterImport(): Promise<{ core: TestCore; importId: string }> {
  const core = createTestCore({ now: fixedNow });
  await callOk(core, 'workspace.create', { name: '引用测试', region: '华东' });
  await callOk(core, 'stores.create', { code: 'SH001', name: '上海静安店', region: '华东', storeType: 'direct' });
  const bytes = rosterExport([
    [textCell('010001'), '王芳', 'SH001', '上海静安店', '导购', '2025-05-06', null, null, '在职'],
    [textCell('010002'), '李娜', 'SH009', '上海新天地店', '导购', '2025-05-06', null, null, '在职'],
    [textCell('010003'), '张伟', 'SH010', '上海徐家汇店', '导购', '2025-05-06', null, null, '在职'],
  ]);
  const upload = await callOk(core, 'imports.upload', {
    fileName: '花名册.xlsx',
    contentBase64: Buffer.from(bytes).toString('base64'),
  });
  const report = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: { createMissing: true } });
  expect(report.rows).toMatchObject({ imported: 3, rejected: 0 });
  return { core, importId: report.importId! };
}

function addLaterTables(core: TestCore): void {
  const db = core.session.requireDb();
  db.connection.exec(`
    CREATE TABLE exam_results (id TEXT PRIMARY KEY, guide_id TEXT NOT NULL REFERENCES guides (id), score INTEGER);
    CREATE TABLE checklist_ticks (id TEXT PRIMARY KEY, store_id TEXT NOT NULL REFERENCES stores (id) ON DELETE CASCADE, item TEXT);
  `);
}

const idOf = (core: TestCore, sql: string, value: string) =>
  core.session.requireDb().get<{ id: string }>(sql, [value])!.id;

describe('references from the schema', () => {
  it('lists every column that references a table, including tables added later', async () => {
    const { core } = await rosterImport();
    const db = core.session.requireDb();
    const before = referencesTo(db, 'guides').map(({ table, column }) => `${table}.${column}`);
    expect(before).toEqual(
      expect.arrayContaining(['sales_facts.guide_id', 'contact_facts.guide_id', 'activity_facts.guide_id']),
    );
    expect(before).not.toContain('exam_results.guide_id');
    addLaterTables(core);
    expect(referencesTo(db, 'guides').map(({ table, column }) => `${table}.${column}`)).toEqual([
      ...before.filter((name) => name < 'exam_results'),
      'exam_results.guide_id',
      ...before.filter((name) => name > 'exam_results'),
    ]);
    expect(referencesTo(db, 'stores')).toContainEqual({
      table: 'checklist_ticks',
      column: 'store_id',
      onDelete: 'CASCADE',
    });
    expect(referencesTo(db, 'stores')).toContainEqual(expect.objectContaining({ table: 'guides', column: 'store_id' }));
    const guideId = idOf(core, 'SELECT id FROM guides WHERE staff_no = ?', '010001');
    expect(referencesToRow(db, 'guides', guideId)).toEqual([]);
  });

  it('undoes a roster import whose guide and store a new table refers to, keeping them archived', async () => {
    const { core, importId } = await rosterImport();
    addLaterTables(core);
    const db = core.session.requireDb();
    const examined = idOf(core, 'SELECT id FROM guides WHERE staff_no = ?', '010002');
    const ticked = idOf(core, 'SELECT id FROM stores WHERE code = ?', 'SH010');
    db.run('INSERT INTO exam_results (id, guide_id, score) VALUES (?, ?, 92)', [newId(), examined]);
    db.run("INSERT INTO checklist_ticks (id, store_id, item) VALUES (?, ?, '陈列检查')", [newId(), ticked]);

    const undone = await callOk(core, 'imports.undo', { id: importId });
    expect(undone.undoneAt).toBe(fixedNow.toISOString());
    expect(core.internalErrors).toEqual([]);

    const rows = (sql: string) => db.all<Record<string, unknown>>(sql);
    // Nothing refers to 010001: it goes. 010002 has an exam result and stays, archived, as does
    // its store SH009 (the guide still refers to it); SH010 has a tick (a cascading key would
    // take the tick with it), so it stays too, while its guide 010003 goes.
    expect(rows('SELECT staff_no, archived_at FROM guides ORDER BY staff_no')).toEqual([
      { staff_no: '010002', archived_at: fixedNow.toISOString() },
    ]);
    expect(rows('SELECT code, archived_at FROM stores ORDER BY code')).toEqual([
      { code: 'SH001', archived_at: null },
      { code: 'SH009', archived_at: fixedNow.toISOString() },
      { code: 'SH010', archived_at: fixedNow.toISOString() },
    ]);
    expect(rows('SELECT score FROM exam_results')).toEqual([{ score: 92 }]);
    expect(rows('SELECT item FROM checklist_ticks')).toEqual([{ item: '陈列检查' }]);
  });
});
