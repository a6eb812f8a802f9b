import { describe, expect, it } from 'vitest';
import {
  addSums,
  changeOf,
  deriveFigures,
  emptySums,
  sumAll,
  type SummedFigures,
} from '../../../src/shared/metrics/weekly-figures';

/** Sums with only the given metrics reported; everything else null ("not reported"). */
function sums(reported: Partial<SummedFigures>): SummedFigures {
  return { ...emptySums(), ...reported };
}

describe('deriveFigures (METRICS.md "Derived metrics")', () => {
  it('net sales are gross sales minus refunds', () => {
    const figures = deriveFigures(sums({ grossSalesFen: 123450, refundsFen: 3450, onlineNetSalesFen: 30000 }));
    expect(figures.netSalesFen).toBe(120000);
    expect(figures.onlineShare).toBe(0.25);
  });

  it('net sales without refunds reported are the gross sales; refunds alone are negative', () => {
    expect(deriveFigures(sums({ grossSalesFen: 5000 })).netSalesFen).toBe(5000);
    expect(deriveFigures(sums({ refundsFen: 700 })).netSalesFen).toBe(-700);
  });

  it('keeps every figure null when nothing was reported (missing is not zero)', () => {
    const figures = deriveFigures(emptySums());
    expect(figures).toEqual({
      ...emptySums(),
      netSalesFen: null,
      onlineShare: null,
      netNewContacts: null,
      lossRate: null,
    });
  });

  it('leaves the online share empty when net sales are 0', () => {
    const figures = deriveFigures(sums({ grossSalesFen: 8000, refundsFen: 8000, onlineNetSalesFen: 0 }));
    expect(figures.netSalesFen).toBe(0);
    expect(figures.onlineShare).toBeNull();
  });

  it('gives a store that only sold online a share of 1, and one with no online sales a share of 0', () => {
    expect(deriveFigures(sums({ grossSalesFen: 80000, refundsFen: 5000, onlineNetSalesFen: 75000 })).onlineShare).toBe(
      1,
    );
    expect(deriveFigures(sums({ grossSalesFen: 80000 })).onlineShare).toBe(0);
  });

  it('loss rate is lost ÷ new, empty when there are no new contacts', () => {
    expect(deriveFigures(sums({ newContacts: 8, lostContacts: 3 }))).toMatchObject({
      lossRate: 0.375,
      netNewContacts: 5,
    });
    expect(deriveFigures(sums({ newContacts: 0, lostContacts: 2 }))).toMatchObject({
      lossRate: null,
      netNewContacts: -2,
    });
    expect(deriveFigures(sums({ lostContacts: 2 }))).toMatchObject({ lossRate: null, netNewContacts: -2 });
    expect(deriveFigures(sums({ newContacts: 30 }))).toMatchObject({ lossRate: 0, netNewContacts: 30 });
  });
});

describe('addSums and sumAll', () => {
  it('null + null stays null, null + 3 is 3, and a reported 0 stays 0', () => {
    const total = addSums(sums({ orders: 2 }), { orders: 3, newMembers: 0, chats: null });
    expect(total.orders).toBe(5);
    expect(total.newMembers).toBe(0);
    expect(total.chats).toBeNull();
    expect(total.grossSalesFen).toBeNull();
  });

  it('adds into the first argument and leaves the second alone', () => {
    const into = sums({ grossSalesFen: 100 });
    const more = sums({ grossSalesFen: 50, refundsFen: 5 });
    expect(addSums(into, more)).toBe(into);
    expect(into).toMatchObject({ grossSalesFen: 150, refundsFen: 5 });
    expect(more).toMatchObject({ grossSalesFen: 50, refundsFen: 5 });
  });

  it('sums a list without changing its members', () => {
    const first = sums({ grossSalesFen: 100, newContacts: 4 });
    const second = sums({ grossSalesFen: 200 });
    const total = sumAll([first, {}, second]);
    expect(total).toMatchObject({ grossSalesFen: 300, newContacts: 4, lostContacts: null });
    expect(first.grossSalesFen).toBe(100);
    expect(sumAll([])).toEqual(emptySums());
  });
});

describe('changeOf', () => {
  it('gives the difference and the change relative to last week', () => {
    expect(changeOf(120, 100)).toEqual({ delta: 20, relative: 0.2 });
    expect(changeOf(50, 200)).toEqual({ delta: -150, relative: -0.75 });
  });

  it('divides by the size of a negative previous value, so an improvement stays positive', () => {
    expect(changeOf(50, -100)).toEqual({ delta: 150, relative: 1.5 });
  });

  it('has no relative change from zero, and no change at all when a side is missing', () => {
    expect(changeOf(10, 0)).toEqual({ delta: 10, relative: null });
    expect(changeOf(null, 10)).toEqual({ delta: null, relative: null });
    expect(changeOf(10, null)).toEqual({ delta: null, relative: null });
  });
});
