import { isoWeekRange } from '../../shared/dates/iso-week';
import { defineHandlers } from '../api/handlers';
import { weekFreshness } from './freshness';
import { storeTrend } from './store-trend';
import { guideRankings, weeklyGuides } from './weekly-guides';
import { weeklyStores } from './weekly-stores';
import { weeksWithFigures } from './weeks-with-figures';

export const metricsHandlers = defineHandlers('metrics', {
  'metrics.stores': ({ week }, { session, now }) => weeklyStores(session.requireDb(), week, now()),
  'metrics.guides': ({ week, storeId }, { session }) => ({
    week,
    ...isoWeekRange(week),
    guides: weeklyGuides(session.requireDb(), week, storeId),
  }),
  'metrics.guideRankings': ({ week, count }, { session }) => ({
    week,
    ...isoWeekRange(week),
    guides: guideRankings(session.requireDb(), week, count),
  }),
  'metrics.freshness': ({ week }, { session }) => weekFreshness(session.requireDb(), week),
  'metrics.storeTrend': ({ storeId, week, weeks }, { session, now }) =>
    storeTrend(session.requireDb(), storeId, week, weeks, now()),
  'metrics.weeksWithFigures': (_input, { session }) => {
    const weeks = weeksWithFigures(session.requireDb());
    return { weeks, latest: weeks[0] ?? null };
  },
});
