import { describe, expect, it } from 'vitest';
import { defaultProfilesFor, tierProfileSchema } from '../../../src/shared/tiers/tier-profiles';
import {
  defaultTierRule,
  percentileInc,
  resolveThresholds,
  tierOf,
  tierRuleSchema,
  type TierPoint,
  type TierRule,
} from '../../../src/shared/tiers/tier-rule';

const median2x2: TierRule = defaultTierRule;
const median3x3: TierRule = { ...defaultTierRule, grid: '3x3' };

/** The tier of each point under a rule, the way the weekly view computes it. */
function tiersUnder(rule: TierRule, points: TierPoint[]) {
  const thresholds = resolveThresholds(rule, points);
  return points.map((point) => tierOf(point, rule.grid, thresholds));
}

function issuesOf(input: unknown) {
  const result = tierRuleSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('percentileInc (Excel PERCENTILE.INC)', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(percentileInc([1, 5, 9], 0.5)).toBe(5);
    expect(percentileInc([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileInc([75000, 120000, 280000, 340055], 0.5)).toBe(200000);
  });

  it('interpolates between ranks as Excel does', () => {
    // =PERCENTILE.INC({1,2,3,4,5}, 0.3) is 2.2; {10,20,30,40,50} at 1/3 is 23.33…
    expect(percentileInc([1, 2, 3, 4, 5], 0.3)).toBeCloseTo(2.2, 12);
    expect(percentileInc([10, 20, 30, 40, 50], 1 / 3)).toBeCloseTo(23.333333333, 8);
    expect(percentileInc([10, 20, 30, 40, 50], 2 / 3)).toBeCloseTo(36.666666667, 8);
    expect(percentileInc([10, 20, 30, 40], 0)).toBe(10);
    expect(percentileInc([10, 20, 30, 40], 1)).toBe(40);
  });

  it('gives the only value of one, and null for none', () => {
    expect(percentileInc([7], 0.5)).toBe(7);
    expect(percentileInc([], 0.5)).toBeNull();
  });
});

describe('2×2 tiers with medians', () => {
  it('cuts at the median of the stores with data and names the quadrants A–D', () => {
    // Sales 75000 120000 280000 340055 → median 200000; shares .1176 .25 .3571 1 → median .3036.
    const points: TierPoint[] = [
      { netSalesFen: 340055, onlineShare: 40000 / 340055 },
      { netSalesFen: 280000, onlineShare: 100000 / 280000 },
      { netSalesFen: 75000, onlineShare: 1 },
      { netSalesFen: 120000, onlineShare: 0.25 },
      { netSalesFen: null, onlineShare: null },
    ];
    const thresholds = resolveThresholds(median2x2, points);
    expect(thresholds?.salesFen).toEqual([200000]);
    expect(thresholds?.onlineShare).toHaveLength(1);
    expect(thresholds?.onlineShare[0]).toBeCloseTo((0.25 + 100000 / 280000) / 2, 12);
    expect(tiersUnder(median2x2, points)).toEqual(['B', 'A', 'C', 'D', null]);
  });

  it('counts a store at the median as high on both axes (tier A / B, not C / D)', () => {
    const points: TierPoint[] = [
      { netSalesFen: 100, onlineShare: 0.9 },
      { netSalesFen: 200, onlineShare: 0.5 },
      { netSalesFen: 300, onlineShare: 0.1 },
    ];
    expect(resolveThresholds(median2x2, points)).toEqual({ salesFen: [200], onlineShare: [0.5] });
    expect(tiersUnder(median2x2, points)).toEqual(['C', 'A', 'B']);
    // The two middle stores of an even count tied: both are at the median, both high.
    const even: TierPoint[] = [
      { netSalesFen: 100, onlineShare: 0.2 },
      { netSalesFen: 200, onlineShare: 0.2 },
      { netSalesFen: 200, onlineShare: 0.1 },
      { netSalesFen: 400, onlineShare: 0.05 },
    ];
    expect(tiersUnder(median2x2, even)).toEqual(['C', 'A', 'B', 'B']);
  });

  it('does not let a rounding error put a share equal to its threshold below it', () => {
    // 0.1 + (0.2 − 0.1) × 0.5 is 0.15000000000000002 in floating point.
    const threshold = percentileInc([0.1, 0.2], 0.5) as number;
    expect(tierOf({ netSalesFen: 100, onlineShare: 0.15 }, '2x2', { salesFen: [100], onlineShare: [threshold] })).toBe(
      'A',
    );
    expect(tierOf({ netSalesFen: 99, onlineShare: 0.1499 }, '2x2', { salesFen: [100], onlineShare: [threshold] })).toBe(
      'D',
    );
  });

  it('gives a store without sales no tier ("no data"), not D, and leaves it out of the median', () => {
    const points: TierPoint[] = [
      { netSalesFen: null, onlineShare: null },
      { netSalesFen: 0, onlineShare: null }, // refunds cancelled the sales: no share to take
      { netSalesFen: 100, onlineShare: 0 },
      { netSalesFen: 300, onlineShare: 1 },
    ];
    // Were the empty stores counted as 0, the medians would be 50 and 0.
    expect(resolveThresholds(median2x2, points)).toEqual({ salesFen: [200], onlineShare: [0.5] });
    expect(tiersUnder(median2x2, points)).toEqual([null, null, 'D', 'A']);
  });

  it('has no thresholds and no tiers in a week without any sales', () => {
    const points: TierPoint[] = [{ netSalesFen: null, onlineShare: null }];
    expect(resolveThresholds(median2x2, points)).toBeNull();
    expect(tierOf({ netSalesFen: 100, onlineShare: 0.5 }, '2x2', null)).toBeNull();
  });
});

describe('fixed targets', () => {
  const fixed: TierRule = { grid: '2x2', kind: 'fixed', salesTargetsFen: [100000], onlineShareTargets: [0.3] };

  it('uses the targets whatever the week looks like, at the target counting as high', () => {
    const points: TierPoint[] = [
      { netSalesFen: 100000, onlineShare: 0.3 },
      { netSalesFen: 99999, onlineShare: 0.3 },
      { netSalesFen: 100000, onlineShare: 0.2999 },
      { netSalesFen: 5000, onlineShare: 0 },
      { netSalesFen: null, onlineShare: null },
    ];
    expect(resolveThresholds(fixed, points)).toEqual({ salesFen: [100000], onlineShare: [0.3] });
    expect(tiersUnder(fixed, points)).toEqual(['A', 'C', 'B', 'D', null]);
  });

  it('gives thresholds even in a week without data, but still no tier to a store without sales', () => {
    expect(resolveThresholds(fixed, [])).toEqual({ salesFen: [100000], onlineShare: [0.3] });
    expect(tierOf({ netSalesFen: null, onlineShare: null }, '2x2', resolveThresholds(fixed, []))).toBeNull();
  });

  it('places stores on a 3×3 grid by two targets per axis', () => {
    const rule: TierRule = {
      grid: '3x3',
      kind: 'fixed',
      salesTargetsFen: [100000, 200000],
      onlineShareTargets: [0.2, 0.5],
    };
    const points: TierPoint[] = [
      { netSalesFen: 250000, onlineShare: 0.6 },
      { netSalesFen: 200000, onlineShare: 0.5 },
      { netSalesFen: 199999, onlineShare: 0.2 },
      { netSalesFen: 100000, onlineShare: 0.1 },
      { netSalesFen: 50000, onlineShare: 0.49 },
      { netSalesFen: 50000, onlineShare: 0 },
    ];
    expect(tiersUnder(rule, points)).toEqual(['HH', 'HH', 'MM', 'ML', 'LM', 'LL']);
  });
});

describe('3×3 tiers with terciles', () => {
  it('cuts each axis at the 1/3 and 2/3 percentiles, sales level first', () => {
    // Seven stores: sales 10000…70000 → terciles 30000 and 50000; shares .1….7 → .3 and .5.
    const points: TierPoint[] = [
      { netSalesFen: 70000, onlineShare: 0.1 },
      { netSalesFen: 60000, onlineShare: 0.7 },
      { netSalesFen: 50000, onlineShare: 0.5 },
      { netSalesFen: 40000, onlineShare: 0.3 },
      { netSalesFen: 30000, onlineShare: 0.2 },
      { netSalesFen: 20000, onlineShare: 0.6 },
      { netSalesFen: 10000, onlineShare: 0.4 },
    ];
    expect(resolveThresholds(median3x3, points)).toEqual({ salesFen: [30000, 50000], onlineShare: [0.3, 0.5] });
    expect(tiersUnder(median3x3, points)).toEqual(['HL', 'HH', 'HH', 'MM', 'ML', 'LH', 'LM']);
  });

  it('interpolates terciles between stores as PERCENTILE.INC does', () => {
    const points: TierPoint[] = [10, 20, 30, 40, 50].map((sales) => ({ netSalesFen: sales, onlineShare: sales / 100 }));
    const thresholds = resolveThresholds(median3x3, points);
    expect(thresholds?.salesFen[0]).toBeCloseTo(23.3333333, 6);
    expect(thresholds?.salesFen[1]).toBeCloseTo(36.6666667, 6);
    expect(tiersUnder(median3x3, points)).toEqual(['LL', 'LL', 'MM', 'HH', 'HH']);
  });
});

describe('tierRuleSchema', () => {
  it('defaults to a 2×2 grid cut at medians', () => {
    expect(tierRuleSchema.parse({})).toEqual({
      grid: '2x2',
      kind: 'median',
      salesTargetsFen: [],
      onlineShareTargets: [],
    });
  });

  it('ignores targets for medians', () => {
    expect(issuesOf({ kind: 'median', salesTargetsFen: [5, 1, 3] })).toEqual([]);
  });

  it('accepts fixed targets of the right number, ascending', () => {
    expect(issuesOf({ kind: 'fixed', salesTargetsFen: [100000], onlineShareTargets: [0.3] })).toEqual([]);
    expect(
      issuesOf({ grid: '3x3', kind: 'fixed', salesTargetsFen: [100000, 200000], onlineShareTargets: [0, 1] }),
    ).toEqual([]);
  });

  it('rejects fixed targets of the wrong number for the grid', () => {
    expect(issuesOf({ kind: 'fixed', salesTargetsFen: [100000, 200000], onlineShareTargets: [0.3] })).toEqual([
      { path: 'salesTargetsFen', message: 'targetsCount' },
    ]);
    expect(issuesOf({ grid: '3x3', kind: 'fixed', salesTargetsFen: [100000], onlineShareTargets: [0.2, 0.4] })).toEqual(
      [{ path: 'salesTargetsFen', message: 'targetsCount' }],
    );
    expect(issuesOf({ kind: 'fixed' })).toEqual([
      { path: 'salesTargetsFen', message: 'targetsCount' },
      { path: 'onlineShareTargets', message: 'targetsCount' },
    ]);
  });

  it('rejects fixed targets that are not strictly ascending', () => {
    expect(
      issuesOf({ grid: '3x3', kind: 'fixed', salesTargetsFen: [200000, 100000], onlineShareTargets: [0.2, 0.4] }),
    ).toEqual([{ path: 'salesTargetsFen', message: 'targetsAscending' }]);
    expect(
      issuesOf({ grid: '3x3', kind: 'fixed', salesTargetsFen: [100000, 200000], onlineShareTargets: [0.4, 0.4] }),
    ).toEqual([{ path: 'onlineShareTargets', message: 'targetsAscending' }]);
  });

  it('rejects negative, fractional and out-of-range targets with their rule keys', () => {
    expect(issuesOf({ kind: 'fixed', salesTargetsFen: [-1], onlineShareTargets: [0.3] })).toContainEqual({
      path: 'salesTargetsFen.0',
      message: 'notNegative',
    });
    expect(issuesOf({ kind: 'fixed', salesTargetsFen: [100.5], onlineShareTargets: [0.3] })).toContainEqual({
      path: 'salesTargetsFen.0',
      message: 'notInteger',
    });
    expect(issuesOf({ kind: 'fixed', salesTargetsFen: [100], onlineShareTargets: [1.2] })).toContainEqual({
      path: 'onlineShareTargets.0',
      message: 'ratioRange',
    });
  });
});

describe('tier profiles', () => {
  it('names the 2×2 tiers as METRICS.md does, best first', () => {
    expect(defaultProfilesFor('2x2').map((profile) => [profile.tier, profile.name])).toEqual([
      ['A', '标杆'],
      ['B', '线上化提升'],
      ['C', '业绩提升'],
      ['D', '重点帮扶'],
    ]);
  });

  it('has a profile for each of the nine 3×3 tiers, each with a playbook', () => {
    const profiles = defaultProfilesFor('3x3');
    expect(profiles.map((profile) => profile.tier)).toEqual(['HH', 'HM', 'HL', 'MH', 'MM', 'ML', 'LH', 'LM', 'LL']);
    for (const profile of profiles) expect(tierProfileSchema.safeParse(profile).success).toBe(true);
    expect(profiles.every((profile) => profile.playbook.length > 0 && profile.checklist.length > 0)).toBe(true);
  });

  it('rejects an unknown tier key and an empty or long name', () => {
    const valid = { tier: 'A', name: '标杆', playbook: '', checklist: [] };
    const rules = (input: unknown) => {
      const result = tierProfileSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
    };
    expect(rules(valid)).toEqual([]);
    expect(rules({ ...valid, tier: 'Z' })).toEqual(['tier:unknownTier']);
    expect(rules({ ...valid, name: '  ' })).toEqual(['name:required']);
    expect(rules({ ...valid, name: '很'.repeat(21) })).toEqual(['name:tooLong']);
  });
});
