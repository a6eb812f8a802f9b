import { describe, expect, it } from 'vitest';
import { callOk } from '../helpers/test-core';
import { findRow, liveReview, loadWorkbook, reviewWorkspace, week } from './helpers';

describe('the overview against targets', () => {
  it('has no targets while tiers use medians', async () => {
    const { core } = await reviewWorkspace();
    expect((await liveReview(core)).overview.targets).toBeNull();
  });

  it("counts the pilot stores at the tier rule's fixed targets, and exports them", async () => {
    const { core } = await reviewWorkspace();
    // ¥3,000 a week and 20 % online. SH001: net 340055 fen, online 40000 (11.8 %): sales only.
    // SH002: net 280000, online 100000 (35.7 %): share only. Other stores are not in the pilot.
    await callOk(core, 'tiers.changeRule', {
      rule: { grid: '2x2', kind: 'fixed', salesTargetsFen: [300000], onlineShareTargets: [0.2] },
      scope: { mode: 'all' },
    });
    const review = await liveReview(core);
    expect(review.overview.targets).toEqual({
      salesTargetFen: 300000,
      onlineShareTarget: 0.2,
      storesWithData: 2,
      storesAtSalesTarget: 1,
      storesAtShareTarget: 1,
    });
    const exported = await callOk(core, 'review.export', { week });
    const overview = (await loadWorkbook(exported.contentBase64)).getWorksheet('概览');
    if (!overview) throw new Error('no 概览 sheet');
    const sales = findRow(overview, '业绩目标（每店每周）');
    expect([sales.getCell(2).value, sales.getCell(2).numFmt, sales.getCell(3).value, sales.getCell(4).value]).toEqual([
      3000,
      '"¥"#,##0.00',
      1,
      2,
    ]);
    const share = findRow(overview, '线上占比目标');
    expect([share.getCell(2).value, share.getCell(2).numFmt, share.getCell(3).value]).toEqual([0.2, '0.0%', 1]);
  });
});
