import { describe, expect, it } from 'vitest';
import { Database } from '../../../src/core/db/database';
import { emptySums } from '../../../src/shared/metrics/weekly-figures';
import { callError, callOk } from '../helpers/test-core';
import { contactExport, posExport } from '../imports/helpers/import-files';
import { insertFacts } from '../tiers/helpers';
import { byKey, liveReview, reviewWorkspace, saidFlags, week } from './helpers';

/* Expected numbers: see the hand-worked figures at the top of helpers.ts. Amounts in fen. */

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const none = { ...emptySums(), netSalesFen: null, onlineShare: null, netNewContacts: null, lossRate: null };

describe('review.get: overview', () => {
  it("gives the pilot stores' week against last week, all stores beside it, and tier counts", async () => {
    const { core } = await reviewWorkspace();
    const state = await callOk(core, 'review.get', { week });
    const review = state.live;
    expect(review).toMatchObject({
      week,
      from: '2026-11-16',
      to: '2026-11-22',
      previousWeek: '2026-W46',
      workspaceName: '分层测试',
    });
    expect(review.generatedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(state).toMatchObject({ snapshots: [], latestSnapshot: null, liveDiffers: false });

    const { pilot, all } = review.overview;
    expect(pilot).toMatchObject({ storeCount: 2, storesWithSales: 2 });
    expect(pilot.current).toMatchObject({
      grossSalesFen: 650055,
      refundsFen: 30000,
      netSalesFen: 620055,
      onlineNetSalesFen: 140000,
      orders: 13,
      newMembers: null,
      newContacts: 100,
      lostContacts: 27,
      netNewContacts: 73,
      messagesSent: 300,
    });
    expect(pilot.current.onlineShare).toBeCloseTo(140000 / 620055, 12);
    expect(pilot.current.lossRate).toBeCloseTo(0.27, 12);
    expect(pilot.previous).toMatchObject({ netSalesFen: 300000, newContacts: 40, lostContacts: 5, netNewContacts: 35 });

    expect(all).toMatchObject({ storeCount: 5, storesWithSales: 4 });
    // Gross 350055 + 300000 + 80000 + 120000; refunds 10000 + 20000 + 5000 + 0.
    expect(all.current).toMatchObject({ netSalesFen: 815055, grossSalesFen: 850055, refundsFen: 35000 });
    expect(all.current.onlineNetSalesFen).toBe(40000 + 100000 + 75000 + 30000);
    expect(all.previous.netSalesFen).toBe(950000);

    expect(review.overview.grid).toBe('2x2');
    expect(review.overview.tierCounts).toEqual([
      { tier: 'A', name: '标杆', count: 1, previousCount: 1 },
      { tier: 'B', name: '线上化提升', count: 1, previousCount: 2 },
      { tier: 'C', name: '业绩提升', count: 1, previousCount: 1 },
      { tier: 'D', name: '重点帮扶', count: 1, previousCount: 0 },
      { tier: null, name: '无数据', count: 1, previousCount: 1 },
    ]);
    expect(review.tierNames).toEqual({ A: '标杆', B: '线上化提升', C: '业绩提升', D: '重点帮扶' });
    expect(core.internalErrors).toEqual([]);
  });
});

describe('review.get: stores', () => {
  it("lists every active store with its figures, last week's, tier and last week's tier", async () => {
    const { core, storeIds } = await reviewWorkspace();
    const review = await liveReview(core);
    expect(
      review.stores.map((store) => [store.code, store.name, store.pilotWave, store.tier, store.previousTier]),
    ).toEqual([
      ['SH001', '上海静安店', 'pilot', 'B', 'B'],
      ['SH002', '上海徐汇店', 'pilot', 'A', 'C'],
      ['SH003', '杭州西湖店', 'wave1', 'C', 'A'],
      ['SH004', '南京新街口店', 'none', null, 'B'],
      ['SH005', '苏州观前店', 'wave2', 'D', null],
    ]);
    const [sh001, sh002, sh003, sh004, sh005] = review.stores;
    expect(sh001?.storeId).toBe(storeIds.SH001);
    expect(sh001?.current).toEqual({
      grossSalesFen: 350055,
      refundsFen: 10000,
      onlineNetSalesFen: 40000,
      orders: 7,
      newMembers: null,
      contactRequests: 4,
      newContacts: 70,
      lostContacts: 21,
      chats: null,
      messagesSent: null,
      momentsPosts: 4,
      groupMessages: 2,
      netSalesFen: 340055,
      onlineShare: 40000 / 340055,
      netNewContacts: 49,
      lossRate: 0.3,
    });
    expect(sh001?.previous).toMatchObject({
      netSalesFen: 200000,
      onlineShare: 0,
      newContacts: 20,
      lostContacts: 0,
      netNewContacts: 20,
    });
    expect(sh002?.current).toMatchObject({
      netSalesFen: 280000,
      newContacts: 30,
      lostContacts: 6,
      netNewContacts: 24,
      messagesSent: 300,
      orders: 6,
    });
    expect(sh002?.previous).toMatchObject({
      netSalesFen: 100000,
      onlineShare: 1,
      newContacts: 20,
      lostContacts: 5,
      netNewContacts: 15,
    });
    expect(sh003?.current).toMatchObject({ netSalesFen: 75000, onlineShare: 1, newContacts: null });
    expect(sh004?.current).toEqual(none);
    expect(sh004?.previous).toMatchObject({ netSalesFen: 450000 });
    expect(sh005?.current).toMatchObject({ netSalesFen: 120000, onlineShare: 0.25 });
    expect(sh005?.previous).toEqual(none);
  });

  it('leaves an archived store out of every section', async () => {
    const { core, storeIds } = await reviewWorkspace();
    await callOk(core, 'stores.archive', { id: storeIds.SH004 as string });
    const review = await liveReview(core);
    expect(review.stores.map((store) => store.code)).toEqual(['SH001', 'SH002', 'SH003', 'SH005']);
    expect(review.overview.all.storeCount).toBe(4);
    expect(review.gaps.storesWithoutSales).toEqual([]);
    expect(review.gaps.guidesWithoutData).toEqual([]);
    expect(review.movers.tierMoves.map((move) => move.code)).toEqual(['SH002', 'SH003', 'SH005']);
  });
});

describe('review.get: guides', () => {
  it("gives every guide's figures and rank within the store, equal sales sharing a rank", async () => {
    const { core, guideIds } = await reviewWorkspace();
    const review = await liveReview(core);
    expect(
      review.guides.map((guide) => [
        guide.staffNo,
        guide.name,
        guide.storeCode,
        guide.rankInStore,
        guide.current.netSalesFen,
      ]),
    ).toEqual([
      ['010001', '王芳', 'SH001', 1, 140000],
      ['010002', '李娜', 'SH001', 1, 140000],
      ['010003', '张伟', 'SH001', 3, 60055],
      ['020001', '刘敏', 'SH002', 1, 280000],
      ['030001', '陈静', 'SH003', 1, 75000],
      ['040001', '杨强', 'SH004', null, null],
      ['050001', '赵磊', 'SH005', 1, 30000],
    ]);
    const guide = byKey(
      review.guides,
      (row) => row.staffNo,
      (row) => row,
    );
    expect(guide['010001']?.guideId).toBe(guideIds['010001']);
    expect(guide['010001']?.current).toMatchObject({
      newContacts: 30,
      lostContacts: 15,
      netNewContacts: 15,
      lossRate: 0.5,
      momentsPosts: 4,
    });
    expect(guide['010001']?.previous).toMatchObject({ netSalesFen: 200000, newContacts: null });
    expect(guide['010002']?.current).toMatchObject({
      newContacts: 0,
      lostContacts: 2,
      netNewContacts: -2,
      lossRate: null,
    });
    expect(guide['010003']?.current).toMatchObject({
      newContacts: 40,
      lostContacts: 4,
      netNewContacts: 36,
      lossRate: 0.1,
    });
    expect(guide['010003']?.previous).toMatchObject({ newContacts: 20, lostContacts: 0, netNewContacts: 20 });
    expect(guide['040001']?.previous).toMatchObject({ netSalesFen: 450000 });
  });

  it('flags the guide who lost half of 30 new contacts and the guide whose new contacts spiked, with the numbers behind each', async () => {
    const { core } = await reviewWorkspace();
    const review = await liveReview(core);
    expect(
      byKey(
        review.guides,
        (row) => row.staffNo,
        (row) => saidFlags(row.flags),
      ),
    ).toEqual({
      '010001': [
        {
          code: 'highLossRate',
          message: '流失率 50.0%（新增 30，流失 15），达到 50% 且新增 ≥ 30',
          numbers: { lossRate: 0.5, newContacts: 30, lostContacts: 15, threshold: 0.5 },
        },
      ],
      '010002': [],
      '010003': [
        {
          code: 'newContactsSpike',
          // 40 / 13 = 3.08; P90 of 0 30 40 = 38.
          message: '新增客户 40，是前 8 周中位数 13 的 3.1 倍，且高于本店 P90（38）',
          numbers: { newContacts: 40, historyMedian: 13, historyWeeks: 8, storePercentile: expect.closeTo(38, 9) },
        },
      ],
      '020001': [],
      '030001': [],
      '040001': [],
      '050001': [],
    });
  });

  it('uses the padding settings saved in the workspace', async () => {
    const { core } = await reviewWorkspace();
    expect(await callOk(core, 'review.paddingSettings')).toEqual({
      lossRate: 0.5,
      lossRateMinNewContacts: 30,
      spikeMultiple: 3,
      spikeHistoryWeeks: 8,
      spikeStorePercentile: 0.9,
      membersWithoutOrders: 20,
    });
    // Two weeks of history: W45 18, W46 20 → median 19, 3 × 19 = 57 > 40: no spike.
    // Loss rate 20 % on 20 new: 020001 (6 of 30) is flagged, 010003 (4 of 40 = 10 %) is not.
    const saved = await callOk(core, 'review.updatePaddingSettings', {
      lossRate: 0.2,
      lossRateMinNewContacts: 20,
      spikeMultiple: 3,
      spikeHistoryWeeks: 2,
      spikeStorePercentile: 0.9,
      membersWithoutOrders: 20,
    });
    expect(saved).toMatchObject({ lossRate: 0.2, lossRateMinNewContacts: 20, spikeHistoryWeeks: 2 });
    expect(await callOk(core, 'review.paddingSettings')).toEqual(saved);
    const review = await liveReview(core);
    expect(
      byKey(
        review.guides,
        (row) => row.staffNo,
        (row) => row.flags.map((flag) => flag.code),
      ),
    ).toEqual({
      '010001': ['highLossRate'],
      '010002': [],
      '010003': [],
      '020001': ['highLossRate'],
      '030001': [],
      '040001': [],
      '050001': [],
    });
    expect(saidFlags(review.guides.find((row) => row.staffNo === '020001')?.flags ?? [])[0]?.message).toBe(
      '流失率 20.0%（新增 30，流失 6），达到 20% 且新增 ≥ 20',
    );

    // A multiple of 1.5 over two weeks (1.5 × 19 = 28.5) flags 010003 again.
    await callOk(core, 'review.updatePaddingSettings', { spikeMultiple: 1.5, spikeHistoryWeeks: 2 });
    const again = await liveReview(core);
    expect(again.guides.find((row) => row.staffNo === '010003')?.flags.map((flag) => flag.numbers)).toEqual([
      { newContacts: 40, historyMedian: 19, historyWeeks: 2, storePercentile: expect.closeTo(38, 9) },
    ]);
  });

  it('refuses padding settings out of range, naming the field, and keeps the saved ones', async () => {
    const { core } = await reviewWorkspace();
    const error = await callError(core, 'review.updatePaddingSettings', { lossRate: 1.5 });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([expect.objectContaining({ field: 'lossRate', rule: 'ratioRange' })]);
    expect((await callOk(core, 'review.paddingSettings')).lossRate).toBe(0.5);
  });
});

describe('review.get: movers', () => {
  it('lists the biggest rises and falls in net sales and net new contacts, biggest first', async () => {
    const { core, storeIds, guideIds } = await reviewWorkspace();
    const { movers } = await liveReview(core);
    expect(movers.stores.netSalesFen).toEqual({
      rises: [
        { id: storeIds.SH002, label: 'SH002 上海徐汇店', delta: 180000, current: 280000, previous: 100000 },
        { id: storeIds.SH001, label: 'SH001 上海静安店', delta: 140055, current: 340055, previous: 200000 },
      ],
      falls: [{ id: storeIds.SH003, label: 'SH003 杭州西湖店', delta: -125000, current: 75000, previous: 200000 }],
    });
    expect(movers.stores.netNewContacts).toEqual({
      rises: [
        { id: storeIds.SH001, label: 'SH001 上海静安店', delta: 29, current: 49, previous: 20 },
        { id: storeIds.SH002, label: 'SH002 上海徐汇店', delta: 9, current: 24, previous: 15 },
      ],
      falls: [],
    });
    expect(movers.guides.netSalesFen).toEqual({
      rises: [
        { id: guideIds['020001'], label: '刘敏（SH002 上海徐汇店）', delta: 180000, current: 280000, previous: 100000 },
      ],
      falls: [
        { id: guideIds['030001'], label: '陈静（SH003 杭州西湖店）', delta: -125000, current: 75000, previous: 200000 },
        { id: guideIds['010001'], label: '王芳（SH001 上海静安店）', delta: -60000, current: 140000, previous: 200000 },
      ],
    });
    expect(movers.guides.netNewContacts.rises.map((mover) => [mover.label, mover.delta])).toEqual([
      ['张伟（SH001 上海静安店）', 16],
      ['刘敏（SH002 上海徐汇店）', 9],
    ]);
    expect(movers.guides.netNewContacts.falls).toEqual([]);
  });

  it('lists the stores that moved tier, up, down, in and out', async () => {
    const { core, storeIds } = await reviewWorkspace();
    const { movers } = await liveReview(core);
    expect(movers.tierMoves).toEqual([
      { storeId: storeIds.SH002, code: 'SH002', name: '上海徐汇店', from: 'C', to: 'A', direction: 'up' },
      { storeId: storeIds.SH003, code: 'SH003', name: '杭州西湖店', from: 'A', to: 'C', direction: 'down' },
      { storeId: storeIds.SH004, code: 'SH004', name: '南京新街口店', from: 'B', to: null, direction: 'out' },
      { storeId: storeIds.SH005, code: 'SH005', name: '苏州观前店', from: null, to: 'D', direction: 'in' },
    ]);
  });

  it('keeps the five biggest rises and falls when more moved', async () => {
    const { core, path, storeIds } = await reviewWorkspace();
    // Six more SH005 guides, each selling ¥10 × n more than last week (n = 1…6), and W46 net new
    // contacts for 010001 (40) and 010002 (1) so they fall.
    const extra = [1, 2, 3, 4, 5, 6].map((n) => ({ staffNo: `05010${n}`, name: `新人${n}`, n }));
    for (const guide of extra) {
      await callOk(core, 'guides.create', {
        staffNo: guide.staffNo,
        name: guide.name,
        storeId: storeIds.SH005 as string,
        role: 'guide',
        hireDate: '2024-03-01',
      });
    }
    insertFacts(path, [
      {
        kind: 'sales',
        fileName: '新人销售.xlsx',
        createdAt: '2026-11-23T04:00:00.000Z',
        sales: extra.flatMap((guide) => [
          { store: 'SH005', guide: guide.staffNo, date: '2026-11-10', channel: 'pos', grossFen: 10000 },
          {
            store: 'SH005',
            guide: guide.staffNo,
            date: '2026-11-17',
            channel: 'pos',
            grossFen: 10000 + 1000 * guide.n,
          },
        ]),
      },
      {
        kind: 'wecom-contacts',
        fileName: '企微W46.xlsx',
        createdAt: '2026-11-23T04:00:00.000Z',
        contacts: [
          { guide: '010001', from: '2026-11-09', to: '2026-11-15', newContacts: 40, lost: 0 }, // 15 − 40 = −25
          { guide: '010002', from: '2026-11-09', to: '2026-11-15', newContacts: 1, lost: 0 }, // −2 − 1 = −3
        ],
      },
    ]);
    const { movers } = await liveReview(core);
    // Rises: 020001 +180000, then the new guides +6000 … +1000: five kept.
    expect(movers.guides.netSalesFen.rises.map((mover) => [mover.label, mover.delta])).toEqual([
      ['刘敏（SH002 上海徐汇店）', 180000],
      ['新人6（SH005 苏州观前店）', 6000],
      ['新人5（SH005 苏州观前店）', 5000],
      ['新人4（SH005 苏州观前店）', 4000],
      ['新人3（SH005 苏州观前店）', 3000],
    ]);
    expect(movers.guides.netSalesFen.falls.map((mover) => mover.delta)).toEqual([-125000, -60000]);
    expect(movers.guides.netNewContacts.rises.map((mover) => mover.delta)).toEqual([16, 9]);
    expect(movers.guides.netNewContacts.falls.map((mover) => [mover.label, mover.delta])).toEqual([
      ['王芳（SH001 上海静安店）', -25],
      ['李娜（SH001 上海静安店）', -3],
    ]);
    // SH001's W46 net new is now 20 + 40 + 1 = 61: 49 − 61 = −12, a fall.
    expect(movers.stores.netNewContacts).toMatchObject({
      rises: [{ label: 'SH002 上海徐汇店', delta: 9 }],
      falls: [{ label: 'SH001 上海静安店', delta: -12 }],
    });
  });
});

describe('review.get: data gaps', () => {
  it('lists the store without sales, stores with part of the week, stores without contacts and the guide without data', async () => {
    const { core, storeIds, guideIds } = await reviewWorkspace();
    const { gaps } = await liveReview(core);
    expect(gaps).toEqual({
      storesWithoutSales: [{ storeId: storeIds.SH004, code: 'SH004', name: '南京新街口店' }],
      storesWithPartialSales: [
        { storeId: storeIds.SH001, code: 'SH001', name: '上海静安店', salesDays: 4 },
        { storeId: storeIds.SH002, code: 'SH002', name: '上海徐汇店', salesDays: 2 },
        { storeId: storeIds.SH003, code: 'SH003', name: '杭州西湖店', salesDays: 2 },
        { storeId: storeIds.SH005, code: 'SH005', name: '苏州观前店', salesDays: 1 },
      ],
      storesWithoutContacts: [
        { storeId: storeIds.SH003, code: 'SH003', name: '杭州西湖店' },
        { storeId: storeIds.SH004, code: 'SH004', name: '南京新街口店' },
        { storeId: storeIds.SH005, code: 'SH005', name: '苏州观前店' },
      ],
      guidesWithoutData: [{ guideId: guideIds['040001'], staffNo: '040001', name: '杨强', storeCode: 'SH004' }],
      importsWithRejectedRows: [],
    });
  });

  it('does not count a week of seven sales days as partial, nor a guide who has left', async () => {
    const { core, path, guideIds, storeIds } = await reviewWorkspace();
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    insertFacts(path, [
      {
        kind: 'sales',
        fileName: 'SH005全周.xlsx',
        createdAt: '2026-11-23T04:00:00.000Z',
        sales: days.map((date) => ({ store: 'SH005', guide: '050001', date, channel: 'pos', grossFen: 100 })),
      },
    ]);
    await callOk(core, 'guides.update', {
      id: guideIds['040001'] as string,
      staffNo: '040001',
      name: '杨强',
      storeId: storeIds.SH004 as string,
      employment: 'left',
      leftOn: '2026-11-10',
    });
    const { gaps } = await liveReview(core);
    expect(gaps.storesWithPartialSales.map((store) => store.code)).toEqual(['SH001', 'SH002', 'SH003']);
    expect(gaps.guidesWithoutData).toEqual([]);
  });

  it('lists an import of this week that left rows out, and not one of another week or one undone', async () => {
    const { core } = await reviewWorkspace();
    const importPos = async (fileName: string, rows: Parameters<typeof posExport>[0]) => {
      const upload = await callOk(core, 'imports.upload', { fileName, contentBase64: toBase64(posExport(rows)) });
      return callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    };
    // W47: one good row for SH004 (which had no sales) and one amount that is no number.
    const late = await importPos('补录销售.xlsx', [
      { date: '2026-11-22', storeCode: 'SH004', staffNo: '040001', channel: '门店', orders: 1, grossSales: 500 },
      { date: '2026-11-22', storeCode: 'SH004', staffNo: '040001', channel: '小程序', orders: 1, grossSales: '约一千' },
    ]);
    expect(late.rows).toMatchObject({ read: 2, imported: 1, rejected: 1 });
    // W45 only: a rejected row, but nothing this week.
    const old = await importPos('旧销售.xlsx', [
      { date: '2026-11-03', storeCode: 'SH001', staffNo: '010001', channel: '门店', orders: 1, grossSales: 10 },
      { date: '2026-11-03', storeCode: 'SH001', staffNo: '010001', channel: '小程序', orders: 1, grossSales: '很多' },
    ]);
    expect(old.rows).toMatchObject({ imported: 1, rejected: 1 });
    // W47 with rejected rows, then undone.
    const undone = await importPos('撤销的.xlsx', [
      { date: '2026-11-21', storeCode: 'SH005', staffNo: '050001', channel: '门店', orders: 1, grossSales: 20 },
      { date: '2026-11-21', storeCode: 'SH005', staffNo: '050001', channel: '小程序', orders: 1, grossSales: 'x' },
      { date: '2026-11-21', storeCode: 'SH005', staffNo: '050001', channel: 'app', orders: 1, grossSales: 'y' },
    ]);
    expect(undone.rows).toMatchObject({ imported: 1, rejected: 2 });
    await callOk(core, 'imports.undo', { id: undone.importId as string });

    const { gaps, stores } = await liveReview(core);
    expect(gaps.importsWithRejectedRows).toEqual([
      {
        importId: late.importId,
        kind: 'sales',
        fileName: '补录销售.xlsx',
        createdAt: '2026-11-23T10:00:00.000Z',
        rejected: 1,
      },
    ]);
    // The good row filled SH004's gap and 040001's: one day of sales now.
    expect(gaps.storesWithoutSales).toEqual([]);
    expect(gaps.storesWithPartialSales.find((store) => store.code === 'SH004')?.salesDays).toBe(1);
    expect(gaps.guidesWithoutData).toEqual([]);
    expect(stores.find((store) => store.code === 'SH004')?.current.netSalesFen).toBe(50000);
    expect(core.internalErrors).toEqual([]);
  });

  it("lists a real WeCom contact import for this week with an unknown member, and fills the store's contact gap", async () => {
    const { core } = await reviewWorkspace();
    const bytes = contactExport(
      [
        ['陈静', '品牌/华东区/杭州西湖店', 6, 5, 15, 60, '80.00%', '10分钟', 1],
        ['查无此人', '品牌/华东区/杭州西湖店', 3, 2, 6, 24, '50.00%', '8分钟', 0],
      ],
      { period: { from: '2026-11-16', to: '2026-11-22' } },
    );
    const upload = await callOk(core, 'imports.upload', {
      fileName: '联系客户统计W47.xlsx',
      contentBase64: toBase64(bytes),
    });
    const committed = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    expect(committed.rows).toMatchObject({ read: 2, imported: 1, rejected: 1 });
    const { gaps, guides } = await liveReview(core);
    expect(gaps.importsWithRejectedRows).toEqual([
      {
        importId: committed.importId,
        kind: 'wecom-contacts',
        fileName: '联系客户统计W47.xlsx',
        createdAt: '2026-11-23T10:00:00.000Z',
        rejected: 1,
      },
    ]);
    expect(gaps.storesWithoutContacts.map((store) => store.code)).toEqual(['SH004', 'SH005']);
    expect(guides.find((guide) => guide.staffNo === '030001')?.current).toMatchObject({
      newContacts: 5,
      lostContacts: 1,
      netNewContacts: 4,
    });

    // Undone, it is gone from the gaps (its period still says W47) and SH003 has no contacts again.
    await callOk(core, 'imports.undo', { id: committed.importId as string });
    const after = (await liveReview(core)).gaps;
    expect(after.importsWithRejectedRows).toEqual([]);
    expect(after.storesWithoutContacts.map((store) => store.code)).toEqual(['SH003', 'SH004', 'SH005']);
  });

  it('lists a contact import whose period is this week, even when its good rows are for other weeks', async () => {
    const { core, path } = await reviewWorkspace();
    // A batch as the importer writes it: the period in its summary, rows left out.
    const db = Database.open(path);
    try {
      db.run(
        `INSERT INTO import_batches (id, kind, source, file_name, file_hash, summary, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`,
        [
          '01JZZZZZZZZZZZZZZZZZZZZZZZ',
          'wecom-contacts',
          'test',
          '企微W47.xlsx',
          JSON.stringify({
            rows: { read: 3, imported: 0, updated: 0, unchanged: 1, rejected: 2 },
            period: { from: '2026-11-16', to: '2026-11-22' },
          }),
          '2026-11-23T05:00:00.000Z',
        ],
      );
    } finally {
      db.close();
    }
    const { gaps } = await liveReview(core);
    expect(gaps.importsWithRejectedRows).toEqual([
      {
        importId: '01JZZZZZZZZZZZZZZZZZZZZZZZ',
        kind: 'wecom-contacts',
        fileName: '企微W47.xlsx',
        createdAt: '2026-11-23T05:00:00.000Z',
        rejected: 2,
      },
    ]);
    // The week before knows nothing of it.
    expect((await liveReview(core, '2026-W46')).gaps.importsWithRejectedRows).toEqual([]);
  });
});

describe('review notes', () => {
  it('saves overall and per-store notes and returns them in the review', async () => {
    const { core, storeIds } = await reviewWorkspace();
    const notes = {
      overall: { highlights: '整体净增客户 +73', problems: '南京新街口店没有销售数据', actions: '周三前补齐销售导入' },
      stores: [
        {
          storeId: storeIds.SH001 as string,
          note: { highlights: '', problems: '王芳流失率 50%', actions: '店长复核加粉来源' },
        },
        { storeId: storeIds.SH003 as string, note: { highlights: '线上占比 100%', problems: '', actions: '' } },
        // All empty: dropped.
        { storeId: storeIds.SH005 as string, note: { highlights: '', problems: '', actions: '' } },
      ],
    };
    const saved = await callOk(core, 'review.saveNotes', { week, notes });
    const expected = {
      overall: notes.overall,
      stores: notes.stores.slice(0, 2).sort((a, b) => a.storeId.localeCompare(b.storeId)),
    };
    expect(saved).toEqual(expected);
    expect((await liveReview(core)).notes).toEqual(expected);
    // Notes belong to their week.
    expect((await liveReview(core, '2026-W46')).notes).toEqual({
      overall: { highlights: '', problems: '', actions: '' },
      stores: [],
    });

    // Saving again replaces the week's notes: SH003's goes.
    const replaced = await callOk(core, 'review.saveNotes', {
      week,
      notes: { overall: { highlights: '改过了' }, stores: [] },
    });
    expect(replaced).toEqual({ overall: { highlights: '改过了', problems: '', actions: '' }, stores: [] });
    expect((await liveReview(core)).notes).toEqual(replaced);
  });

  it('refuses a note for a store that does not exist, naming the field, and keeps the notes there were', async () => {
    const { core, storeIds } = await reviewWorkspace();
    await callOk(core, 'review.saveNotes', { week, notes: { overall: { highlights: '原来的' }, stores: [] } });
    const error = await callError(core, 'review.saveNotes', {
      week,
      notes: {
        overall: { highlights: '新的' },
        stores: [
          { storeId: storeIds.SH001, note: { problems: '有' } },
          { storeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', note: { problems: '不存在的门店' } },
        ],
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([expect.objectContaining({ field: 'notes.stores.1.storeId', rule: 'notFound' })]);
    const first = await callError(core, 'review.saveNotes', {
      week,
      notes: {
        overall: { highlights: '新的' },
        stores: [{ storeId: 'no-such-store', note: { problems: '不存在的门店' } }],
      },
    });
    expect(first.code).toBe('VALIDATION');
    expect(first.fields).toEqual([expect.objectContaining({ field: 'notes.stores.0.storeId', rule: 'notFound' })]);
    expect((await liveReview(core)).notes).toEqual({
      overall: { highlights: '原来的', problems: '', actions: '' },
      stores: [],
    });
  });

  it('refuses a note over 4,000 characters and a bad week', async () => {
    const { core } = await reviewWorkspace();
    const long = await callError(core, 'review.saveNotes', {
      week,
      notes: { overall: { problems: '长'.repeat(4001) }, stores: [] },
    });
    expect(long.code).toBe('VALIDATION');
    expect(long.fields).toEqual([expect.objectContaining({ field: 'notes.overall.problems', rule: 'tooLong' })]);
    const badWeek = await callError(core, 'review.get', { week: '2026-W54' });
    expect(badWeek.code).toBe('VALIDATION');
    expect(badWeek.fields?.[0]?.field).toBe('week');
  });
});
