import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import { describePaddingFlag, type PaddingFlag } from '../../../src/shared/review/padding-signals';
import type { Review } from '../../../src/shared/review/review-schema';
import { storedFlagSchema } from '../../../src/shared/review/stored-flags';
import { buildTestCore, callError, callOk, fixedNow } from '../helpers/test-core';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { posExport } from '../imports/helpers/import-files';
import { fixedRule, insertFacts, queryWorkspace } from '../tiers/helpers';
import { findRow, loadWorkbook, reviewWorkspace, sheetRows, week } from './helpers';

/* SH003's W47 net sales are 75000 fen (¥750) before the late facts below. */

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const netSales = (review: { stores: { code: string; current: { netSalesFen: number | null } }[] }, code: string) =>
  review.stores.find((store) => store.code === code)?.current.netSalesFen;

describe('review snapshots', () => {
  it('exports version 1 and shows it as the latest snapshot, equal to the live review', async () => {
    const { core, path } = await reviewWorkspace();
    const exported = await callOk(core, 'review.export', { week });
    expect(exported.fileName).toBe('分层测试-周复盘-2026-W47-v1.xlsx');
    expect(exported.snapshot).toMatchObject({
      week,
      version: 1,
      createdAt: fixedNow.toISOString(),
      fileName: exported.fileName,
    });
    expect(Buffer.from(exported.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');

    const state = await callOk(core, 'review.get', { week });
    expect(state.snapshots).toEqual([exported.snapshot]);
    expect(state.latestSnapshot).toEqual(state.live);
    expect(state.liveDiffers).toBe(false);
    // Stored in the workspace file, the whole document.
    const rows = queryWorkspace<{ id: string; version: number; file_name: string; content: string }>(
      path,
      'SELECT id, version, file_name, content FROM review_snapshots',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: exported.snapshot.id, version: 1, file_name: exported.fileName });
    expect(JSON.parse(rows[0]?.content ?? 'null')).toEqual(state.live);
    // Other weeks have no snapshot.
    expect(await callOk(core, 'review.get', { week: '2026-W46' })).toMatchObject({
      snapshots: [],
      latestSnapshot: null,
      liveDiffers: false,
    });
  });

  it('keeps what was sent after later facts, says the live figures differ, and makes version 2 on the next export', async () => {
    const { core, path } = await reviewWorkspace();
    const first = await callOk(core, 'review.export', { week });
    const sent = (await callOk(core, 'review.get', { week })).live;

    // A late fact written by another process: SH003 sells ¥100 more on Sunday.
    insertFacts(path, [
      {
        kind: 'sales',
        fileName: '补录.xlsx',
        createdAt: '2026-11-23T11:00:00.000Z',
        sales: [{ store: 'SH003', guide: '030001', date: '2026-11-22', channel: 'pos', grossFen: 10000 }],
      },
    ]);
    const after = await callOk(core, 'review.get', { week });
    expect(after.latestSnapshot).toEqual(sent);
    expect(netSales(after.latestSnapshot!, 'SH003')).toBe(75000);
    expect(netSales(after.live, 'SH003')).toBe(85000);
    expect(after.liveDiffers).toBe(true);
    expect(after.snapshots).toEqual([first.snapshot]);

    // The stored document is what review.snapshot returns, and its workbook still shows ¥750.
    const stored = await callOk(core, 'review.snapshot', { id: first.snapshot.id });
    expect(stored).toEqual({ info: first.snapshot, review: sent });
    const workbook = await callOk(core, 'review.snapshotWorkbook', { id: first.snapshot.id });
    expect(workbook.fileName).toBe('分层测试-周复盘-2026-W47-v1.xlsx');
    const stores = (await loadWorkbook(workbook.contentBase64)).getWorksheet('门店')!;
    expect(findRow(stores, 'SH003').getCell(7).value).toBe(750);

    // Export again: version 2, now equal to the live figures.
    const second = await callOk(core, 'review.export', { week });
    expect(second.snapshot).toMatchObject({ version: 2, fileName: '分层测试-周复盘-2026-W47-v2.xlsx' });
    expect(second.snapshot.id).not.toBe(first.snapshot.id);
    const latest = await callOk(core, 'review.get', { week });
    expect(latest.snapshots.map((snapshot) => snapshot.version)).toEqual([2, 1]);
    expect(netSales(latest.latestSnapshot!, 'SH003')).toBe(85000);
    expect(latest.liveDiffers).toBe(false);
    // Version 1 is still there, unchanged.
    expect((await callOk(core, 'review.snapshot', { id: first.snapshot.id })).review).toEqual(sent);
    const secondBook = (await loadWorkbook(second.contentBase64)).getWorksheet('门店')!;
    expect(findRow(secondBook, 'SH003').getCell(7).value).toBe(850);
    expect(core.internalErrors).toEqual([]);
  });

  it('says the live figures differ after a real import, and not after it is undone', async () => {
    const { core } = await reviewWorkspace();
    await callOk(core, 'review.export', { week });
    const upload = await callOk(core, 'imports.upload', {
      fileName: '补录销售.xlsx',
      contentBase64: toBase64(
        posExport([
          { date: '2026-11-20', storeCode: 'SH004', staffNo: '040001', channel: '门店', orders: 1, grossSales: 300 },
        ]),
      ),
    });
    const committed = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    const state = await callOk(core, 'review.get', { week });
    expect(state.liveDiffers).toBe(true);
    expect(netSales(state.live, 'SH004')).toBe(30000);
    expect(netSales(state.latestSnapshot!, 'SH004')).toBeNull();

    await callOk(core, 'imports.undo', { id: committed.importId as string });
    expect((await callOk(core, 'review.get', { week })).liveDiffers).toBe(false);
  });

  it('does not count a change of notes alone as a difference, but keeps the notes that were sent', async () => {
    const { core } = await reviewWorkspace();
    await callOk(core, 'review.saveNotes', { week, notes: { overall: { highlights: '发出去的备注' }, stores: [] } });
    await callOk(core, 'review.export', { week });
    await callOk(core, 'review.saveNotes', { week, notes: { overall: { highlights: '后来改的备注' }, stores: [] } });
    const state = await callOk(core, 'review.get', { week });
    expect(state.liveDiffers).toBe(false);
    expect(state.live.notes.overall.highlights).toBe('后来改的备注');
    expect(state.latestSnapshot?.notes.overall.highlights).toBe('发出去的备注');
  });

  it('does not count renaming a tier as a difference; a new tier rule is one', async () => {
    const { core } = await reviewWorkspace();
    await callOk(core, 'review.export', { week });
    await callOk(core, 'tiers.updateProfiles', {
      grid: '2x2',
      profiles: [{ tier: 'D', name: '重点帮扶店', playbook: '', checklist: [] }],
    });
    const renamed = await callOk(core, 'review.get', { week });
    expect(renamed.live.overview.tierCounts[3]).toMatchObject({ tier: 'D', name: '重点帮扶店' });
    expect(renamed.latestSnapshot?.overview.tierCounts[3]).toMatchObject({ tier: 'D', name: '重点帮扶' });
    expect(renamed.latestSnapshot?.tierNames.D).toBe('重点帮扶');
    expect(renamed.liveDiffers).toBe(false);

    // Fixed targets of ¥1,000 and 20 % from this week: SH005 (¥1,200, 25 %) becomes A.
    await callOk(core, 'tiers.changeRule', { rule: fixedRule, scope: { mode: 'fromWeek', week } });
    const rule = await callOk(core, 'review.get', { week });
    expect(rule.live.stores.find((store) => store.code === 'SH005')?.tier).toBe('A');
    expect(rule.latestSnapshot?.stores.find((store) => store.code === 'SH005')?.tier).toBe('D');
    expect(rule.liveDiffers).toBe(true);
  });

  it('keeps the snapshots in the workspace file across a restart of the app', async () => {
    const dataDir = makeTempDir();
    try {
      const { core, path } = await reviewWorkspace();
      const exported = await callOk(core, 'review.export', { week });
      const sent = (await callOk(core, 'review.get', { week })).live;
      core.close();
      const reopened = buildTestCore({ dataDir });
      try {
        await callOk(reopened, 'workspace.open', { path });
        const state = await callOk(reopened, 'review.get', { week });
        expect(state.snapshots).toEqual([exported.snapshot]);
        expect(state.latestSnapshot).toEqual(sent);
        expect(state.liveDiffers).toBe(false);
      } finally {
        reopened.close();
      }
    } finally {
      removeDir(dataDir);
    }
  });

  it('answers NOT_FOUND for a snapshot that does not exist', async () => {
    const { core } = await reviewWorkspace();
    expect((await callError(core, 'review.snapshot', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe('NOT_FOUND');
    expect((await callError(core, 'review.snapshotWorkbook', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('snapshots exported by earlier versions', () => {
  // How versions before flags carried their figures wrote a flag: the Chinese sentence itself.
  const sentenceOf = (flag: PaddingFlag) => {
    const p = flag.params;
    return flag.code === 'highLossRate'
      ? `流失率 ${p.lossRate}%（新增 ${p.newContacts}，流失 ${p.lostContacts}），达到 ${p.threshold}% 且新增 ≥ ${p.minNewContacts}`
      : `新增客户 ${p.newContacts}，是前 ${p.weeks} 周中位数 ${p.median} 的 ${p.multiple} 倍，且高于本店 P${p.percentile}（${p.storeValue}）`;
  };

  it('open with their flags read in either language, the same workbook, and no difference from the same facts', async () => {
    const { core, path } = await reviewWorkspace();
    const exported = await callOk(core, 'review.export', { week });
    const live = (await callOk(core, 'review.get', { week })).live;
    const flagged = live.guides.filter((guide) => guide.flags.length > 0);
    expect(flagged.flatMap((guide) => guide.flags.map((flag) => flag.code)).sort()).toEqual([
      'highLossRate',
      'newContactsSpike',
    ]);
    // The document as such a version stored it: sentences in place of the flags' figures, and
    // its fields in that version's order.
    const { overview, stores, guides, movers, gaps, tierNames, notes, ...head } = live;
    const old = {
      ...head,
      overview,
      stores,
      guides: guides.map((guide) => ({
        ...guide,
        flags: guide.flags.map((flag) => ({ code: flag.code, message: sentenceOf(flag), numbers: flag.numbers })),
      })),
      movers,
      gaps,
      tierNames,
      notes,
    };
    const db = Database.open(path);
    try {
      db.run('UPDATE review_snapshots SET content = ? WHERE id = ?', [JSON.stringify(old), exported.snapshot.id]);
    } finally {
      db.close();
    }

    const { review } = await callOk(core, 'review.snapshot', { id: exported.snapshot.id });
    const withoutParams = (review: Review) =>
      review.guides.map((guide) => ({ ...guide, flags: guide.flags.map(({ code, numbers }) => ({ code, numbers })) }));
    expect(withoutParams(review)).toEqual(withoutParams(live));
    expect({ ...review, guides: [] }).toEqual({ ...live, guides: [] });
    review.guides.forEach((guide, index) =>
      guide.flags.forEach((flag, at) => {
        const sent = live.guides[index]?.flags[at] as PaddingFlag;
        expect(describePaddingFlag('zh-CN', flag)).toBe(sentenceOf(sent));
        expect(describePaddingFlag('en', flag)).toBe(describePaddingFlag('en', sent));
      }),
    );

    const state = await callOk(core, 'review.get', { week });
    expect(state.latestSnapshot?.guides.map((guide) => guide.flags.length)).toEqual(
      live.guides.map((guide) => guide.flags.length),
    );
    expect(state.liveDiffers).toBe(false);

    const rebuilt = await callOk(core, 'review.snapshotWorkbook', { id: exported.snapshot.id });
    const sheetValues = async (base64: string) =>
      sheetRows((await loadWorkbook(Buffer.from(base64, 'base64'))).getWorksheet('导购') as ExcelJS.Worksheet);
    expect(await sheetValues(rebuilt.contentBase64)).toEqual(await sheetValues(exported.contentBase64));
  });

  it('read a sentence in no wording this version knows with the numbers the flag kept', () => {
    const numbers = { lossRate: 0.5, newContacts: 30, lostContacts: null };
    expect(storedFlagSchema.parse({ code: 'highLossRate', message: '流失率很高', numbers })).toEqual({
      code: 'highLossRate',
      params: { lossRate: 0.5, newContacts: 30 },
      numbers,
    });
  });
});
