import { biggestChanges, tierMove } from '../../../shared/metrics/rankings';
import type { FigureName, Figures } from '../../../shared/metrics/weekly-figures';
import type { Mover } from '../../../shared/review/review-schema';
import { defineSection } from '../review-context';

function movers<T extends { current: Figures; previous: Figures }>(
  items: readonly T[],
  figure: FigureName,
  idOf: (item: T) => string,
  labelOf: (item: T) => string,
) {
  const { rises, falls } = biggestChanges(items, figure, 5);
  const toMover = ({ item, delta }: { item: T; delta: number }): Mover => ({
    id: idOf(item),
    label: labelOf(item),
    delta,
    current: item.current[figure],
    previous: item.previous[figure],
  });
  return { rises: rises.map(toMover), falls: falls.map(toMover) };
}

/** 4. Movers: the five biggest rises and falls in net sales and net new contacts; tier moves. */
export const moversSection = defineSection({
  key: 'movers',
  build({ stores, guides }) {
    const storeId = (store: (typeof stores.stores)[number]) => store.storeId;
    const storeLabel = (store: (typeof stores.stores)[number]) => `${store.code} ${store.name}`;
    const guideId = (guide: (typeof guides)[number]) => guide.guideId;
    const guideLabel = (guide: (typeof guides)[number]) => `${guide.name}（${guide.storeCode} ${guide.storeName}）`;
    return {
      stores: {
        netSalesFen: movers(stores.stores, 'netSalesFen', storeId, storeLabel),
        netNewContacts: movers(stores.stores, 'netNewContacts', storeId, storeLabel),
      },
      guides: {
        netSalesFen: movers(guides, 'netSalesFen', guideId, guideLabel),
        netNewContacts: movers(guides, 'netNewContacts', guideId, guideLabel),
      },
      tierMoves: stores.stores.flatMap((store) => {
        const move = tierMove(store.tier, store.previousTier);
        return move ? [{ storeId: store.storeId, code: store.code, name: store.name, ...move }] : [];
      }),
    };
  },
});
