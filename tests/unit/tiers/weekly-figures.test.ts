import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/core/ids';
import { emptySums } from '../../../src/shared/metrics/weekly-figures';
import { callError, callOk } from '../helpers/test-core';
import { byCode, figureWorkspace, insertFacts, rosterWorkspace } from './helpers';

/*
 * Every expected number below is worked out by hand from the facts listed in helpers.ts
 * (figureBatches); amounts are fen.
 */

const none = { ...emptySums(), netSalesFen: null, onlineShare: null, netNewContacts: null, lossRate: null };

describe('metrics.stores', () => {
  it("sums each store's week and derives net sales, online share and loss rate", async () => {
    const { core } = await figureWorkspace();
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(week).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22', previousWeek: '2026-W46' });
    expect(week.stores.map((store) => store.code)).toEqual(['SH001', 'SH002', 'SH003', 'SH004', 'SH005']);
    const [sh001, sh002, sh003, sh004, sh005] = week.stores;

    // Four guides' rows; refunds reported on three of them (0 + 10000 + 0); chats nobody reported.
    expect(sh001?.current).toEqual({
      grossSalesFen: 350055,
      refundsFen: 10000,
      onlineNetSalesFen: 40000,
      orders: 7,
      newMembers: null,
      contactRequests: 4,
      newContacts: 8,
      lostContacts: 3,
      chats: null,
      messagesSent: null,
      momentsPosts: 4,
      groupMessages: 2,
      netSalesFen: 340055,
      onlineShare: 40000 / 340055,
      netNewContacts: 5,
      lossRate: 0.375,
    });
    // 020001's whole-week contact row, not whole week + daily rows (30 + 10 + 12 = 52).
    expect(sh002?.current).toMatchObject({
      grossSalesFen: 300000,
      refundsFen: 20000,
      netSalesFen: 280000,
      onlineNetSalesFen: 100000,
      contactRequests: 40,
      newContacts: 30,
      lostContacts: 6,
      chats: 90,
      messagesSent: 300,
      netNewContacts: 24,
      lossRate: 0.2,
    });
    expect(sh002?.current.onlineShare).toBeCloseTo(5 / 14, 12);
    // Online only: share 1. Its only contact row runs past Sunday and is left out.
    expect(sh003?.current).toMatchObject({
      netSalesFen: 75000,
      onlineNetSalesFen: 75000,
      onlineShare: 1,
      orders: null,
      newContacts: null,
    });
    expect(sh003?.hasContacts).toBe(false);
    // No sales this week: nothing reported, which is not zero.
    expect(sh004?.current).toEqual(none);
    expect(sh004).toMatchObject({ hasSales: false, hasContacts: false, tier: null });
    // The store-level row (90000, no guide) counts for the store.
    expect(sh005?.current).toMatchObject({
      grossSalesFen: 120000,
      netSalesFen: 120000,
      onlineNetSalesFen: 30000,
      onlineShare: 0.25,
    });
    expect(byCode(week.stores, (store) => [store.hasSales, store.hasContacts])).toEqual({
      SH001: [true, true],
      SH002: [true, true],
      SH003: [true, false],
      SH004: [false, false],
      SH005: [true, false],
    });
    expect(core.internalErrors).toEqual([]);
  });

  it('tiers the stores at the medians of the stores with sales; a store without sales has no tier', async () => {
    const { core } = await figureWorkspace();
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    // Sales 75000 120000 280000 340055 → 200000; shares .1176 .25 .3571 1 → (.25 + 5/14) / 2.
    expect(week.rule).toMatchObject({ grid: '2x2', kind: 'median', salesThresholdsFen: [200000], isCurrentRule: true });
    expect(week.rule.onlineShareThresholds?.[0]).toBeCloseTo((0.25 + 5 / 14) / 2, 12);
    expect(byCode(week.stores, (store) => store.tier)).toEqual({
      SH001: 'B',
      SH002: 'A',
      SH003: 'C',
      SH004: null,
      SH005: 'D',
    });
  });

  it("gives last week's figures and tier beside this week's, ties at last week's median counting as high", async () => {
    const { core } = await figureWorkspace();
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(byCode(week.stores, (store) => store.previous.netSalesFen)).toEqual({
      SH001: 200000,
      SH002: 100000,
      SH003: 200000,
      SH004: 450000,
      SH005: null,
    });
    // SH001 sold only at the till last week: nothing online, a share of 0.
    expect(week.stores[0]?.previous).toMatchObject({
      grossSalesFen: 200000,
      refundsFen: null,
      onlineNetSalesFen: null,
      onlineShare: 0,
    });
    expect(week.stores[1]?.previous).toMatchObject({
      onlineShare: 1,
      newContacts: 20,
      lostContacts: 5,
      lossRate: 0.25,
    });
    expect(week.stores[3]?.previous.onlineShare).toBeCloseTo(1 / 3, 12);
    // W46: sales 100000 200000 200000 450000 → 200000 (SH001 and SH003 sit on it: high);
    // shares 0 1/3 .5 1 → 5/12.
    expect(week.previousRule).toMatchObject({ kind: 'median', salesThresholdsFen: [200000] });
    expect(week.previousRule.onlineShareThresholds?.[0]).toBeCloseTo(5 / 12, 12);
    expect(byCode(week.stores, (store) => store.previousTier)).toEqual({
      SH001: 'B',
      SH002: 'C',
      SH003: 'A',
      SH004: 'B',
      SH005: null,
    });
  });

  it('adds up the pilot stores and the rest separately', async () => {
    const { core } = await figureWorkspace();
    const { totals } = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(totals.pilot).toMatchObject({ storeCount: 2, storesWithSales: 2 });
    expect(totals.pilot.current).toMatchObject({
      grossSalesFen: 650055,
      refundsFen: 30000,
      netSalesFen: 620055,
      onlineNetSalesFen: 140000,
      orders: 13,
      contactRequests: 44,
      newContacts: 38,
      lostContacts: 9,
    });
    expect(totals.pilot.current.onlineShare).toBeCloseTo(140000 / 620055, 12);
    expect(totals.pilot.previous).toMatchObject({ netSalesFen: 300000, onlineNetSalesFen: 100000, newContacts: 20 });

    expect(totals.rest).toMatchObject({ storeCount: 3, storesWithSales: 2 });
    expect(totals.rest.current).toMatchObject({
      grossSalesFen: 200000,
      refundsFen: 5000,
      netSalesFen: 195000,
      orders: null,
      newContacts: null,
    });
    expect(totals.rest.current.onlineShare).toBeCloseTo(105000 / 195000, 12);
    expect(totals.rest.previous).toMatchObject({ netSalesFen: 650000, onlineNetSalesFen: 250000 });

    expect(totals.all).toMatchObject({ storeCount: 5, storesWithSales: 4 });
    expect(totals.all.current).toMatchObject({ netSalesFen: 815055, onlineNetSalesFen: 245000 });
    expect(totals.all.previous.netSalesFen).toBe(950000);
  });

  it('shows a week whose imports are missing as empty: no figures, no thresholds, no tiers', async () => {
    const { core } = await figureWorkspace();
    const week = await callOk(core, 'metrics.stores', { week: '2026-W45' });
    expect(week.stores.every((store) => !store.hasSales && !store.hasContacts && store.tier === null)).toBe(true);
    expect(week.stores.map((store) => store.current)).toEqual(Array(5).fill(none));
    expect(week.rule).toMatchObject({ salesThresholdsFen: null, onlineShareThresholds: null });
    expect(week.totals.all).toMatchObject({ storeCount: 5, storesWithSales: 0 });
    expect(week.totals.all.current).toEqual(none);
  });

  it('leaves archived stores out of the figures, the medians and the totals', async () => {
    const { core, storeIds } = await figureWorkspace();
    await callOk(core, 'stores.archive', { id: storeIds.SH005 as string });
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(week.stores.map((store) => store.code)).toEqual(['SH001', 'SH002', 'SH003', 'SH004']);
    // Sales 75000 280000 340055 → 280000; shares .1176 .3571 1 → .3571.
    expect(week.rule.salesThresholdsFen).toEqual([280000]);
    expect(byCode(week.stores, (store) => store.tier)).toEqual({ SH001: 'B', SH002: 'A', SH003: 'C', SH004: null });
    expect(week.totals.all).toMatchObject({ storeCount: 4, storesWithSales: 3 });
    expect(week.totals.rest.current.netSalesFen).toBe(75000);
  });
});

describe('metrics.guides', () => {
  it('gives each guide their own rows only, ranked by net sales in the store with ties sharing a rank', async () => {
    const { core } = await figureWorkspace();
    const result = await callOk(core, 'metrics.guides', { week: '2026-W47' });
    expect(result).toMatchObject({ week: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    const rows = Object.fromEntries(result.guides.map((guide) => [guide.staffNo, guide]));
    expect(result.guides.map((guide) => guide.staffNo)).toEqual([
      '010001',
      '010002',
      '010003',
      '020001',
      '030001',
      '040001',
      '050001',
    ]);
    expect(
      Object.fromEntries(result.guides.map((guide) => [guide.staffNo, [guide.current.netSalesFen, guide.rankInStore]])),
    ).toEqual({
      '010001': [140000, 1],
      '010002': [140000, 1],
      '010003': [60055, 3],
      '020001': [280000, 1],
      '030001': [75000, 1],
      '040001': [null, null],
      '050001': [30000, 1], // the store's own 90000 is nobody's
    });
    expect(rows['010001']?.current).toMatchObject({
      grossSalesFen: 150000,
      refundsFen: 10000,
      onlineNetSalesFen: 40000,
      orders: 3,
      contactRequests: null,
      newContacts: 8,
      lostContacts: 1,
      lossRate: 0.125,
      momentsPosts: 4,
      groupMessages: 2,
    });
    expect(rows['010001']?.current.onlineShare).toBeCloseTo(2 / 7, 12);
    expect(rows['010002']?.current).toMatchObject({
      newContacts: 0,
      lostContacts: 2,
      lossRate: null,
      netNewContacts: -2,
      onlineShare: 0,
    });
    // The whole-week WeCom row wins over the daily rows of the same guide.
    expect(rows['020001']?.current).toMatchObject({
      contactRequests: 40,
      newContacts: 30,
      lostContacts: 6,
      chats: 90,
      messagesSent: 300,
    });
    expect(rows['020001']?.previous).toMatchObject({
      newContacts: 20,
      lostContacts: 5,
      lossRate: 0.25,
      netSalesFen: 100000,
    });
    expect(rows['040001']).toMatchObject({ employment: 'active', storeCode: 'SH004', rankInStore: null });
    expect(rows['040001']?.previous.netSalesFen).toBe(450000);
    expect(rows['050001']?.current).toMatchObject({ grossSalesFen: 30000, onlineShare: 1 });
  });

  it("lists one store's guides when asked", async () => {
    const { core, storeIds } = await figureWorkspace();
    const result = await callOk(core, 'metrics.guides', { week: '2026-W47', storeId: storeIds.SH001 as string });
    expect(result.guides.map((guide) => [guide.staffNo, guide.rankInStore])).toEqual([
      ['010001', 1],
      ['010002', 1],
      ['010003', 3],
    ]);
  });

  it('uses the shorter contact periods when a guide has no whole-week row, summing them', async () => {
    const { core, path } = await rosterWorkspace();
    insertFacts(path, [
      {
        kind: 'wecom-contacts',
        fileName: 'daily.xlsx',
        createdAt: '2026-11-23T01:00:00.000Z',
        contacts: [
          { guide: '030001', from: '2026-11-16', to: '2026-11-18', newContacts: 6, lost: 1, chats: 4 },
          { guide: '030001', from: '2026-11-19', to: '2026-11-22', newContacts: 4, lost: 3 },
          { guide: '030001', from: '2026-11-10', to: '2026-11-17', newContacts: 99, lost: 99 }, // starts last week
        ],
      },
    ]);
    const { guides } = await callOk(core, 'metrics.guides', { week: '2026-W47' });
    expect(guides.find((guide) => guide.staffNo === '030001')?.current).toMatchObject({
      newContacts: 10,
      lostContacts: 4,
      chats: 4,
      lossRate: 0.4,
      netNewContacts: 6,
    });
  });

  it("lets a moved guide's whole-week row win over daily rows filed under their old store", async () => {
    // 030001 worked in SH001 on Monday (the daily template names SH001) and is on SH003's roster,
    // where the WeCom export for the week files them. The week has 10 new contacts, not 14.
    const { core } = await rosterWorkspace();
    insertFacts(core.session.requireInfo().path, [
      {
        kind: 'wecom-contacts',
        fileName: 'moved.xlsx',
        createdAt: '2026-11-23T01:00:00.000Z',
        contacts: [
          { guide: '030001', from: '2026-11-16', to: '2026-11-22', newContacts: 10, lost: 2 },
          { guide: '030001', store: 'SH001', from: '2026-11-16', to: '2026-11-16', newContacts: 4, lost: 1 },
        ],
      },
    ]);
    const { guides } = await callOk(core, 'metrics.guides', { week: '2026-W47' });
    expect(guides.find((guide) => guide.staffNo === '030001')?.current).toMatchObject({
      newContacts: 10,
      lostContacts: 2,
      lossRate: 0.2,
    });
    const { stores, totals } = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    expect(byCode(stores, (store) => store.current.newContacts)).toMatchObject({ SH001: null, SH003: 10 });
    expect(totals.all.current.newContacts).toBe(10);
  });
});

describe('stores and guides without sales', () => {
  it('shows a store with contacts but no sales as hasSales false, with no tier', async () => {
    const { core } = await rosterWorkspace();
    insertFacts(core.session.requireInfo().path, [
      {
        kind: 'wecom-contacts',
        fileName: 'contacts.xlsx',
        createdAt: '2026-11-23T01:00:00.000Z',
        contacts: [{ guide: '040001', from: '2026-11-16', to: '2026-11-22', newContacts: 12, lost: 3 }],
      },
      {
        kind: 'sales',
        fileName: 'sales.xlsx',
        createdAt: '2026-11-23T01:00:00.000Z',
        sales: [{ store: 'SH001', guide: '010001', date: '2026-11-16', channel: 'pos', grossFen: 1000 }],
      },
    ]);
    const week = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    const sh004 = week.stores.find((store) => store.code === 'SH004');
    expect(sh004).toMatchObject({ hasSales: false, hasContacts: true, tier: null });
    expect(sh004?.current).toMatchObject({ netSalesFen: null, newContacts: 12, lossRate: 0.25 });
    expect(week.totals.all).toMatchObject({ storesWithSales: 1 });
    expect(byCode(week.stores, (store) => store.tier)).toMatchObject({ SH001: 'A', SH004: null });
  });

  it('lists a guide who has left only in the weeks they have figures', async () => {
    const { core, path, storeIds } = await rosterWorkspace();
    for (const staffNo of ['010008', '010009']) {
      await callOk(core, 'guides.create', {
        staffNo,
        name: `离职${staffNo.slice(-1)}`,
        storeId: storeIds.SH001 as string,
        hireDate: '2024-03-01',
        employment: 'left',
        leftOn: '2026-11-18',
      });
    }
    insertFacts(path, [
      {
        kind: 'sales',
        fileName: 'sales.xlsx',
        createdAt: '2026-11-23T01:00:00.000Z',
        sales: [{ store: 'SH001', guide: '010009', date: '2026-11-16', channel: 'pos', grossFen: 5000 }],
      },
    ]);
    const w47 = await callOk(core, 'metrics.guides', { week: '2026-W47', storeId: storeIds.SH001 as string });
    expect(w47.guides.map((guide) => [guide.staffNo, guide.employment, guide.rankInStore])).toEqual([
      ['010001', 'active', null],
      ['010002', 'active', null],
      ['010003', 'active', null],
      ['010009', 'left', 1],
    ]);
    const w48 = await callOk(core, 'metrics.guides', { week: '2026-W48', storeId: storeIds.SH001 as string });
    expect(w48.guides.map((guide) => guide.staffNo)).toEqual(['010001', '010002', '010003']);
  });
});

describe('metrics.freshness', () => {
  it('says which stores are missing data and when each kind of file was last imported', async () => {
    const { core } = await figureWorkspace();
    const freshness = await callOk(core, 'metrics.freshness', { week: '2026-W47' });
    expect(freshness).toMatchObject({
      week: '2026-W47',
      from: '2026-11-16',
      to: '2026-11-22',
      latestSalesDate: '2026-11-21',
    });
    expect(
      freshness.stores.map(({ code, salesDays, contactsReported, activityDays }) => [
        code,
        salesDays,
        contactsReported,
        activityDays,
      ]),
    ).toEqual([
      ['SH001', 4, true, 2],
      ['SH002', 2, true, 0],
      ['SH003', 2, false, 0],
      ['SH004', 0, false, 0],
      ['SH005', 1, false, 0],
    ]);
    // The undone sales batch (02:00) is neither the latest sales import nor its file.
    expect(freshness.latestImports).toEqual([
      { kind: 'daily', createdAt: '2026-11-22T12:00:00.000Z', fileName: '日报.xlsx' },
      { kind: 'sales', createdAt: '2026-11-23T01:00:00.000Z', fileName: '销售W47.xlsx' },
      { kind: 'wecom-contacts', createdAt: '2026-11-23T01:30:00.000Z', fileName: '企微W47.xlsx' },
    ]);
  });

  it('shows every store at zero days for a week that was never imported', async () => {
    const { core } = await figureWorkspace();
    const freshness = await callOk(core, 'metrics.freshness', { week: '2026-W45' });
    expect(freshness.stores.map((store) => [store.salesDays, store.contactsReported, store.activityDays])).toEqual(
      Array(5).fill([0, false, 0]),
    );
  });
});

describe('metrics.storeTrend', () => {
  it("gives one store's figures and tier for each week, oldest first", async () => {
    const { core, storeIds } = await figureWorkspace();
    const trend = await callOk(core, 'metrics.storeTrend', {
      storeId: storeIds.SH003 as string,
      week: '2026-W47',
      weeks: 3,
    });
    expect(trend.storeId).toBe(storeIds.SH003);
    expect(
      trend.weeks.map(({ week, from, to, tier, figures }) => [
        week,
        from,
        to,
        figures.netSalesFen,
        figures.onlineShare,
        tier,
      ]),
    ).toEqual([
      ['2026-W45', '2026-11-02', '2026-11-08', null, null, null],
      ['2026-W46', '2026-11-09', '2026-11-15', 200000, 0.5, 'A'],
      ['2026-W47', '2026-11-16', '2026-11-22', 75000, 1, 'C'],
    ]);
  });

  it('crosses the year boundary by ISO weeks (2026 has 53)', async () => {
    const { core, storeIds } = await figureWorkspace();
    const trend = await callOk(core, 'metrics.storeTrend', {
      storeId: storeIds.SH001 as string,
      week: '2027-W01',
      weeks: 3,
    });
    expect(trend.weeks.map((week) => week.week)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('answers NOT_FOUND for a store that does not exist', async () => {
    const { core } = await figureWorkspace();
    expect((await callError(core, 'metrics.storeTrend', { storeId: newId(), week: '2026-W47' })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('week input', () => {
  it.each(['2026-W54', '2025-W53', '2026-47', '2026-W7', ''])(
    'refuses %j as a week with VALIDATION on the field',
    async (week) => {
      const { core } = await rosterWorkspace();
      for (const operation of ['metrics.stores', 'metrics.guides', 'metrics.freshness']) {
        const error = await callError(core, operation, { week });
        expect(error.code).toBe('VALIDATION');
        expect(error.fields).toEqual([{ field: 'week', rule: 'invalidWeek' }]);
      }
    },
  );
});
