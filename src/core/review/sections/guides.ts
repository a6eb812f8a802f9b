import type { Worksheet } from 'exceljs';
import { describePaddingFlag, paddingFlags, storePercentile } from '../../../shared/review/padding-signals';
import type { Review, ReviewGuide } from '../../../shared/review/review-schema';
import { figureColumns } from '../export/figure-columns';
import { appendTable, type Column } from '../export/workbook-style';
import { newContactsHistory } from '../guide-contact-history';
import { defineSection } from '../review-context';

/** 3. Guides: every guide's figures, rank within the store, and padding flags with their numbers. */
export const guidesSection = defineSection({
  key: 'guides',
  build({ db, week, guides, padding }) {
    const history = newContactsHistory(db, week, padding.spikeHistoryWeeks);
    const byStore = new Map<string, (number | null)[]>();
    for (const guide of guides)
      byStore.set(guide.storeId, [...(byStore.get(guide.storeId) ?? []), guide.current.newContacts]);
    const percentiles = new Map([...byStore].map(([storeId, values]) => [storeId, storePercentile(values, padding)]));
    return guides.map((guide) => ({
      guideId: guide.guideId,
      staffNo: guide.staffNo,
      name: guide.name,
      storeId: guide.storeId,
      storeCode: guide.storeCode,
      storeName: guide.storeName,
      rankInStore: guide.rankInStore,
      current: guide.current,
      previous: guide.previous,
      flags: paddingFlags(
        guide.current,
        history.get(guide.guideId) ?? [],
        percentiles.get(guide.storeId) ?? null,
        padding,
      ),
    }));
  },
  // A flag's wording follows from its numbers: two reviews differ by the numbers, not the sentence.
  figures: (guides) =>
    guides.map(({ flags, ...guide }) => ({ ...guide, flags: flags.map(({ code, numbers }) => ({ code, numbers })) })),
  sheet: { name: '导购', write: writeGuides },
});

/** 导购: one row per guide, rank within the store, and padding flags with the numbers behind them. */
function writeGuides(sheet: Worksheet, review: Review): void {
  const columns: Column<ReviewGuide>[] = [
    { header: '工号', kind: 'text', value: (guide) => guide.staffNo },
    { header: '姓名', kind: 'text', value: (guide) => guide.name },
    { header: '门店编码', kind: 'text', value: (guide) => guide.storeCode },
    { header: '门店', kind: 'text', value: (guide) => guide.storeName },
    { header: '店内排名', kind: 'integer', value: (guide) => guide.rankInStore },
    ...figureColumns<ReviewGuide>({ salesDetail: false }),
    {
      header: '灌水信号',
      kind: 'text',
      value: (guide) => guide.flags.map((flag) => describePaddingFlag('zh-CN', flag)).join('；'),
    },
  ];
  appendTable(sheet, columns, review.guides, true);
}
