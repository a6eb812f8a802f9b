import { z } from 'zod';
import { isIsoWeek, type IsoWeek } from '../dates/iso-week';
import { pilotWaves } from '../stores/store-schema';
import { idSchema } from '../validation/common';
import { tierGrids, tierRuleKinds } from '../tiers/tier-rule';
import { figuresSchema } from './weekly-figures';

/** Text such as `2026-W47` in, a checked IsoWeek out. */
export const isoWeekSchema = z
  .string()
  .refine(isIsoWeek, { error: 'invalidWeek' })
  .transform((text) => text as IsoWeek);

/** The rule a week was tiered with, and the thresholds it gave that week (null: no store had data). */
export const appliedTierRuleSchema = z.object({
  ruleId: z.string(),
  grid: z.enum(tierGrids),
  kind: z.enum(tierRuleKinds),
  salesThresholdsFen: z.array(z.number()).nullable(),
  onlineShareThresholds: z.array(z.number()).nullable(),
  computedAt: z.string(),
  isCurrentRule: z.boolean(),
});
export type AppliedTierRule = z.infer<typeof appliedTierRuleSchema>;

export const storeWeekSchema = z.object({
  storeId: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.string(),
  pilotWave: z.enum(pilotWaves),
  current: figuresSchema,
  previous: figuresSchema,
  tier: z.string().nullable(),
  previousTier: z.string().nullable(),
  /** Whether any sales / contact rows exist for the week: false means an import is missing. */
  hasSales: z.boolean(),
  hasContacts: z.boolean(),
});
export type StoreWeek = z.infer<typeof storeWeekSchema>;

export const groupTotalsSchema = z.object({
  storeCount: z.number().int(),
  storesWithSales: z.number().int(),
  previousStoresWithSales: z.number().int(),
  current: figuresSchema,
  previous: figuresSchema,
});
export type GroupTotals = z.infer<typeof groupTotalsSchema>;

export const weeklyStoresSchema = z.object({
  week: isoWeekSchema,
  from: z.string(),
  to: z.string(),
  previousWeek: isoWeekSchema,
  rule: appliedTierRuleSchema,
  previousRule: appliedTierRuleSchema,
  stores: z.array(storeWeekSchema),
  /** All active stores, pilot stores, and every other store: the pilot-versus-rest argument. */
  totals: z.object({ all: groupTotalsSchema, pilot: groupTotalsSchema, rest: groupTotalsSchema }),
});
export type WeeklyStores = z.infer<typeof weeklyStoresSchema>;

export const guideWeekSchema = z.object({
  guideId: z.string(),
  staffNo: z.string(),
  name: z.string(),
  storeId: z.string(),
  storeCode: z.string(),
  storeName: z.string(),
  employment: z.enum(['active', 'left']),
  current: figuresSchema,
  previous: figuresSchema,
  /** 1 = highest net sales in the store this week; null without sales. */
  rankInStore: z.number().int().nullable(),
});
export type GuideWeek = z.infer<typeof guideWeekSchema>;

export const weeklyGuidesSchema = z.object({
  week: isoWeekSchema,
  from: z.string(),
  to: z.string(),
  guides: z.array(guideWeekSchema),
});

export const freshnessSchema = z.object({
  week: isoWeekSchema,
  from: z.string(),
  to: z.string(),
  stores: z.array(
    z.object({
      storeId: z.string(),
      code: z.string(),
      name: z.string(),
      salesDays: z.number().int(),
      contactsReported: z.boolean(),
      activityDays: z.number().int(),
    }),
  ),
  latestImports: z.array(z.object({ kind: z.string(), createdAt: z.string(), fileName: z.string().nullable() })),
  latestSalesDate: z.string().nullable(),
});
export type Freshness = z.infer<typeof freshnessSchema>;

export const storeTrendSchema = z.object({
  storeId: z.string(),
  weeks: z.array(
    z.object({
      week: isoWeekSchema,
      from: z.string(),
      to: z.string(),
      figures: figuresSchema,
      tier: z.string().nullable(),
    }),
  ),
});
export type StoreTrend = z.infer<typeof storeTrendSchema>;

export const weekInputSchema = z.object({ week: isoWeekSchema });
export const weeklyGuidesInputSchema = z.object({ week: isoWeekSchema, storeId: idSchema.optional() });
export const storeTrendInputSchema = z.object({
  storeId: idSchema,
  week: isoWeekSchema,
  weeks: z.number().int().min(2).max(53).default(12),
});
