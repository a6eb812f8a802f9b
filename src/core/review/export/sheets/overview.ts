import type { Workbook } from 'exceljs';
import { weekLabel } from '../../../../shared/dates/week-label';
import type { FigureName } from '../../../../shared/metrics/weekly-figures';
import { changeOf } from '../../../../shared/metrics/weekly-figures';
import type { Review } from '../../../../shared/review/review-schema';
import { tierKeysByGrid, tierRank } from '../../../../shared/tiers/tier-rule';
import { addTableSheet, appendTable, type Column } from '../workbook-style';

const kpis: { figure: FigureName; label: string; kind: 'money' | 'percent' | 'integer'; riseIsGood?: boolean }[] = [
  { figure: 'netSalesFen', label: '净销售额', kind: 'money' },
  { figure: 'onlineShare', label: '线上占比', kind: 'percent' },
  { figure: 'newContacts', label: '新增客户', kind: 'integer' },
  { figure: 'netNewContacts', label: '净增客户', kind: 'integer' },
  { figure: 'lossRate', label: '流失率', kind: 'percent', riseIsGood: false },
  { figure: 'newMembers', label: '新增会员', kind: 'integer' },
  { figure: 'orders', label: '订单数', kind: 'integer' },
];

type Kpi = (typeof kpis)[number];

/** 概览: the pilot stores' KPIs against last week, all stores beside them, then tier counts. */
export function overviewSheet(workbook: Workbook, review: Review): void {
  const { pilot, all } = review.overview;
  const scale = (kpi: Kpi, value: number | null) => (value === null ? null : kpi.kind === 'money' ? value / 100 : value);
  const changeKind = (kpi: Kpi) => (kpi.kind === 'money' ? 'moneyChange' : kpi.kind === 'percent' ? 'points' : 'integerChange');
  const delta = (kpi: Kpi, group: typeof pilot) => {
    const change = changeOf(group.current[kpi.figure], group.previous[kpi.figure]).delta;
    if (change === null) return null;
    return kpi.kind === 'percent' ? change * 100 : scale(kpi, change);
  };
  const columns: Column<Kpi>[] = [
    { header: '指标', kind: 'text', value: (kpi) => kpi.label },
    { header: `试点门店（${pilot.storeCount}）本周`, kind: 'money', value: (kpi) => scale(kpi, pilot.current[kpi.figure]) },
    { header: '上周', kind: 'money', value: (kpi) => scale(kpi, pilot.previous[kpi.figure]) },
    { header: '变化', kind: 'moneyChange', value: (kpi) => delta(kpi, pilot) },
    { header: `全部门店（${all.storeCount}）本周`, kind: 'money', value: (kpi) => scale(kpi, all.current[kpi.figure]) },
    { header: '上周', kind: 'money', value: (kpi) => scale(kpi, all.previous[kpi.figure]) },
    { header: '变化', kind: 'moneyChange', value: (kpi) => delta(kpi, all) },
  ];
  const sheet = addTableSheet(workbook, '概览', columns, kpis);
  // Each KPI has its own unit: set the number formats row by row.
  kpis.forEach((kpi, index) => {
    const row = sheet.getRow(index + 2);
    for (const column of [2, 3, 5, 6]) row.getCell(column).numFmt = kpi.kind === 'money' ? '"¥"#,##0.00' : kpi.kind === 'percent' ? '0.0%' : '#,##0';
    for (const column of [4, 7]) {
      const cell = row.getCell(column);
      const kind = changeKind(kpi);
      cell.numFmt = kind === 'moneyChange' ? '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00' : kind === 'points' ? '+0.0" pt";-0.0" pt";0.0" pt"' : '+#,##0;-#,##0;0';
      const value = typeof cell.value === 'number' ? cell.value : 0;
      if (value !== 0) cell.font = { color: { argb: (value > 0) === (kpi.riseIsGood ?? true) ? 'FF18A058' : 'FFD03050' } };
    }
  });
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
        riseIsGood: (row) => (row.tier === null ? false : tierRank(row.tier) === 0 ? true : tierRank(row.tier) === lastRank ? false : null),
      },
    ] satisfies Column<(typeof tierRows)[number]>[],
    tierRows,
  );
  const { targets } = review.overview;
  if (targets) {
    const rows = [
      { label: '业绩目标（每店每周）', target: targets.salesTargetFen / 100, format: '"¥"#,##0.00', reached: targets.storesAtSalesTarget },
      { label: '线上占比目标', target: targets.onlineShareTarget, format: '0.0%', reached: targets.storesAtShareTarget },
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
  info.getCell(1).value = `${review.workspaceName} · 周复盘 ${weekLabel('zh-CN', review.week)} · 生成于 ${review.generatedAt.slice(0, 16).replace('T', ' ')} (UTC)`;
  info.getCell(1).font = { italic: true, color: { argb: 'FF808080' } };
}
