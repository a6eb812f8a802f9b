import { formatChange } from '../../../../shared/metrics/format-figures';
import { changeOf, riseIsGood, type FigureName, type Figures } from '../../../../shared/metrics/weekly-figures';
import type { Review } from '../../../../shared/review/review-schema';
import { useI18n } from '../../../i18n/use-i18n';

interface WithWeeks {
  current: Figures;
  previous: Figures;
}

/** How the print writes a figure's change and colours it, and names a tier (as in the review). */
export function usePrintCells(review: () => Review) {
  const { t } = useI18n();
  return {
    tierLabel: (tier: string | null) =>
      tier === null ? t('tier.noData') : `${tier} ${review().tierNames[tier] ?? ''}`,
    change: (figure: FigureName, row: WithWeeks) => {
      const { delta, relative } = changeOf(row.current[figure], row.previous[figure]);
      return formatChange(figure, delta, relative);
    },
    tone: (figure: FigureName, row: WithWeeks) => {
      const delta = changeOf(row.current[figure], row.previous[figure]).delta;
      if (!delta) return '';
      return delta > 0 === riseIsGood(figure) ? 'up' : 'down';
    },
  };
}
