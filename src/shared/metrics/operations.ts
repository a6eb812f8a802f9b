import { z } from 'zod';
import { defineOperations, noInput, operation } from '../api/operation';
import {
  freshnessSchema,
  isoWeekSchema,
  storeTrendInputSchema,
  storeTrendSchema,
  weekInputSchema,
  weeklyGuidesInputSchema,
  weeklyGuidesSchema,
  weeklyStoresSchema,
} from './weekly-schema';

export const metricsOperations = defineOperations('metrics', {
  'metrics.stores': operation(weekInputSchema, weeklyStoresSchema),
  'metrics.guides': operation(weeklyGuidesInputSchema, weeklyGuidesSchema),
  'metrics.guideRankings': operation(
    z.object({ week: isoWeekSchema, count: z.number().int().min(1).max(50).default(5) }),
    weeklyGuidesSchema,
  ),
  'metrics.freshness': operation(weekInputSchema, freshnessSchema),
  'metrics.storeTrend': operation(storeTrendInputSchema, storeTrendSchema),
  /** Newest first; the console marks them in the week picker and points at the latest. */
  'metrics.weeksWithFigures': operation(
    noInput,
    z.object({ weeks: z.array(isoWeekSchema), latest: isoWeekSchema.nullable() }),
  ),
});
