import { isoWeekRange } from '../../shared/dates/iso-week';
import { defineHandlers } from '../api/handlers';
import { weekFreshness } from './freshness';
import { storeTrend } from './store-trend';
import { guideRankings, weeklyGuides } from './weekly-guides';
import { weeklyStores } from './weekly-stores';
import { weeksWithFigures } from './weeks-with-figures';

export const weeklyHandlers = defineHandlers('weekly', {
  'weekly.stores': ({ week }, { session, now }) => weeklyStores(session.requireDb(), week, now().toISOString()),
  'weekly.guides': ({ week, storeId }, { session }) => ({
    week,
    ...isoWeekRange(week),
    guides: weeklyGuides(session.requireDb(), week, storeId),
  }),
  'weekly.guideRankings': ({ week, count }, { session }) => ({
    week,
    ...isoWeekRange(week),
    guides: guideRankings(session.requireDb(), week, count),
  }),
  'weekly.freshness': ({ week }, { session }) => weekFreshness(session.requireDb(), week),
  'weekly.storeTrend': ({ storeId, week, weeks }, { session, now }) =>
    storeTrend(session.requireDb(), storeId, week, weeks, now().toISOString()),
  'weekly.weeksWithFigures': (_input, { session }) => {
    const weeks = weeksWithFigures(session.requireDb());
    return { weeks, latest: weeks[0] ?? null };
  },
});
