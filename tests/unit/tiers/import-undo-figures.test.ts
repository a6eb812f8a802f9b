import { describe, expect, it } from 'vitest';
import { callOk } from '../helpers/test-core';
import { posExport } from '../imports/helpers/import-files';
import { byCode, figureWorkspace } from './helpers';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('weekly figures follow the facts through an import and its undo', () => {
  it('changes the figures and tiers on import and restores them exactly on undo', async () => {
    const { core } = await figureWorkspace();
    const before = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    const freshnessBefore = await callOk(core, 'metrics.freshness', { week: '2026-W47' });
    const guidesBefore = await callOk(core, 'metrics.guides', { week: '2026-W47' });

    // A late POS file: SH003 sells ¥1,000.50 at the till, SH004 (no sales so far) ¥500 − ¥100 online.
    const bytes = posExport([
      { date: '2026-11-19', storeCode: 'SH003', staffNo: '030001', channel: '门店', orders: 1, grossSales: '1,000.50' },
      {
        date: '2026-11-20',
        storeCode: 'SH004',
        staffNo: '040001',
        channel: '小程序',
        orders: 2,
        grossSales: 500,
        refunds: 100,
      },
    ]);
    const upload = await callOk(core, 'imports.upload', { fileName: '补录销售.xlsx', contentBase64: toBase64(bytes) });
    const committed = await callOk(core, 'imports.commit', { uploadId: upload.uploadId, options: {} });
    expect(committed.rows).toMatchObject({ read: 2, imported: 2, rejected: 0 });

    const after = await callOk(core, 'metrics.stores', { week: '2026-W47' });
    const sh003 = after.stores.find((store) => store.code === 'SH003');
    const sh004 = after.stores.find((store) => store.code === 'SH004');
    expect(sh003?.current).toMatchObject({
      grossSalesFen: 180050,
      refundsFen: 5000,
      netSalesFen: 175050,
      onlineNetSalesFen: 75000,
      orders: 1,
    });
    expect(sh003?.current.onlineShare).toBeCloseTo(75000 / 175050, 12);
    expect(sh004?.current).toMatchObject({
      grossSalesFen: 50000,
      refundsFen: 10000,
      netSalesFen: 40000,
      onlineShare: 1,
      orders: 2,
    });
    expect(sh004?.hasSales).toBe(true);
    // Five stores with sales now: 40000 120000 175050 280000 340055 → 175050 (SH003 on it: high);
    // shares .1176 .25 .3571 .4284 1 → .3571 (SH002 on it: high).
    expect(after.rule.salesThresholdsFen).toEqual([175050]);
    expect(after.rule.onlineShareThresholds?.[0]).toBeCloseTo(5 / 14, 12);
    expect(byCode(after.stores, (store) => store.tier)).toEqual({
      SH001: 'B',
      SH002: 'A',
      SH003: 'A',
      SH004: 'C',
      SH005: 'D',
    });
    expect(after.totals.all).toMatchObject({ storesWithSales: 5 });
    expect(after.totals.all.current.netSalesFen).toBe(815055 + 100050 + 40000);
    expect(
      (await callOk(core, 'metrics.freshness', { week: '2026-W47' })).stores.map((store) => store.salesDays),
    ).toEqual([4, 2, 3, 1, 1]);

    await callOk(core, 'imports.undo', { id: committed.importId as string });
    expect(await callOk(core, 'metrics.stores', { week: '2026-W47' })).toEqual(before);
    expect(await callOk(core, 'metrics.freshness', { week: '2026-W47' })).toEqual(freshnessBefore);
    expect(await callOk(core, 'metrics.guides', { week: '2026-W47' })).toEqual(guidesBefore);
    expect(core.internalErrors).toEqual([]);
  });
});
