import type { Worksheet } from 'exceljs';
import { weekLabel } from '../../../shared/dates/week-label';
import { translate } from '../../../shared/i18n/translate';
import { countByTier } from '../../../shared/metrics/rankings';
import { headlineFigures, riseIsGood, type FigureName } from '../../../shared/metrics/weekly-figures';
import type { GroupTotals } from '../../../shared/metrics/weekly-schema';
import type { Review } from '../../../shared/review/review-schema';
import { tierKeysByGrid, tierRank } from '../../../shared/tiers/tier-rule';
import { cellValue, changeKind, changeValue, valueKind } from '../export/figure-cells';
import { appendTable, type Column } from '../export/workbook-style';
import { defineSection } from '../review-context';

/**
 * 1. Overview: the pilot stores' week against last week, all stores beside it, tier counts, and —
 * where the tier rule sets fixed targets — how many pilot stores reached them.
 */
export const overviewSection = defineSection({
  key: 'overview',
  build({ stores, profiles }) {
    const grid = stores.rule.grid;
    const current = countByTier(stores.stores.map((store) => store.tier));
    const previous = countByTier(stores.stores.map((store) => store.previousTier));
    const names = new Map(profiles.map((profile) => [profile.tier, profile.name]));
    const pilot = stores.stores.filter((store) => store.pilotWave === 'pilot');
    const withData = pilot.filter((store) => store.current.netSalesFen !== null && store.current.onlineShare !== null);
    // The lowest line of a fixed rule is the weekly target a store is held to.
    const salesTarget = stores.rule.kind === 'fixed' ? (stores.rule.salesThresholdsFen?.[0] ?? null) : null;
    const shareTarget = stores.rule.kind === 'fixed' ? (stores.rule.onlineShareThresholds?.[0] ?? null) : null;
    const targets =
      salesTarget === null || shareTarget === null
        ? null
        : {
            salesTargetFen: salesTarget,
            onlineShareTarget: shareTarget,
            storesWithData: withData.length,
            storesAtSalesTarget: withData.filter((store) => (store.current.netSalesFen as number) >= salesTarget)
              .length,
            storesAtShareTarget: withData.filter((store) => (store.current.onlineShare as number) >= shareTarget - 1e-9)
              .length,
          };
    return {
      targets,
      pilot: stores.totals.pilot,
      all: stores.totals.all,
      grid,
      tierCounts: [...tierKeysByGrid[grid], null].map((tier) => ({
        tier,
        name: tier === null ? '无数据' : (names.get(tier) ?? tier),
        count: current.get(tier) ?? 0,
        previousCount: previous.get(tier) ?? 0,
      })),
    };
  },
  // Tier names are the workspace's wording (kept apart in tierNames): renaming a tier changes no figure.
  figures: (overview) => ({
    ...overview,
    tierCounts: overview.tierCounts.map(({ tier, count, previousCount }) => ({ tier, count, previousCount })),
  }),
  sheet: { name: '概览', write: writeOverview },
});

/** 概览: the pilot stores' KPIs against last week, all stores beside them, then tier counts. */
function writeOverview(sheet: Worksheet, review: Review): void {
  const { pilot, all } = review.overview;
  const groupColumns = (label: string, group: GroupTotals): Column<FigureName>[] => [
    // Each row is one KPI in its own unit.
    { header: label, kind: valueKind, value: (figure) => cellValue(figure, group.current[figure]) },
    { header: '上周', kind: valueKind, value: (figure) => cellValue(figure, group.previous[figure]) },
    { header: '变化', kind: changeKind, riseIsGood, value: (figure) => changeValue(figure, group) },
  ];
  appendTable(
    sheet,
    [
      { header: '指标', kind: 'text', value: (figure) => translate('zh-CN', `metric.${figure}`) },
      ...groupColumns(`试点门店（${pilot.storeCount}）本周`, pilot),
      ...groupColumns(`全部门店（${all.storeCount}）本周`, all),
    ],
    headlineFigures,
    true,
  );
  const tierRows = review.overview.tierCounts;
  const lastRank = tierKeysByGrid[review.overview.grid].length - 1;
  appendTable(
    sheet,
    [
      { header: '分层', kind: 'tier', value: (row) => (row.tier === null ? '无数据' : `${row.tier} ${row.name}`) },
      { header: '门店数', kind: 'integer', value: (row) => row.count },
      { header: '上周', kind: 'integer', value: (row) => row.previousCount },
      {
        header: '变化',
        kind: 'integerChange',
        value: (row) => row.count - row.previousCount,
        // More stores in the best tier is good news, more in the one needing most help (or without
        // data) is not; the tiers between are left uncoloured.
        riseIsGood: (row) =>
          row.tier === null ? false : tierRank(row.tier) === 0 ? true : tierRank(row.tier) === lastRank ? false : null,
      },
    ] satisfies Column<(typeof tierRows)[number]>[],
    tierRows,
  );
  const { targets } = review.overview;
  if (targets) {
    const rows = [
      {
        label: '业绩目标（每店每周）',
        target: targets.salesTargetFen / 100,
        format: '"¥"#,##0.00',
        reached: targets.storesAtSalesTarget,
      },
      {
        label: '线上占比目标',
        target: targets.onlineShareTarget,
        format: '0.0%',
        reached: targets.storesAtShareTarget,
      },
    ];
    appendTable(
      sheet,
      [
        { header: '目标（分层规则的固定目标）', kind: 'text', value: (row) => row.label },
        { header: '目标值', kind: 'text', value: () => null },
        { header: '达标试点门店', kind: 'integer', value: (row) => row.reached },
        { header: '有数据的试点门店', kind: 'integer', value: () => targets.storesWithData },
      ] satisfies Column<(typeof rows)[number]>[],
      rows,
    );
    // Each target has its own unit: write the value with its own format.
    rows.forEach((row, index) => {
      const cell = sheet.getRow(sheet.rowCount - rows.length + 1 + index).getCell(2);
      cell.value = row.target;
      cell.numFmt = row.format;
      cell.alignment = { horizontal: 'right' };
    });
  }
  const info = sheet.getRow(sheet.rowCount + 2);
  info.getCell(1).value =
    `${review.workspaceName} · 周复盘 ${weekLabel('zh-CN', review.week)} · 生成于 ${review.generatedAt.slice(0, 16).replace('T', ' ')} (UTC)`;
  info.getCell(1).font = { italic: true, color: { argb: 'FF808080' } };
}
