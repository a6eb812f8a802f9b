import { z } from 'zod';
import { isoWeekSchema } from '../metrics/weekly-schema';
import { tierProfileSchema, tierProfilesPatchSchema } from './tier-profiles';
import { tierGrids, tierRuleSchema } from './tier-rule';

/** Which weeks a new rule applies to: the chosen week and later ones, or every week. */
export const ruleScopeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fromWeek'), week: isoWeekSchema }),
  z.object({ mode: z.literal('all') }),
]);
export type RuleScope = z.infer<typeof ruleScopeSchema>;

/** The latest rule change, while it can still be undone (only the latest can, and only once). */
export const undoableRuleChangeSchema = z.object({
  /** The rule the change added; `tiers.undoRuleChange` names it, so a stale page cannot undo a newer change. */
  ruleId: z.string(),
  rule: tierRuleSchema,
  /** The rule that is current again after the undo (the default when none had been saved). */
  previousRule: tierRuleSchema,
  scope: ruleScopeSchema,
  createdAt: z.string(),
  /** Weeks that get back the rule they were tiered with before the change. */
  restoredWeeks: z.array(z.string()),
});
export type UndoableRuleChange = z.infer<typeof undoableRuleChangeSchema>;

export const undoRuleChangeInputSchema = z.object({ ruleId: z.string().min(1).max(64) });

export const tierSettingsSchema = z.object({
  ruleId: z.string().nullable(),
  rule: tierRuleSchema,
  profiles: z.object(
    Object.fromEntries(tierGrids.map((grid) => [grid, z.array(tierProfileSchema)])) as Record<
      (typeof tierGrids)[number],
      z.ZodArray<typeof tierProfileSchema>
    >,
  ),
  /** Weeks whose tiers were computed, and whether with the current rule. */
  pinnedWeeks: z.array(z.object({ week: isoWeekSchema, ruleId: z.string(), isCurrentRule: z.boolean() })),
  undoableChange: undoableRuleChangeSchema.nullable(),
});
export type TierSettings = z.infer<typeof tierSettingsSchema>;

export const tierRuleChangeSchema = z.object({ rule: tierRuleSchema, scope: ruleScopeSchema });

export const tierRuleChangePreviewSchema = z.object({
  /** Weeks that will be tiered again with the new rule. */
  recomputedWeeks: z.array(isoWeekSchema),
  /** Weeks that keep the rule they were computed with. */
  keptWeeks: z.array(isoWeekSchema),
  /** For the week being looked at: the stores whose tier changes. */
  week: isoWeekSchema,
  changes: z.array(
    z.object({
      storeId: z.string(),
      code: z.string(),
      name: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
  ),
});

export { tierProfilesPatchSchema };
