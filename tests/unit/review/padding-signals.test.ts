import { describe, expect, it } from 'vitest';
import {
  defaultPaddingSettings,
  describePaddingFlag,
  paddingFlags,
  paddingSettingsSchema,
  storePercentile,
  type GuideWeekContacts,
  type PaddingSettings,
} from '../../../src/shared/review/padding-signals';
import { saidFlags } from './helpers';

/*
 * METRICS.md "Padding signals (灌水)": a guide is flagged when
 *   - lossRate ≥ 0.5 with newContacts ≥ 30, or
 *   - newContacts > 3 × median of the previous 8 weeks AND > the store's P90 this week.
 * Every expected number below is worked out by hand.
 */

const week = (newContacts: number | null, lostContacts: number | null): GuideWeekContacts => ({
  newContacts,
  lostContacts,
  lossRate: newContacts ? (lostContacts ?? 0) / newContacts : null,
});

const codes = (flags: { code: string }[]) => flags.map((flag) => flag.code);
const settings = (patch: Partial<PaddingSettings>): PaddingSettings => ({ ...defaultPaddingSettings, ...patch });

describe('padding settings', () => {
  it('defaults to the thresholds METRICS.md names', () => {
    expect(defaultPaddingSettings).toEqual({
      lossRate: 0.5,
      lossRateMinNewContacts: 30,
      spikeMultiple: 3,
      spikeHistoryWeeks: 8,
      spikeStorePercentile: 0.9,
      membersWithoutOrders: 20,
    });
  });

  it('refuses values outside their ranges, naming the field', () => {
    const issues = (input: unknown) => {
      const result = paddingSettingsSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };
    expect(issues({ lossRate: 1.2 })).toEqual([['lossRate', 'ratioRange']]);
    expect(issues({ lossRateMinNewContacts: 2.5 })).toEqual([['lossRateMinNewContacts', 'notInteger']]);
    expect(issues({ spikeHistoryWeeks: 1 })).toEqual([['spikeHistoryWeeks', 'invalidValue']]);
    expect(issues({ spikeStorePercentile: -0.1 })).toEqual([['spikeStorePercentile', 'ratioRange']]);
    expect(issues({ spikeMultiple: 0.5 })).toEqual([['spikeMultiple', 'invalidValue']]);
    expect(issues({})).toEqual([]);
  });
});

describe("storePercentile (PERCENTILE.INC of the store's guides this week)", () => {
  it('interpolates like Excel and leaves guides without contact figures out', () => {
    // Sorted 0 30 40: position (3 − 1) × 0.9 = 1.8 → 30 + (40 − 30) × 0.8 = 38.
    expect(storePercentile([40, null, 0, 30], defaultPaddingSettings)).toBeCloseTo(38, 12);
    // Ten values 1…10: position 9 × 0.9 = 8.1 → 9 + 0.1 = 9.1.
    expect(storePercentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], defaultPaddingSettings)).toBeCloseTo(9.1, 12);
    expect(storePercentile([7], defaultPaddingSettings)).toBe(7);
    expect(storePercentile([null, null], defaultPaddingSettings)).toBeNull();
    expect(storePercentile([], defaultPaddingSettings)).toBeNull();
  });

  it('uses the percentile the settings name', () => {
    // Median of 0 30 40 is 30; P0 is the lowest.
    expect(storePercentile([40, 0, 30], settings({ spikeStorePercentile: 0.5 }))).toBe(30);
    expect(storePercentile([40, 0, 30], settings({ spikeStorePercentile: 0 }))).toBe(0);
  });
});

describe('paddingFlags: high loss rate', () => {
  it('flags a loss rate of 50 % on 30 new contacts: both thresholds are inclusive', () => {
    const flags = paddingFlags(week(30, 15), [], null, defaultPaddingSettings);
    expect(saidFlags(flags)).toEqual([
      {
        code: 'highLossRate',
        message: '流失率 50.0%（新增 30，流失 15），达到 50% 且新增 ≥ 30',
        numbers: { lossRate: 0.5, newContacts: 30, lostContacts: 15, threshold: 0.5 },
      },
    ]);
  });

  it('flags a higher rate on more contacts and shows its numbers', () => {
    const [flag] = paddingFlags(week(48, 40), [], null, defaultPaddingSettings);
    expect(flag?.code).toBe('highLossRate');
    // 40 / 48 = 83.33… %
    expect(describePaddingFlag('zh-CN', flag!)).toBe('流失率 83.3%（新增 48，流失 40），达到 50% 且新增 ≥ 30');
    expect(flag?.numbers).toEqual({ lossRate: 40 / 48, newContacts: 48, lostContacts: 40, threshold: 0.5 });
  });

  it('does not flag just under either threshold', () => {
    // 29 new, all lost: too few new contacts to mean anything.
    expect(paddingFlags(week(29, 29), [], null, defaultPaddingSettings)).toEqual([]);
    // 14 of 30 lost: 46.7 %, under 50 %.
    expect(paddingFlags(week(30, 14), [], null, defaultPaddingSettings)).toEqual([]);
    // 99 of 200 lost: 49.5 %.
    expect(paddingFlags(week(200, 99), [], null, defaultPaddingSettings)).toEqual([]);
  });

  it('does not flag a guide without contact figures or without new contacts', () => {
    expect(paddingFlags(week(null, null), [10, 10], 0, defaultPaddingSettings)).toEqual([]);
    // Lost customers but no new ones: the loss rate is not defined, so it cannot be high.
    expect(paddingFlags(week(0, 35), [], null, defaultPaddingSettings)).toEqual([]);
  });

  it('follows custom thresholds', () => {
    const custom = settings({ lossRate: 0.3, lossRateMinNewContacts: 10 });
    // 3 of 10 lost: exactly 30 % on exactly 10 new.
    const [flag] = paddingFlags(week(10, 3), [], null, custom);
    expect(flag).toMatchObject({
      code: 'highLossRate',
      numbers: { lossRate: 0.3, newContacts: 10, lostContacts: 3, threshold: 0.3 },
    });
    expect(describePaddingFlag('zh-CN', flag!)).toBe('流失率 30.0%（新增 10，流失 3），达到 30% 且新增 ≥ 10');
    expect(paddingFlags(week(9, 9), [], null, custom)).toEqual([]);
    // The default would flag 15 of 30; a stricter rate of 60 % does not.
    expect(codes(paddingFlags(week(30, 15), [], null, settings({ lossRate: 0.6 })))).toEqual([]);
  });
});

describe('paddingFlags: new-contact spike', () => {
  // History median 10 (3 × 10 = 30), store P90 20.
  const history = [12, 8, 10, 10, 9, 11, 10, 10];

  it("flags more than 3 × the median of previous weeks when it is also above the store's P90", () => {
    const flags = paddingFlags(week(31, 0), history, 20, defaultPaddingSettings);
    expect(saidFlags(flags)).toEqual([
      {
        code: 'newContactsSpike',
        // 31 / 10 = 3.1
        message: '新增客户 31，是前 8 周中位数 10 的 3.1 倍，且高于本店 P90（20）',
        numbers: { newContacts: 31, historyMedian: 10, historyWeeks: 8, storePercentile: 20 },
      },
    ]);
  });

  it('does not flag exactly 3 × the median, nor exactly the store\'s P90: both are "more than"', () => {
    expect(paddingFlags(week(30, 0), history, 20, defaultPaddingSettings)).toEqual([]);
    expect(paddingFlags(week(31, 0), history, 31, defaultPaddingSettings)).toEqual([]);
    expect(codes(paddingFlags(week(31, 0), history, 30.9, defaultPaddingSettings))).toEqual(['newContactsSpike']);
  });

  it('needs both conditions', () => {
    // Far above its own history but not above the store's P90 (everyone in the store had a big week).
    expect(paddingFlags(week(100, 0), history, 150, defaultPaddingSettings)).toEqual([]);
    // Above the store's P90 but not a spike against its own history.
    expect(paddingFlags(week(25, 0), history, 5, defaultPaddingSettings)).toEqual([]);
  });

  it('does not flag a guide without history, or a store without a percentile', () => {
    expect(paddingFlags(week(500, 0), [], 1, defaultPaddingSettings)).toEqual([]);
    expect(paddingFlags(week(500, 0), history, null, defaultPaddingSettings)).toEqual([]);
  });

  it('takes the median of an even count as the mean of the two middle weeks, whatever the order given', () => {
    // Sorted 2 4 6 8 → median 5, 3 × 5 = 15.
    const unsorted = [8, 2, 6, 4];
    expect(paddingFlags(week(15, 0), unsorted, 0, defaultPaddingSettings)).toEqual([]);
    const [flag] = paddingFlags(week(16, 0), unsorted, 0, defaultPaddingSettings);
    expect(flag?.numbers).toEqual({ newContacts: 16, historyMedian: 5, historyWeeks: 4, storePercentile: 0 });
    expect(describePaddingFlag('zh-CN', flag!)).toBe('新增客户 16，是前 4 周中位数 5 的 3.2 倍，且高于本店 P90（0）');
    expect(unsorted).toEqual([8, 2, 6, 4]);
  });

  it('flags any rise over a history of zeros, shown as ∞ times', () => {
    const [flag] = paddingFlags(week(6, 0), [0, 0, 0], 2.5, defaultPaddingSettings);
    expect(describePaddingFlag('zh-CN', flag!)).toBe('新增客户 6，是前 3 周中位数 0 的 ∞ 倍，且高于本店 P90（2.5）');
    expect(paddingFlags(week(0, 0), [0, 0, 0], 0, defaultPaddingSettings)).toEqual([]);
  });

  it('follows custom multiple and percentile', () => {
    const custom = settings({ spikeMultiple: 2, spikeStorePercentile: 0.5 });
    // 2 × 10 = 20: 21 is a spike with the custom multiple, not with the default.
    const [flag] = paddingFlags(week(21, 0), history, 12.25, custom);
    expect(describePaddingFlag('zh-CN', flag!)).toBe(
      '新增客户 21，是前 8 周中位数 10 的 2.1 倍，且高于本店 P50（12.3）',
    );
    expect(paddingFlags(week(21, 0), history, 12.25, defaultPaddingSettings)).toEqual([]);
  });

  it('raises both flags when both hold, loss rate first', () => {
    const flags = paddingFlags(week(40, 20), [10, 10], 30, defaultPaddingSettings);
    expect(codes(flags)).toEqual(['highLossRate', 'newContactsSpike']);
  });
});
